"""The counts kept on write (topics, occasions, actors' counterparts and topics) agree with a
recount of the stored rows after every kind of write; the totals kept per store version follow
writes; newest-first pages read from a key show every row once; the 0009 and 0010 migrations
build the counts and the per-kind text index of a database written before them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from sqlalchemy import delete, select, text

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.filters import MeetingFilter, StatementFilter
from sidelines.store import Store, aggregates
from sidelines.store.aggregates import AGGREGATES, rebuild
from sidelines.store.read import actors as read_actors
from sidelines.store.read import counted
from sidelines.store.read import meetings as read_meetings
from sidelines.store.read import statements as read_statements
from sidelines.store.read.pages import PageKey
from sidelines.store.reviews import record_review
from sidelines.store.schema import ActorRow, MeetingRow, SchemaMigration
from sidelines.store.scope import meeting_scope

from ..conftest import SAMPLES
from .conftest import NewDatabase
from .test_store import READOUT_A, READOUT_B


@pytest.fixture(scope="module")
def samples(module_db: NewDatabase, nlp: Language) -> Iterator[Store]:
    """The samples ingested once per back end (tests that write take a copy of their own)."""
    store = Store.open(module_db("aggregates"))
    report = IngestReport()
    ingest_documents(read_items([str(SAMPLES)], store, report), store, report, nlp=nlp)
    assert report.stored >= 4
    yield store
    store.engine.dispose()


@pytest.fixture
def written(new_db: NewDatabase, nlp: Language) -> Iterator[Store]:
    store = Store.open(new_db("written"))
    report = IngestReport()
    ingest_documents(read_items([str(SAMPLES)], store, report), store, report, nlp=nlp)
    yield store
    store.engine.dispose()


#: a meeting's principals a review can set: Sergey Lavrov and three counterparts
LAVROV_AND_THREE = [
    {"name": "Sergey Lavrov", "country": "RUS", "actor_id": "sergey-lavrov"},
    {"name": "Wang Yi", "country": "CHN", "actor_id": "wang-yi"},
    {"name": "Olaf Scholz", "country": "DEU"},
    {"name": "Li Qiang", "country": "CHN"},
]


def kept(store: Store) -> dict[str, set[tuple[Any, ...]]]:
    """Every row of every aggregate table."""
    with store.engine.connect() as connection:
        return {
            model.__tablename__: {tuple(row) for row in connection.execute(select(model.__table__))}
            for model in AGGREGATES
        }


def recounted(store: Store) -> dict[str, set[tuple[Any, ...]]]:
    """The aggregate tables as :func:`rebuild` computes them from the stored rows now (in a
    transaction that is rolled back)."""
    with store.engine.connect() as connection:
        transaction = connection.begin()
        rebuild(connection)
        rows = {
            model.__tablename__: {tuple(row) for row in connection.execute(select(model.__table__))}
            for model in AGGREGATES
        }
        transaction.rollback()
    return rows


def actor_counts(store: Store) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """Each actor's kept (meetings, international meetings), and the same counted from the
    participant rows and each meeting's scope as computed from its principals now."""
    with store.session() as session:
        actors = session.scalars(select(ActorRow)).all()
        kept_counts = {a.id: (a.meetings, a.international) for a in actors}
        met: dict[str, set[str]] = {a.id: set() for a in actors}
        abroad: dict[str, set[str]] = {a.id: set() for a in actors}
        for row in session.scalars(select(MeetingRow)):
            principals = [p for p in row.participants if not p.accompanying]
            assert row.scope == meeting_scope(principals), row.id
            for party in principals:
                if party.actor_key:
                    met[party.actor_key].add(row.id)
                    if row.scope == "international":
                        abroad[party.actor_key].add(row.id)
        return kept_counts, {key: (len(met[key]), len(abroad[key])) for key in met}


def test_counts_kept_while_ingesting_are_a_recount(samples: Store) -> None:
    tables = kept(samples)
    assert tables == recounted(samples)
    assert tables["topic_counts"] and tables["actor_counterparts"] and tables["actor_topics"]


