"""The knowledge-base data files are well formed: dates ordered, codes valid, one holder per office.

An office held by a college (Andorra's co-princes, San Marino's captains regent, Bosnia and
Herzegovina's presidency, Switzerland's Federal Council) is declared in its file with
``collegial: [head_of_state, ...]``; every other office has one holder at a time (a handover day
may overlap).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from sidelines.data import data_dir
from sidelines.kb import KnowledgeBase

OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "leader", "other"}
PEOPLE = sorted((data_dir() / "people").glob("*.yaml"))


def _load(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


@pytest.mark.parametrize("path", PEOPLE, ids=[p.stem for p in PEOPLE])
def test_people_file_is_well_formed(path: Path, kb: KnowledgeBase) -> None:
    data = _load(path)
    assert data.get("country") == path.stem, f"{path.name}: country field"
    assert path.stem in kb.countries, f"{path.name}: {path.stem} is not a known ISO3 code"
    people = data.get("people")
    assert isinstance(people, list) and people, f"{path.name}: no people"
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids)), f"{path.name}: an id is used twice"
    for person in people:
        assert person.get("name"), f"{path.name}: {person.get('id')} has no name"
        for role in person.get("roles") or []:
            assert role.get("office") in OFFICES, f"{person['id']}: office {role.get('office')}"
            start, end = role.get("start"), role.get("end")
            assert isinstance(start, dt.date), f"{person['id']}: start {start!r}"
            assert end is None or isinstance(end, dt.date), f"{person['id']}: end {end!r}"
            assert end is None or start <= end, f"{person['id']}: ends before it starts"
            code = role.get("country")
            assert code is None or code in kb.countries, f"{person['id']}: country {code}"


@pytest.mark.slow
def test_one_holder_per_office_at_a_time(kb: KnowledgeBase) -> None:
    collegial: set[tuple[str, str]] = set()
    for path in PEOPLE:
        for office in _load(path).get("collegial") or []:  # type: ignore[attr-defined]
            collegial.add((path.stem, office))
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for actor in kb.actors.values():
        for role in actor.roles:
            if role.office in {"head_of_state", "head_of_government", "foreign_minister"}:
                key = (role.country or "", role.office)
                start = role.start or dt.date(1900, 1, 1)
                terms[key].append((start, role.end or dt.date(2100, 1, 1), actor.id))
    overlaps = []
    for key, spans in terms.items():
        if key in collegial:
            continue
        spans.sort()
        for (_s1, e1, a1), (s2, _e2, a2) in itertools.pairwise(spans):
            if a1 != a2 and s2 < e1 - dt.timedelta(days=1) and e1 > dt.date(2000, 1, 1):
                overlaps.append(f"{key}: {a1} until {e1} overlaps {a2} from {s2}")
    assert not overlaps, "\n".join(overlaps)


def test_seed_covers_the_world(kb: KnowledgeBase) -> None:
    countries = {r.country for a in kb.actors.values() for r in a.roles if r.country}
    assert len(countries & set(kb.countries)) >= 150
