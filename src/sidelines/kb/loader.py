"""Load the knowledge-base data files (``kb/data``) and the user's own files into records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from sidelines.data import data_dir, read_yaml
from sidelines.errors import KnowledgeBaseError
from sidelines.kb.lexicon import (
    DateWords,
    Lexicon,
    MeetingRules,
    StatementWords,
    TitleWords,
    build_section,
)
from sidelines.kb.model import (
    Actor,
    Country,
    Place,
    PublisherProfile,
    Role,
    SummitInstance,
    SummitSeries,
    Topic,
)

__all__ = [
    "load_actors",
    "load_countries",
    "load_lexicon",
    "load_places",
    "load_publishers",
    "load_summits",
    "load_topics",
]


def _records(data: Any, *keys: str) -> list[dict[str, Any]]:
    """The list of records in a file that is a list, or a mapping holding the list under a key."""
    if data is None:
        return []
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)]
    if isinstance(data, dict):
        for key in keys:
            if isinstance(data.get(key), list):
                return [r for r in data[key] if isinstance(r, dict)]
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) == 1:
            return [r for r in lists[0] if isinstance(r, dict)]
    raise KnowledgeBaseError(f"expected a list of records under one of {keys}")


def _date(value: Any) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        if len(text) == 4:
            return dt.date(int(text), 1, 1)
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        return dt.date.fromisoformat(text[:10])
    except ValueError as err:
        raise KnowledgeBaseError(f"bad date {value!r}") from err


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v]


def load_actors(directory: Path | None = None) -> list[Actor]:
    """People from ``people/*.yaml`` and organisations (with their leaders) from ``organisations.yaml``."""
    base = directory or data_dir()
    actors: list[Actor] = []
    for path in sorted((base / "people").glob("*.y*ml")):
        data = read_yaml(path) or {}
        country = data.get("country") if isinstance(data, dict) else None
        for rec in _records(data, "people"):
            actors.append(_person(rec, rec.get("country", country), path))
    org_file = base / "organisations.yaml"
    if org_file.exists():
        for rec in _records(read_yaml(org_file), "organisations", "organizations"):
            actors.extend(_organisation(rec, org_file))
    return actors


def _person(rec: dict[str, Any], country: str | None, path: Path) -> Actor:
    try:
        roles = [
            Role(
                office=str(r.get("office", "other")),
                title=str(r.get("title", "")),
                country=r.get("country", country),
                start=_date(r.get("start")),
                end=_date(r.get("end")),
            )
            for r in rec.get("roles") or []
        ]
        return Actor(
            id=str(rec["id"]),
            name=str(rec["name"]),
            kind="person",
            country=country,
            aliases=_strings(rec.get("aliases")),
            short=_strings(rec.get("short")),
            roles=roles,
        )
    except (KeyError, TypeError, AttributeError) as err:
        raise KnowledgeBaseError(f"{path}: malformed person record {rec!r}: {err}") from err


def _organisation(rec: dict[str, Any], path: Path) -> list[Actor]:
    try:
        code = rec.get("country_code") or "IGO"
        org = Actor(
            id=str(rec["id"]),
            name=str(rec["name"]),
            kind="organisation",
            country=None,
            aliases=_strings(rec.get("aliases")) + _strings(rec.get("acronym")),
            roles=[],
        )
        leaders = []
        for lead in rec.get("leaders") or []:
            role = Role(
                office="leader",
                title=f"{lead.get('title', 'Head')} of {org.name}",
                country=code,
                start=_date(lead.get("start")),
                end=_date(lead.get("end")),
            )
            leaders.append(
                Actor(
                    id=str(lead.get("id") or lead["name"].lower().replace(" ", "-")),
                    name=str(lead["name"]),
                    kind="person",
                    country=lead.get("nationality"),  # speaks for a country only out of office
                    aliases=_strings(lead.get("aliases")),
                    short=_strings(lead.get("short")),
                    roles=[role],
                )
            )
        return [org, *leaders]
    except (KeyError, TypeError, AttributeError) as err:
        raise KnowledgeBaseError(f"{path}: malformed organisation record: {err}") from err


def load_countries(directory: Path | None = None) -> list[Country]:
    """Every ISO country from pycountry, enriched with ``countries.yaml`` (demonyms, capitals...)."""
    base = directory or data_dir()
    extra: dict[str, dict[str, Any]] = {}
    path = base / "countries.yaml"
    if path.exists():
        for rec in _records(read_yaml(path), "countries"):
            if rec.get("iso3"):
                extra[str(rec["iso3"])] = rec
    countries: list[Country] = []
    seen: set[str] = set()
    for pc in pycountry.countries:
        rec = extra.get(pc.alpha_3, {})
        official = [getattr(pc, "official_name", None), getattr(pc, "common_name", None), pc.name]
        countries.append(_country(pc.alpha_3, rec.get("name") or pc.name, rec, official))
        seen.add(pc.alpha_3)
    for iso3, rec in extra.items():
        if iso3 not in seen:
            countries.append(_country(iso3, str(rec.get("name") or iso3), rec, []))
    return countries


def _country(iso3: str, name: str, rec: dict[str, Any], more: Iterable[str | None]) -> Country:
    names = [n for n in [*_strings(rec.get("names")), *more] if n and n != name]
    return Country(
        iso3=iso3,
        name=str(name),
        names=tuple(dict.fromkeys(names)),
        demonyms=tuple(_strings(rec.get("demonyms"))),
        capitals=tuple(_strings(rec.get("capital")) + _strings(rec.get("capital_aliases"))),
        metonyms=tuple(_strings(rec.get("government_metonyms"))),
    )


def load_places(directory: Path | None = None) -> list[Place]:
    """Venues and cities of ``places.yaml``, each alias as its own record."""
    base = directory or data_dir()
    path = base / "places.yaml"
    places: list[Place] = []
    if path.exists():
        for rec in _records(read_yaml(path), "places"):
            if not rec.get("name") or not rec.get("country"):
                continue
            kind = str(rec.get("kind", "city"))
            for name in [rec["name"], *_strings(rec.get("aliases"))]:
                places.append(Place(name=str(name), country=str(rec["country"]), kind=kind))
    return places


def load_summits(directory: Path | None = None) -> list[SummitSeries]:
    """Summit series and their instances from ``summits.yaml``."""
    base = directory or data_dir()
    path = base / "summits.yaml"
    series: list[SummitSeries] = []
    if not path.exists():
        return series
    for rec in _records(read_yaml(path), "summits", "series"):
        instances = [
            SummitInstance(
                name=str(i.get("name") or rec.get("name")),
                start=_date(i.get("start")),
                end=_date(i.get("end")),
                city=i.get("city"),
                country=i.get("country"),
            )
            for i in rec.get("instances") or []
        ]
        series.append(
            SummitSeries(
                id=str(rec.get("id") or rec.get("name")),
                name=str(rec.get("name")),
                aliases=_strings(rec.get("aliases")),
                instances=instances,
            )
        )
    return series


def load_topics(directory: Path | None = None) -> list[Topic]:
    """The topic taxonomy of ``topics.yaml``."""
    base = directory or data_dir()
    path = base / "topics.yaml"
    if not path.exists():
        return []
    return [
        Topic(label=str(r["label"]), keywords=tuple(k.lower() for k in _strings(r.get("keywords"))))
        for r in _records(read_yaml(path), "topics")
        if r.get("label")
    ]


def load_publishers(directory: Path | None = None) -> list[PublisherProfile]:
    """Publisher profiles of ``publishers.yaml``."""
    base = directory or data_dir()
    path = base / "publishers.yaml"
    if not path.exists():
        return []
    profiles = []
    for rec in _records(read_yaml(path), "publishers"):
        principal = rec.get("principal") or {}
        profiles.append(
            PublisherProfile(
                id=str(rec.get("id") or rec.get("name")),
                name=str(rec.get("name")),
                domains=tuple(_strings(rec.get("domains"))),
                site_names=tuple(_strings(rec.get("site_names"))),
                country=rec.get("country"),
                principal_office=principal.get("office"),
                principal_country=principal.get("country") or rec.get("country"),
                original_source_phrases=tuple(_strings(rec.get("original_source_phrases"))),
                event_date=str(rec.get("event_date") or "explicit"),
                own_side_words=tuple(_strings(rec.get("own_side_words"))),
            )
        )
    return profiles


@lru_cache(maxsize=8)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """The typed lexicon: the cue tables and titles of ``cues.yaml`` and the sections of
    ``meeting_rules.yaml``, read once per folder (the lexicon is frozen, so one copy serves all)."""
    base = directory or data_dir()
    cues = read_yaml(base / "cues.yaml")
    if not isinstance(cues, dict):
        raise KnowledgeBaseError("cues.yaml must be a mapping")
    rules = build_section(
        MeetingRules, read_yaml(base / "meeting_rules.yaml"), "meeting_rules.yaml"
    )
    titles = build_section(TitleWords, cues.get("titles"), "cues.yaml titles")
    statements = build_section(StatementWords, cues.get("statements"), "cues.yaml statements")
    dates = build_section(DateWords, cues.get("dates"), "cues.yaml dates")
    return Lexicon(cues=cues, titles=titles, statements=statements, dates=dates, meetings=rules)