def test_counts_follow_a_second_report_of_a_stored_meeting(
    written: Store, tmp_path: Path, nlp: Language
) -> None:
    for name, readout in (("a.md", READOUT_A), ("b.md", READOUT_B)):
        (tmp_path / name).write_text(readout, encoding="utf-8")
    before = written.count_meetings()
    report = IngestReport()
    ingest_documents(read_items([str(tmp_path)], written, report), written, report, nlp=nlp)
    assert report.stored == 2 and written.count_meetings() == before + 1  # one meeting, 2 sources
    assert kept(written) == recounted(written)


def test_counts_follow_every_review_and_merge_and_split(written: Store) -> None:
    """Property-style: each kind of review, on every meeting and statement of the samples in
    turn, leaves the kept counts equal to a recount."""
    meetings = list(written.meetings(status=None))
    assert len(meetings) >= 3
    corrections: list[tuple[str, Any]] = [
        ("topics", ["climate", "trade"]),
        ("occasion", "G20 summit"),
        ("status", "not_held"),
        ("participants", [{"name": "Olaf Scholz", "country": "DEU"}, {"name": "Li Qiang"}]),
        ("topics", []),
        ("occasion", None),
    ]
    for n, meeting in enumerate(meetings):
        field, value = corrections[n % len(corrections)]
        record_review(written, "meeting", meeting["id"], "correct", field, value)
        assert kept(written) == recounted(written), (field, meeting["id"])
        held, counted = actor_counts(written)
        assert held == counted, (field, meeting["id"])
    for statement in written.statements(limit=6):
        record_review(written, "statement", statement["id"], "correct", "topics", ["security"])
        assert kept(written) == recounted(written)
    first, second = meetings[0], meetings[1]
    merged = record_review(written, "meeting", first["id"], "merge", value=second["id"])
    assert kept(written) == recounted(written)
    held, counted = actor_counts(written)
    assert held == counted
    split = record_review(
        written, "meeting", first["id"], "split", value=merged["before"]["documents"]
    )
    assert kept(written) == recounted(written)
    held, counted = actor_counts(written)
    assert held == counted
    new = written.meeting(split["after"]["new_meeting"])
    assert new is not None and new["scope"] == written.meeting(first["id"])["scope"]


def test_the_actor_profile_reads_the_counts_as_a_grouped_query_would(samples: Store) -> None:
    lavrov = samples.actor("Sergey Lavrov")
    assert lavrov is not None and lavrov["counterparts"] and lavrov["topics"]
    met = [m for m in samples.meetings(actor=lavrov["id"], status=None)]
    for counterpart in lavrov["counterparts"]:
        together = [m for m in met if counterpart["name"] in {p["name"] for p in m["participants"]}]
        assert counterpart["meetings"] >= 1 and len(together) >= 1
    counts = [(-c["meetings"], c["id"]) for c in lavrov["counterparts"]]
    assert counts == sorted(counts)
    topics = samples.topics()
    assert topics and all(t["meetings"] + t["statements"] > 0 for t in topics)
    assert sum(t["meetings"] for t in topics) == sum(
        len(set(m["topics"])) for m in samples.meetings(status=None)
    )


