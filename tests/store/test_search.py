"""Search where no text index holds meetings (PostgreSQL, an SQLite without FTS5): the newest
meetings of each kind of match, merged, are the newest meetings that match any way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language
from sqlalchemy import or_, select, text

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.store import Store
from sidelines.store.filters import actors_named
from sidelines.store.read.conditions import has_participant, person
from sidelines.store.read.search import _meetings_scanned
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
