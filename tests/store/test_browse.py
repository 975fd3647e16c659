"""Browsing the corpus: actors (one per person, however spelled), actor pages, meetings and
documents with their evidence, topics, occasions, search, counts and paging, and the upgrade of
a database made before actors existed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from spacy.language import Language

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.store import Store

from ..conftest import SAMPLES
from .conftest import NewDatabase

SPELLING_A = """---
title: Readout of the Minister's meeting
date: 2021-05-04
publisher: Example Ministry
---
Chilean Trade Minister Rufus Firefly met with Finnish Trade Commissioner Aleksey Trentinov in Geneva on May 4.
Trentinov stressed the importance of open markets.
"""
SPELLING_B = """---
title: Another meeting in Geneva
date: 2021-09-10
publisher: Example Ministry
---
Chilean Trade Minister Rufus Firefly met with Finnish Trade Commissioner Aleksei Trentinov in Geneva on September 10.
Trentinov welcomed the new customs agreement.
"""


def _ingest(items: list[str], store: Store, nlp: Language) -> IngestReport:
    report = IngestReport()
    return ingest_documents(read_items(items, store, report), store, report, nlp=nlp)


@pytest.fixture(scope="module")
def store(module_db: NewDatabase, nlp: Language) -> Store:
    store = Store.open(module_db("browse"))
    report = _ingest([str(SAMPLES)], store, nlp)
    assert report.stored >= 4 and not report.failed
    return store


def test_every_principal_is_an_actor_with_counts(store: Store) -> None:
    listed = store.actors()
    assert len(listed) == store.count_actors() > 0
    assert listed == sorted(listed, key=lambda a: (-a["meetings"], -a["statements"]))
    lavrov = store.actors(name="Lavrov")
    assert [a["id"] for a in lavrov] == ["sergey-lavrov"]
    assert lavrov[0]["country"] == "RUS" and lavrov[0]["meetings"] >= 1
    assert all(a["country"] == "RUS" for a in store.actors(country="rus"))


def test_actor_page_has_roles_counterparts_topics_and_latest_facts(store: Store) -> None:
    page = store.actor("Sergei Lavrov")  # another spelling finds the same actor
    assert page is not None and page["id"] == "sergey-lavrov"
    assert any("Minister" in role["title"] for role in page["roles"])
    assert page["counterparts"][0]["id"] == "wang-yi"
    assert page["counterparts"][0]["meetings"] >= 1
    assert page["meetings"] and all(
        any(p["actor_id"] == "sergey-lavrov" for p in m["participants"]) for m in page["meetings"]
    )
    assert page["statements"] and all(
        any(s["actor_id"] == "sergey-lavrov" for s in st["speakers"]) for st in page["statements"]
    )
    assert page["topics"] and all(t["meetings"] + t["statements"] > 0 for t in page["topics"])
    assert store.actor("Nobody Atall") is None


def test_meeting_and_document_carry_their_evidence(store: Store) -> None:
    first = store.meetings(actor="Lavrov")[0]
    meeting = store.meeting(first["id"])
    assert meeting is not None
    assert meeting["source_documents"] and meeting["evidence"]
    assert all(st["meeting_id"] == first["id"] for st in meeting["statements"])
    document = store.document(meeting["source_documents"][0]["id"])
    assert document is not None and first["id"] in document["meetings"]
    for span in document["evidence"]:
        assert document["text"][span["start"] : span["end"]] == span["text"]
    assert {s["kind"] for s in document["sections"]}
    assert store.meeting("nope") is None and store.document("nope") is None
    assert len(store.documents()) == store.count_documents() >= 4
    assert "text" not in store.documents()[0]


def test_topics_occasions_search_counts_and_paging(store: Store) -> None:
    topics = store.topics()
    assert topics and all(t["meetings"] + t["statements"] > 0 for t in topics)
    busiest = topics[0]["topic"]
    assert store.count_statements(topic=busiest) == topics[0]["statements"]
    assert store.count_meetings(topic=busiest, status=None) == topics[0]["meetings"]
    assert any("SCO" in o["occasion"] for o in store.occasions())
    kinds = {hit["kind"] for hit in store.search("Lavrov")}
    assert {"document", "meeting", "statement"} <= kinds
    assert store.search("   ") == []
    total = store.count_meetings()
    pages = [m["id"] for k in range(total) for m in store.meetings(limit=1, offset=k)]
    assert sorted(pages) == sorted(m["id"] for m in store.meetings()) and len(set(pages)) == total
    assert store.count_meetings(actor="Lavrov") == len(store.meetings(actor="Lavrov"))


def test_spellings_of_one_unknown_person_are_one_actor(
    tmp_path: Path, nlp: Language, new_db: NewDatabase
) -> None:
    (tmp_path / "a.md").write_text(SPELLING_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(SPELLING_B, encoding="utf-8")
    store = Store.open(new_db("spellings"))
    _ingest([str(tmp_path / "a.md"), str(tmp_path / "b.md")], store, nlp)
    found = store.actors(name="Trentinov")
    assert len(found) == 1, found
    assert found[0]["meetings"] == 2 and found[0]["statements"] == 2
    spellings = {found[0]["name"], *found[0]["aliases"]}
    assert spellings == {"Aleksey Trentinov", "Aleksei Trentinov"}
    assert len(store.meetings(actor="Aleksei Trentinov")) == 2
    assert len(store.statements(speaker="Aleksey Trentinov")) == 2
    page = store.actor("Trentinov")
    assert page is not None
    assert [(r["start"], r["end"]) for r in page["roles"] if "Commissioner" in r["title"]] == [
        ("2021-05-04", "2021-09-10")
    ]


def test_a_database_from_before_actors_is_upgraded(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "old.db"
    store = Store.open(f"sqlite:///{path}")
    _ingest([str(SAMPLES)], store, nlp)
    expected = store.actors()
    store.engine.dispose()
    with sqlite3.connect(path) as con:  # make it look like a 0001-only database
        for table in (
            "statement_speakers",
            "meeting_topics",
            "statement_topics",
            "roles",
            "actor_keys",
            "actors",
            "topics",
        ):
            con.execute(f"DROP TABLE {table}")
        con.execute("DROP INDEX ix_participants_actor_key")
        con.execute("ALTER TABLE participants DROP COLUMN actor_key")
        for index in ("ix_meetings_scope", "ix_meetings_scope_newest", "ix_meetings_occasion"):
            con.execute(f"DROP INDEX {index}")
        con.execute("ALTER TABLE meetings DROP COLUMN scope")
        con.execute("DELETE FROM schema_migrations WHERE name != '0001_initial'")
    upgraded = Store.open(f"sqlite:///{path}")
    assert upgraded.actors() == expected
    assert upgraded.topics() and upgraded.migrate() == []


def test_statements_filter_by_their_meeting(store: Store) -> None:
    with_china = store.statements(with_="CHN")
    assert with_china and all(st["meeting_id"] for st in with_china)
    assert store.count_statements(with_="CHN") == len(with_china)
    assert store.statements(with_="CHN", mode="phone") == [
        st
        for st in with_china
        if store.meeting(st["meeting_id"])["mode"] == "phone"  # type: ignore[index]
    ]


def test_records_become_a_dataframe(store: Store) -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is an optional extra")
    frame = store.meetings().to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == store.count_meetings() and "participants" in frame.columns


def test_actor_counts_are_kept_by_every_write(store: Store) -> None:
    from sidelines.store.migrations import recount_actors

    before = {a["id"]: (a["meetings"], a["statements"]) for a in store.actors()}
    with store.engine.begin() as connection:
        recount_actors(connection)
    after = {a["id"]: (a["meetings"], a["statements"]) for a in store.actors()}
    assert after == before and any(m for m, _ in after.values())


def test_frequent_actors_get_the_same_meetings_by_either_plan(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sidelines.store.read import conditions

    filters = [{"actor": "Lavrov"}, {"country": "RUS"}, {"with_": "CHN"}, {"with_": "Wang Yi"}]
    few = [store.meetings(**f) for f in filters]
    monkeypatch.setattr(conditions, "FREQUENT", 0)  # every actor and country counts as frequent
    assert [store.meetings(**f) for f in filters] == few
    assert all(few)


def test_statements_of_an_undated_page_take_their_meetings_date(store: Store) -> None:
    undated = [d for d in store.documents() if not d["published"]]
    assert undated, "the samples hold a page without a date"
    said = [store.statement(i) for i in store.document(undated[0]["id"])["statements"]]  # type: ignore[index]
    at_meetings = [s for s in said if s and s["meeting_id"]]
    assert at_meetings
    for statement in at_meetings:
        assert statement["date"] == store.meeting(statement["meeting_id"])["date"]  # type: ignore[index]


def test_search_matches_words_through_the_text_index(store: Store) -> None:
    hits = store.search("lavrov ASTANA")  # every word, any case
    documents = [h for h in hits if h["kind"] == "document"]
    assert documents and all(
        {"lavrov", "astana"}
        <= set(store.document(h["id"])["text"].lower().replace(".", " ").split())  # type: ignore[index]
        for h in documents
    )
    assert any(h["kind"] == "statement" for h in store.search("Afghanistan"))
    for hostile in ['"', "*", "NEAR(a b)", "a OR", "x' OR '1'='1", "%", "-", "\x00", "a\x00b"]:
        assert isinstance(store.search(hostile), list)  # query syntax is never read from input
    assert store.search("zzzqqq") == []