def kept_and_counted(store: Store) -> list[tuple[Any, int, int]]:
    """For filters of every kind the kept totals count (each actor, country, occasion, scope
    and topic of the store, of each status and any; each speaker and topic of statements), the
    total kept and the matching rows counted now."""
    everything = list(store.meetings(status=None))
    actors = sorted({p["actor_id"] or p["name"] for m in everything for p in m["participants"]})
    countries = sorted(
        {p["country"] for m in everything for p in m["participants"] if p["country"]}
    )
    occasions = sorted({m["occasion"] for m in everything if m["occasion"]})
    topics = sorted({t["topic"] for t in store.topics()})
    assert actors and countries and topics
    meeting_filters = [MeetingFilter(status=s) for s in (None, "held", "planned", "not_held")]
    for f in list(meeting_filters):
        meeting_filters += [dataclasses.replace(f, actor=a) for a in actors[:8]]
        meeting_filters += [dataclasses.replace(f, country=c) for c in countries]
        meeting_filters += [dataclasses.replace(f, with_=c) for c in countries[:3]]
        meeting_filters += [dataclasses.replace(f, occasion=o) for o in occasions]
        meeting_filters += [dataclasses.replace(f, scope=s) for s in ("international", "domestic")]
        meeting_filters += [dataclasses.replace(f, topic=t) for t in topics]
    statement_filters = [StatementFilter()]
    statement_filters += [StatementFilter(speaker=a) for a in actors[:8]]
    statement_filters += [StatementFilter(topic=t) for t in topics]
    found: list[tuple[Any, int, int]] = []
    with store.sessions() as session:
        for mf in meeting_filters:
            if counted.kept_meetings(session, mf) is not None:
                found.append(
                    (mf, store.count_meetings(mf), read_meetings.count_meetings(session, mf))
                )
        for sf in statement_filters:
            if counted.kept_statements(session, sf) is not None:
                found.append(
                    (sf, store.count_statements(sf), read_statements.count_statements(session, sf))
                )
    # most of them are read off the kept totals (a label inside another is not)
    assert len(found) > (len(meeting_filters) + len(statement_filters)) // 2
    return found


def test_list_totals_kept_on_write_are_the_counts_of_the_rows(
    written: Store, tmp_path: Path, nlp: Language
) -> None:
    """The totals of a list read off the kept rows equal a count of the matching rows after an
    ingest, reviews of every kind (status, participants, occasion, topics), a merge (which
    deletes a meeting) and a split, on either back end."""

    def agree() -> None:
        for chosen, kept_total, recount in kept_and_counted(written):
            assert kept_total == recount, chosen
        assert kept(written) == recounted(written)

    agree()
    for name, readout in (("a.md", READOUT_A), ("b.md", READOUT_B)):
        (tmp_path / name).write_text(readout, encoding="utf-8")
    report = IngestReport()
    ingest_documents(read_items([str(tmp_path)], written, report), written, report, nlp=nlp)
    assert report.stored == 2
    agree()
    meetings = list(written.meetings(status=None))
    corrections: list[tuple[str, Any]] = [
        ("status", "not_held"),
        ("participants", LAVROV_AND_THREE),
        ("occasion", "G20 summit"),
        ("topics", ["climate", "trade"]),
        ("status", "planned"),
    ]
    for meeting, (field, value) in zip(meetings, corrections, strict=False):
        record_review(written, "meeting", meeting["id"], "correct", field, value)
        agree()
    for statement in written.statements(limit=2):
        record_review(written, "statement", statement["id"], "correct", "topics", ["security"])
    agree()
    first, second = meetings[0], meetings[1]
    merged = record_review(written, "meeting", first["id"], "merge", value=second["id"])
    agree()
    record_review(written, "meeting", first["id"], "split", value=merged["before"]["documents"])
    agree()


def test_totals_are_kept_until_a_write(written: Store) -> None:
    held = written.count_meetings()
    assert written.count_meetings() == held == len(written.meetings())
    [meeting] = written.meetings(limit=1)
    record_review(written, "meeting", meeting["id"], "correct", "status", "not_held")
    assert written.count_meetings() == held - 1  # the review raised the store's version
    assert written.counts()["meetings"] == len(written.meetings(status=None))


def walk(read: Any, key: Any, size: int) -> list[str]:
    """Every id of a newest-first list, read page by page from the key of the last row."""
    seen: list[str] = []
    after: PageKey | None = None
    while True:
        page = read(limit=size, after=after)
        seen.extend(row["id"] for row in page)
        if len(page) < size:
            return seen
        after = key(page[-1])


