"""How stored rows become records: the fields of a meeting, a statement, a document
and an evidence span, read from an ORM object or a plain row of the same columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sidelines.store.read.results import (
    CitedDocument,
    DocumentSummary,
    EvidenceSpan,
    MeetingEvidence,
    MeetingFields,
    MeetingRecord,
    StatementRecord,
)
from sidelines.store.schema import DocumentRow, MeetingSourceRow, ParticipantRow

__all__ = [
    "CITED",
    "SUMMARY",
    "cited_document",
    "document_paths",
    "document_summary",
    "evidence_span",
    "id_windows",
    "meeting_fields",
    "meeting_record",
    "participants_of",
    "statement_record",
    "windowed_rows",
]


def document_paths(session: Session, meeting_ids: list[str]) -> dict[str, list[str]]:
    """The path (or URL) of every source document of these meetings, in one query."""
    found: dict[str, list[str]] = {}
    for meeting_id, path, url in session.execute(
        select(MeetingSourceRow.meeting_id, DocumentRow.path, DocumentRow.url)
        .join(DocumentRow, DocumentRow.id == MeetingSourceRow.document_id)
        .where(MeetingSourceRow.meeting_id.in_(meeting_ids))
    ):
        found.setdefault(meeting_id, []).append(path or url or "")
    return found


def statement_record(row: Any, evidence: list[EvidenceSpan]) -> StatementRecord:
    """A statement (an ORM row or a plain row of the same columns) with its evidence spans."""
    return {
        "id": row.id,
        "date": row.date,
        "speakers": row.speakers,
        "cue": row.cue,
        "text": row.text,
        "topics": row.topics,
        "cameo": row.cameo,
        "plover": row.plover,
        "meeting_id": row.meeting_id,
        "document_id": row.document_id,
        "evidence": evidence,
    }


def document_summary(row: Any) -> DocumentSummary:
    """A document without its text (an ORM row or a plain row of the same columns)."""
    return {
        "id": row.id,
        "path": row.path,
        "url": row.url,
        "title": row.title,
        "published": row.published,
        "publisher": row.publisher,
        "original_source": row.original_source,
    }


#: the document columns of :func:`document_summary`
SUMMARY = (
    DocumentRow.id,
    DocumentRow.path,
    DocumentRow.url,
    DocumentRow.title,
    DocumentRow.published,
    DocumentRow.publisher,
    DocumentRow.original_source,
)
#: document columns an export cites (never the text, which may be long)
CITED = (*SUMMARY, DocumentRow.language, DocumentRow.ingested_at)


def cited_document(row: Any) -> CitedDocument:
    """A document as an export cites it (never its text, which may be long)."""
    return CitedDocument(
        **document_summary(row), language=row.language, ingested_at=row.ingested_at
    )


def evidence_span(row: Any) -> MeetingEvidence:
    """A meeting's evidence span with its document."""
    return {"document_id": row.document_id, "start": row.start, "end": row.end, "text": row.text}


def id_windows(session: Session, id_column: Any, size: int) -> Iterator[list[str]]:
    """Consecutive windows of ``size`` primary keys, in order. Filters are applied within each
    window: paging a filtered query with ``id > last ... LIMIT`` lets SQLite pick a filter's index
    and sort every match again for each page, which is quadratic on a large corpus. The default
    of 500 keys stays under the 999 bound parameters of older SQLite builds."""
    last = ""
    while True:
        window = list(
            session.scalars(
                select(id_column).where(id_column > last).order_by(id_column).limit(size)
            )
        )
        if not window:
            return
        yield window
        last = window[-1]


def participants_of(session: Session, meeting_ids: list[str]) -> dict[str, list[Any]]:
    """The participant rows of each meeting (principals and companions), in order."""
    parties: dict[str, list[Any]] = {i: [] for i in meeting_ids}
    for party in session.execute(
        select(*ParticipantRow.__table__.columns)
        .where(ParticipantRow.meeting_id.in_(meeting_ids))
        .order_by(ParticipantRow.id)
    ):
        parties[party.meeting_id].append(party)
    return parties


def meeting_record(row: Any, participants: Iterable[Any], documents: list[str]) -> MeetingRecord:
    """A meeting of a list (an ORM object or a plain row) with its ``participants`` and the
    paths (or URLs) of its source ``documents``, one a source."""
    return MeetingRecord(
        **meeting_fields(row, participants),
        sources=len(documents),
        documents=list(documents),
    )


def meeting_fields(row: Any, participants: Iterable[Any]) -> MeetingFields:
    """The fields of a meeting (an ORM object or a plain row) and its ``participants``."""
    participants = list(participants)  # iterated twice
    return {
        "id": row.id,
        "status": row.status,
        "mode": row.mode,
        "date": row.date,
        "place": row.place,
        "country": row.country,
        "occasion": row.occasion,
        "scope": row.scope,
        "topics": row.topics,
        "cameo": row.cameo,
        "plover": row.plover,
        "participants": [
            {
                "name": p.name,
                "actor_id": p.actor_id,
                "country": p.country,
                "role": p.role,
                "side": p.side,
            }
            for p in participants
            if not p.accompanying
        ],
        "accompanying": [
            {"name": p.name, "country": p.country} for p in participants if p.accompanying
        ],
    }


def windowed_rows(
    session: Session, model: Any, conditions: list[Any], size: int
) -> Iterator[Sequence[Any]]:
    """The rows of ``model`` (plain rows, not ORM objects: an export reads each once) that meet
    ``conditions``, in id order, one non-empty list per window of :func:`id_windows`."""
    for window in id_windows(session, model.id, size):
        rows = session.execute(
            select(*model.__table__.columns)
            .where(model.id.in_(window), *conditions)
            .order_by(model.id)
        ).all()
        if rows:
            yield rows
