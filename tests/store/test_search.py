"""Search where no text index holds meetings (PostgreSQL, an SQLite without FTS5): the newest
meetings of each kind of match, merged, are the newest meetings that match any way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language
from sqlalchemy import or_, select

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.store import Store
from sidelines.store.filters import actors_named
from sidelines.store.read.conditions import has_participant, person
from sidelines.store.read.search import _meetings_scanned
from sidelines.store.schema import MeetingRow

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
        assert [row.id for row in _meetings_scanned(session, needle, limit)] == list(one_scan)