@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_pages_read_from_a_key_show_every_row_once(written: Store, size: int) -> None:
    with written.session() as session:  # some undated meetings: the tail of the list
        undated = list(session.scalars(select(MeetingRow).limit(2)))
        for row in undated:
            row.date = None
    by_date = lambda row: (row["date"], row["id"])  # noqa: E731
    everything = [m["id"] for m in written.meetings(status=None)]
    assert walk(lambda **page: written.meetings(status=None, **page), by_date, size) == everything
    statements = [s["id"] for s in written.statements()]
    assert walk(written.statements, by_date, size) == statements
    documents = [d["id"] for d in written.documents()]
    published = lambda row: (row["published"], row["id"])  # noqa: E731
    assert walk(written.documents, published, size) == documents
    assert len(set(everything)) == len(everything) == written.count_meetings(status=None)
    filtered = MeetingFilter(scope="international", status=None)
    assert walk(lambda **page: written.meetings(filtered, **page), by_date, size) == [
        m["id"] for m in written.meetings(filtered)
    ]
    speaker = StatementFilter(speaker="Sergey Lavrov")
    assert walk(lambda **page: written.statements(speaker, **page), by_date, size) == [
        s["id"] for s in written.statements(speaker)
    ]


def test_migration_builds_the_counts_and_the_text_index_of_an_older_database(
    tmp_path: Path, written: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if written.engine.dialect.name == "sqlite":
        hits = written.search("Lavrov")
    profile, topics, occasions = (
        written.actor("Sergey Lavrov"),
        written.topics(),
        written.occasions(),
    )
    url = written.engine.url.render_as_string(hide_password=False)
    with written.engine.begin() as connection:  # as the database was before 0009 and 0010
        for model in AGGREGATES:
            model.__table__.drop(connection)
        connection.execute(delete(SchemaMigration).where(SchemaMigration.name >= "0009"))
        if connection.dialect.name == "sqlite":  # the one shared text index of 0005
            connection.execute(
                text(
                    "CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, "
                    "title, body, tokenize='unicode61 remove_diacritics 2')"
                )
            )
            for kind in ("document", "meeting", "statement"):
                connection.execute(
                    text(
                        f"INSERT INTO search_index (kind, ref, title, body) "
                        f"SELECT '{kind}', ref, title, body FROM search_{kind}"
                    )
                )
                connection.execute(text(f"DROP TABLE search_{kind}"))
    written.engine.dispose()
    built: list[int] = []  # the meetings' countries are built once (by 0011), not by 0009 too
    build_countries = aggregates.rebuild_countries
    monkeypatch.setattr(
        aggregates, "rebuild_countries", lambda c: (built.append(1), build_countries(c))[1]
    )
    upgraded = Store.open(url)
    try:
        assert len(built) == 1
        assert upgraded.actor("Sergey Lavrov") == profile
        assert (upgraded.topics(), upgraded.occasions()) == (topics, occasions)
        assert kept(upgraded) == recounted(upgraded)
        if upgraded.engine.dialect.name == "sqlite":
            assert upgraded.search("Lavrov") == hits
        assert upgraded.migrate() == []
    finally:
        upgraded.engine.dispose()


def by_country(store: Store, **filters: str | None) -> dict[str, list[str]]:
    """For each principal's country in the store, the ids of its meetings as the country
    filter lists them and as read off every meeting's participants (newest first)."""
    everything = list(store.meetings(status=None, **filters))
    countries = {p["country"] for m in everything for p in m["participants"] if p["country"]}
    assert countries
    listed: dict[str, list[str]] = {}
    for code in sorted(countries):
        held = [m["id"] for m in everything if code in {p["country"] for p in m["participants"]}]
        assert [m["id"] for m in store.meetings(country=code, status=None, **filters)] == held
        assert [m["id"] for m in store.meetings(with_=code, status=None, **filters)] == held
        listed[code] = held
    return listed


def test_a_country_filter_lists_the_meetings_its_principals_name(written: Store) -> None:
    """The kept (country, date, meeting) rows a country's page walks give the meetings whose
    principals are of that country, newest first, through keyset pages, a date range and
    every kind of review."""
    listed = by_country(written)
    dates = sorted(m["date"] for m in written.meetings(status=None) if m["date"])
    by_country(written, since=dates[len(dates) // 2])
    by_country(written, until=dates[len(dates) // 2])
    code = max(listed, key=lambda c: len(listed[c]))
    by_date = lambda row: (row["date"], row["id"])  # noqa: E731
    paged = walk(lambda **page: written.meetings(country=code, status=None, **page), by_date, 1)
    assert paged == listed[code]
    meetings = list(written.meetings(status=None))
    first, second, third = meetings[0], meetings[1], meetings[2]
    record_review(written, "meeting", first["id"], "correct", "date", "2001-02-03")
    record_review(
        written,
        "meeting",
        third["id"],
        "correct",
        "participants",
        [{"name": "Olaf Scholz", "country": "DEU"}, {"name": "Li Qiang", "country": "CHN"}],
    )
    merged = record_review(written, "meeting", first["id"], "merge", value=second["id"])
    assert kept(written) == recounted(written)
    after = by_country(written)
    assert after["DEU"] and third["id"] in after["DEU"] and third["id"] in after["CHN"]
    assert second["id"] not in {i for ids in after.values() for i in ids}
    record_review(written, "meeting", first["id"], "split", value=merged["before"]["documents"])
    assert kept(written) == recounted(written)
    by_country(written)


def test_party_filters_together_list_the_meetings_each_selects(samples: Store) -> None:
    """An actor with a country, or with a counterpart (a country or a person): the meetings both
    select, newest first, and their number, whichever of them has fewer meetings (the one whose
    meetings are listed; the other is probed for each of them)."""
    everything = list(samples.meetings(status=None))

    def principals(meeting: dict[str, Any]) -> list[dict[str, Any]]:
        return list(meeting["participants"])

    actors = sorted({p["actor_id"] for m in everything for p in principals(m) if p["actor_id"]})
    countries = sorted({p["country"] for m in everything for p in principals(m) if p["country"]})
    assert len(actors) >= 2 and len(countries) >= 2
    sizes = set()
    for actor in actors:
        of_actor = {m["id"] for m in everything if actor in {p["actor_id"] for p in principals(m)}}
        for code in countries:
            of_country = {
                m["id"] for m in everything if code in {p["country"] for p in principals(m)}
            }
            sizes.add(len(of_actor) < len(of_country))
            both = [m["id"] for m in everything if m["id"] in of_actor & of_country]
            for named in ({"country": code}, {"with_": code}):
                listed = samples.meetings(actor=actor, status=None, **named)
                assert [m["id"] for m in listed] == both, (actor, named)
                assert samples.count_meetings(actor=actor, status=None, **named) == len(both)
        for other in actors:
            of_other = {
                m["id"] for m in everything if other in {p["actor_id"] for p in principals(m)}
            }
            both = [m["id"] for m in everything if m["id"] in of_actor & of_other]
            listed = samples.meetings(actor=actor, with_=other, status=None)
            assert [m["id"] for m in listed] == both, (actor, other)
    assert sizes == {True, False}  # either filter was the smaller one


def test_the_actor_profile_lists_the_counterparts_met_most(written: Store) -> None:
    [meeting] = written.meetings(actor="sergey-lavrov", limit=1)
    record_review(written, "meeting", meeting["id"], "correct", "participants", LAVROV_AND_THREE)
    found = written.counterparts("Sergey Lavrov")
    assert found is not None
    everyone, total = found
    assert total == len(everyone) >= 3
    with written.session() as session:
        profile = read_actors.actor(session, "sergey-lavrov", met=1)
        assert profile is not None
        assert profile["counterparts"] == list(everyone)[:1]
        assert profile["counterparts_total"] == total
        pages = [read_actors.counterparts(session, "sergey-lavrov", 1, n) for n in range(total)]
    assert [c for page in pages for c in page] == list(everyone)
    assert written.counterparts("Nobody Atall") is None
