"""Search where no text index holds meetings (PostgreSQL, an SQLite without FTS5): the newest
meetings of each kind of match, merged, are the newest meetings that match any way. The facets
of search results count what their filters keep."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from spacy.language import Language
from sqlalchemy import or_, select, text

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.filters import MeetingFilter
from sidelines.store import Store
from sidelines.store.filters import actors_named
from sidelines.store.read.conditions import has_participant, person
from sidelines.store.read.facets import FACET_FIELDS, FACETS, search_facets
from sidelines.store.read.result_dates import result_dates
from sidelines.store.read.search import _meetings_scanned, narrowed, search_matches
from sidelines.store.schema import MeetingRow
from sidelines.store.search import MEETING_TEXT

from ..conftest import SAMPLES
from .conftest import NewDatabase


@pytest.fixture(scope="module")
def samples(module_db: NewDatabase, nlp: Language) -> Iterator[Store]:
    store = Store.open(module_db("search"))
    report = IngestReport()
    ingest_documents(read_items([str(SAMPLES)], store, report), store, report, nlp=nlp)
    yield store
    store.engine.dispose()


@pytest.mark.parametrize("needle", ["Lavrov", "Wang Yi", "summit", "a", "Nobody Atall"])
@pytest.mark.parametrize("limit", [1, 2, 20])
def test_merged_scans_are_one_scan_of_every_match(samples: Store, needle: str, limit: int) -> None:
    with samples.sessions() as session:
        like = f"%{needle}%"
        one_scan = session.scalars(
            select(MeetingRow.id)
            .where(
                or_(
                    MeetingRow.occasion.ilike(like),
                    MeetingRow.place.ilike(like),
                    has_participant(person(actors_named(session, needle))),
                )
            )
            .order_by(MeetingRow.date.desc().nulls_last(), MeetingRow.id)
            .limit(limit)
        ).all()
        assert _meetings_scanned(session, needle, limit) == list(one_scan)


def test_postgresql_finds_meetings_by_occasion_and_place_through_a_trigram_index(
    samples: Store,
) -> None:
    """0014: PostgreSQL's substring match of a meeting's occasion and place can be an index
    lookup (``pg_trgm``); SQLite's meetings are in their FTS5 table, and get no such index."""
    with samples.sessions() as session:
        names = set(
            session.scalars(
                text("SELECT indexname FROM pg_indexes WHERE tablename = 'meetings'")
                if samples.engine.dialect.name == "postgresql"
                else text("SELECT name FROM sqlite_master WHERE tbl_name = 'meetings'")
            )
        )
        trigram = {f"ix_meetings_{column}_trigram" for column in MEETING_TEXT}
        if samples.engine.dialect.name != "postgresql":
            assert not names & trigram
            return
        assert trigram <= names
        session.execute(text("SET LOCAL enable_seqscan = off"))  # a few rows: else a scan
        for column in MEETING_TEXT:
            plan = " ".join(
                session.scalars(
                    text(f"EXPLAIN SELECT id FROM meetings WHERE {column} ILIKE :like"),
                    {"like": "%summit%"},
                )
            )
            assert f"ix_meetings_{column}_trigram" in plan, plan


@pytest.mark.parametrize("needle", ["Lavrov", "minister", "summit", "the"])
@pytest.mark.parametrize(
    "in_force",
    [{}, {"country": "RUS"}, {"mode": "in_person"}, {"since": "2024-01-01", "until": "2024-12-31"},
     {"actor": "sergey-lavrov", "country": "CHN"}],
)  # fmt: skip
def test_search_facet_counts_are_the_results_their_filters_keep(
    samples: Store, needle: str, in_force: dict[str, str]
) -> None:
    """Each facet value counts the results that its filter, in place of the facet's value in
    force, and the other filters in force keep: as many as its link lists."""
    with samples.sessions() as session:
        found = search_matches(session, needle)
        filters = MeetingFilter(status=None, **in_force)
        facets = search_facets(session, found, filters)
        assert set(facets) == set(FACETS)
        counted = 0
        for facet, values in facets.items():
            others = dataclasses.replace(filters, **dict.fromkeys(FACET_FIELDS[facet]))
            for value in values:
                kept = narrowed(session, found, dataclasses.replace(others, **value["filter"]))
                assert value["count"] == sum(len(ids) for ids in kept.values()), (facet, value)
                counted += value["count"] > 0
        # every dated result of the filters in force is in one year
        kept = narrowed(session, found, dataclasses.replace(filters, since=None, until=None))
        dates = result_dates(
            session, [{"kind": k, "id": i} for k, ids in kept.items() for i in ids]
        )
        assert sum(v["count"] for v in facets["year"]) == sum(1 for d in dates.values() if d)
        if not in_force:
            assert counted, needle  # the samples have facts for every word asked


def test_search_facets_of_one_kind_count_that_kind(samples: Store) -> None:
    with samples.sessions() as session:
        found = search_matches(session, "Lavrov")
        every = MeetingFilter(status=None)
        for kind in ("meeting", "statement", "document"):
            facets = search_facets(session, {kind: found[kind]}, every)
            for value in facets["country"]:
                kept = narrowed(
                    session, {kind: found[kind]}, MeetingFilter(status=None, **value["filter"])
                )
                assert value["count"] == len(kept[kind])
