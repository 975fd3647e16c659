"""Filters that find every spelling: actors by any alias or variant (never by a part of a word),
countries by code, name or demonym (an unknown one is an error), occasions by their words or
summit series, and each meeting's scope, on both back ends."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import text, update

from sidelines.data import data_dir
from sidelines.filters import MeetingFilter, StatementFilter
from sidelines.kb import KnowledgeBase
from sidelines.kb.userdata import add_file
from sidelines.store import Store
from sidelines.store.filters import FilterError
from sidelines.store.migrations import _meeting_scope
from sidelines.store.read.facets import FACETS, meeting_facets
from sidelines.store.read.meetings import iter_meetings
from sidelines.store.read.statements import iter_statements
from sidelines.store.schema import ActorRow, MeetingRow
from sidelines.types import Document, Evidence, Extraction, Meeting, Participant, Statement

from .conftest import NewDatabase

LAVROV = Participant("Sergey Lavrov", "sergey-lavrov", "RUS", "Foreign Minister")
ERDOGAN = Participant("Recep Tayyip Erdogan", "recep-tayyip-erdogan", "TUR", "President")
BIDEN = Participant("Joe Biden", "joe-biden", "USA", "President")
MODI = Participant("Narendra Modi", "narendra-modi", "IND", "Prime Minister")
PUTIN = Participant("Vladimir Putin", "vladimir-putin", "RUS", "President")
GREF = Participant("German Gref", None, "RUS", "CEO of Sberbank")
ABE = Participant("Shinzo Abe", "shinzo-abe", "JPN", "Prime Minister")
BENNETT = Participant("Elizabeth Bennett", None, "GBR", "Mayor")
SMITH = Participant("John Smith", None, "GBR", "Councillor")
GUTERRES = Participant("António Guterres", "antonio-guterres", None, "Secretary-General")

#: (meeting id, date, participants, occasion, a statement's speaker)
MEETINGS: list[tuple[str, str, list[Participant], str | None, Participant | None]] = [
    ("bali", "2022-11-15", [LAVROV, ERDOGAN], "G20 Bali Summit", LAVROV),
    ("delhi", "2023-09-09", [BIDEN, MODI], "G20 New Delhi Summit", BIDEN),
    ("group", "2021-10-30", [ERDOGAN, BIDEN], "Group of Twenty Leaders' Summit", None),
    ("sco", "2022-09-16", [PUTIN, ERDOGAN], "SCO Summit", None),
    ("gref", "2023-02-01", [PUTIN, GREF], None, GREF),
    ("mayor", "2023-03-01", [BENNETT, SMITH], None, None),
    ("abe", "2019-06-28", [ABE, MODI], None, None),
    ("un", "2022-04-26", [GUTERRES, PUTIN], None, None),
]


def _extraction(
    key: str, day: str, parties: list[Participant], occasion: str | None, speaker: Any
) -> Extraction:
    body = f"Report {key}: " + " met ".join(p.name for p in parties) + "."
    evidence = [Evidence(0, len(body), body)]
    statements = (
        [Statement(f"st-{key}", [speaker], "said", f"{speaker.name} spoke.", ["trade"], key)]
        if speaker
        else []
    )
    return Extraction(
        document=Document(text=body, title=f"Report {key}", published=day, path=f"{key}.md"),
        meetings=[
            Meeting(
                key, "held", "in_person", parties, date=day, occasion=occasion, evidence=evidence
            )
        ],
        statements=statements,
    )


@pytest.fixture(scope="module")
def store(module_db: NewDatabase) -> Store:
    store = Store.open(module_db("filters"))
    for item in MEETINGS:
        assert store.save(_extraction(*item))
    return store


def _ids(records: list[dict[str, Any]]) -> set[str]:
    return {r["id"] for r in records}


@pytest.mark.parametrize(
    "spelling",
    [
        "Sergey Lavrov",
        "Sergei Lavrov",
        "Sergey Viktorovich Lavrov",
        "Sergei V. Lavrov",
        "Lavrov",
        "Russian Foreign Minister Sergei Lavrov",
        "sergey-lavrov",
    ],
)
def test_an_actor_is_found_under_every_spelling(store: Store, spelling: str) -> None:
    assert _ids(store.meetings(actor=spelling)) == {"bali"}
    assert [s["id"] for s in store.statements(speaker=spelling)] == ["st-bali"]
    assert _ids(store.meetings(with_=spelling)) == {"bali"}
    assert [a["id"] for a in store.actors(name=spelling)] == ["sergey-lavrov"]


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Erdoğan", {"bali", "group", "sco"}),
        ("Erdogan", {"bali", "group", "sco"}),
        ("Recep Tayyip Erdoğan", {"bali", "group", "sco"}),
        ("Joseph R. Biden", {"delhi", "group"}),
        ("Joseph R. Biden, Jr.", {"delhi", "group"}),
        ("President Biden", {"delhi", "group"}),
        ("Antonio Guterres", {"un"}),
        ("German Gref", {"gref"}),
    ],
)
def test_kb_aliases_and_variants_find_the_actor(
    store: Store, spelling: str, expected: set[str]
) -> None:
    assert _ids(store.meetings(actor=spelling)) == expected
    assert store.count_meetings(actor=spelling) == len(expected)


def test_a_part_of_a_word_is_not_a_name(store: Store) -> None:
    assert _ids(store.meetings(actor="Abe")) == {"abe"}  # not Elizabeth Bennett
    assert [a["id"] for a in store.actors(name="Abe")] == ["shinzo-abe"]
    for part in ("Ben", "Eliza", "avrov", "Lav", "Smi"):
        assert store.meetings(actor=part) == [], part
        assert store.actors(name=part) == [], part
    assert _ids(store.meetings(actor="Bennett")) == {"mayor"}


def test_actors_keep_the_kb_aliases(store: Store) -> None:
    lavrov = store.actor("sergey-lavrov")
    assert lavrov is not None
    assert {"Sergei Lavrov", "Sergey Viktorovich Lavrov"} <= set(lavrov["aliases"])
    assert "Joseph R. Biden" in store.actors(name="Biden")[0]["aliases"]


@pytest.mark.parametrize("value", ["RUS", "rus", "Russia", "Russian", "Russian Federation"])
def test_a_country_by_code_name_or_demonym(store: Store, value: str) -> None:
    russian = {"bali", "sco", "gref", "un"}
    assert _ids(store.meetings(country=value)) == russian
    assert _ids(store.meetings(with_=value)) == russian
    assert store.count_meetings(country=value) == len(russian)
    assert {s["id"] for s in store.statements(country=value)} == {"st-bali", "st-gref"}
    assert {a["id"] for a in store.actors(country=value)} == {
        "sergey-lavrov",
        "vladimir-putin",
        "name:german-gref",
    }


def test_an_unknown_country_is_an_error_with_a_suggestion(store: Store) -> None:
    with pytest.raises(FilterError, match=r"\[E031\] unknown country 'Rusia'.*'Russia'"):
        store.meetings(country="Rusia")
    with pytest.raises(FilterError, match="ISO 3166-1 alpha-3"):
        store.statements(country="Qwxyzzy")
    with pytest.raises(FilterError, match="unknown country"):
        store.actors(country="Narnia")
    with pytest.raises(FilterError, match="no country and no actor"):
        store.meetings(with_="Qwxyzzy Plonk")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("G20 summit", {"bali", "delhi", "group"}),
        ("g20", {"bali", "delhi", "group"}),
        ("Group of Twenty", {"bali", "delhi", "group"}),
        ("summit G20", {"bali", "delhi", "group"}),
        ("Bali", {"bali"}),
        ("G20 Bali Summit", {"bali"}),
        ("SCO summit", {"sco"}),
        ("summit", {"bali", "delhi", "group", "sco"}),
        ("G20 finance ministers", set()),
        ("Ba", set()),  # words, not parts of words
    ],
)
def test_an_occasion_by_its_words_or_its_summit_series(
    store: Store, value: str, expected: set[str]
) -> None:
    assert _ids(store.meetings(occasion=value)) == expected
    assert store.count_meetings(occasion=value) == len(expected)


def test_every_meeting_has_a_scope(store: Store) -> None:
    scopes = {m["id"]: m["scope"] for m in store.meetings()}
    assert scopes == {
        "bali": "international",
        "delhi": "international",
        "group": "international",
        "sco": "international",
        "gref": "domestic",
        "mayor": "domestic",
        "abe": "international",
        "un": "international",  # the UN Secretary-General speaks for an organisation
    }
    assert _ids(store.meetings(scope="domestic")) == {"gref", "mayor"}
    assert store.count_meetings(scope="International") == 6
    assert _ids(store.meetings(actor="Putin", scope="domestic")) == {"gref"}
    assert [s["id"] for s in store.statements(scope="domestic")] == ["st-gref"]
    assert store.count_statements(scope="international") == 2


def test_actors_of_a_scope_are_counted_in_it(store: Store) -> None:
    domestic = {a["id"]: a["meetings"] for a in store.actors(scope="domestic")}
    assert domestic == {
        "vladimir-putin": 1,
        "name:german-gref": 1,
        "name:elizabeth-bennett": 1,
        "name:john-smith": 1,
    }
    international = {a["id"]: a["meetings"] for a in store.actors(scope="international")}
    assert international["vladimir-putin"] == 2 and "name:german-gref" not in international
    assert store.count_actors(scope="domestic") == 4


def test_exports_read_the_same_filters(store: Store) -> None:
    with store.sessions() as session:
        found = {m["id"] for m in iter_meetings(session, MeetingFilter(actor="Sergei Lavrov"))}
        assert found == {"bali"}
        scoped = list(iter_meetings(session, MeetingFilter(scope="domestic", country="Russian")))
        assert [m["id"] for m in scoped] == ["gref"] and scoped[0]["scope"] == "domestic"
        said = [
            s["id"] for s in iter_statements(session, StatementFilter(speaker="Joseph R. Biden"))
        ]
        assert said == ["st-delhi"]


def test_an_unknown_scope_is_an_error(store: Store) -> None:
    with pytest.raises(FilterError, match="international or domestic"):
        store.meetings(scope="global")


def test_the_migrations_backfill_aliases_keys_and_scope(new_db: NewDatabase) -> None:
    url = new_db("backfill")
    store = Store.open(url)
    for item in MEETINGS:
        store.save(_extraction(*item))
    expected = store.meetings()
    with store.engine.begin() as connection:  # as a database written before 0006 and 0007
        connection.execute(text("DELETE FROM actor_keys"))
        connection.execute(update(ActorRow).values(aliases=[], international=0))
        connection.execute(update(MeetingRow).values(scope=None))
        connection.execute(
            text("DELETE FROM schema_migrations WHERE name IN ('0006_actor_spellings', '0007_meeting_scope')")
        )  # fmt: skip
    store.engine.dispose()
    upgraded = Store.open(url)
    assert upgraded.meetings() == expected
    assert _ids(upgraded.meetings(actor="Sergei Lavrov")) == {"bali"}
    assert _ids(upgraded.meetings(scope="domestic")) == {"gref", "mayor"}
    assert {a["id"] for a in upgraded.actors(scope="domestic")} >= {"name:german-gref"}
    with upgraded.engine.begin() as connection:  # a second run changes nothing
        _meeting_scope(connection)
    assert upgraded.meetings() == expected and upgraded.migrate() == []


def test_the_store_reads_the_knowledge_base_it_is_handed(tmp_path: Any) -> None:
    source = tmp_path / "envoys.csv"
    source.write_text(
        "name,country,office,title,start,end,aliases,short\n"
        "Maria Lindqvist,SWE,other,Special Envoy for the Arctic,2021-03-01,,Masha Lind,\n",
        encoding="utf-8",
    )
    add_file(source, tmp_path / "kb")
    kb = KnowledgeBase([data_dir(), tmp_path / "kb"])
    [actor_id] = [a.id for a in kb.actors.values() if a.name == "Maria Lindqvist"]
    envoy = Participant("Maria Lindqvist", actor_id, "SWE", "Special Envoy for the Arctic")
    handed = Store.open(f"sqlite:///{tmp_path / 'handed.db'}", kb=kb)
    default = Store.open(f"sqlite:///{tmp_path / 'default.db'}")
    assert handed.kb is kb
    for store in (handed, default):
        assert store.save(_extraction("arctic", "2022-05-01", [envoy, LAVROV], None, None))
    # the alias only the handed knowledge base holds finds her
    assert _ids(handed.meetings(actor="Masha Lind")) == {"arctic"}
    assert _ids(default.meetings(actor="Masha Lind")) == set()


def test_counterparts_follow_the_one_side_rule(tmp_path: Any) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'sides.db'}")
    # no side recorded: the side is the country, so Putin and Lavrov are one delegation
    assert store.save(_extraction("ankara", "2022-10-13", [PUTIN, LAVROV, ERDOGAN], None, None))
    profile = store.actor("vladimir-putin")
    assert profile is not None
    assert {c["id"] for c in profile["counterparts"]} == {"recep-tayyip-erdogan"}


def _facet_links_agree(store: Store, filters: MeetingFilter) -> int:
    """Check that each facet value of ``filters`` counts the meetings its filter lists (the
    value's filter replaces the same filter in force, as the dashboard's links do); return how
    many values there were."""
    with store.sessions() as session:
        found = meeting_facets(session, filters, limit=50)
    checked = 0
    for facet in FACETS:
        for item in found[facet]:
            chosen = dataclasses.replace(filters, **item["filter"])
            assert item["count"] == store.count_meetings(chosen), (facet, item)
            assert len(store.meetings(chosen, limit=1000)) == item["count"], (facet, item)
            checked += 1
    return checked


def test_every_facet_value_counts_the_meetings_its_filter_lists(store: Store) -> None:
    assert _facet_links_agree(store, MeetingFilter()) >= len(MEETINGS)
    with store.sessions() as session:
        occasions = {
            o["value"]: o["count"] for o in meeting_facets(session, MeetingFilter())["occasion"]
        }
    # an occasion's words and summit series find more than its exact name
    assert occasions["Group of Twenty Leaders' Summit"] == 3
    assert occasions["SCO Summit"] == 1
    # within other filters (a narrower date range, an occasion in force) too
    assert _facet_links_agree(store, MeetingFilter(since="2022-06-01"))
    assert _facet_links_agree(store, MeetingFilter(occasion="G20 summit", until="2023-01-01"))
