"""Statements: a page of them (newest first), their number, one with its evidence, and
all of them streamed for an export.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.filters import StatementFilter
from sidelines.store.read.conditions import FREQUENT, said_by, statement_conditions
from sidelines.store.read.pages import PageKey, newest_first
from sidelines.store.read.results import EvidenceSpan, ExportStatement, StatementRecord
from sidelines.store.read.shapes import (
    CITED,
    cited_document,
    evidence_span,
    meeting_fields,
    participants_of,
    statement_record,
    windowed_rows,
)
from sidelines.store.schema import (
    ActorRow,
    DocumentRow,
    EvidenceRow,
    MeetingRow,
    StatementRow,
)

__all__ = ["count_statements", "iter_statements", "statement", "statements"]


def statements(
    session: Session,
    filters: StatementFilter,
    limit: int | None = None,
    offset: int = 0,
    meeting_id: str | None = None,
    actor_key: str | None = None,
    after: PageKey | None = None,
) -> list[StatementRecord]:
    """The statements ``filters`` selects (of one meeting, or by one corpus actor, when given),
    newest first, ``limit`` of them after the statement ``after`` (its date and id), else from
    ``offset``."""
    conditions = statement_conditions(session, filters, plan=True)
    query = select(*StatementRow.__table__.columns).where(*conditions)
    if meeting_id:
        query = query.where(StatementRow.meeting_id == meeting_id)
    if actor_key:
        said = session.scalar(select(ActorRow.statements).where(ActorRow.id == actor_key))
        query = query.where(said_by([actor_key], int(said or 0) > FREQUENT))
    rows = newest_first(session, query, StatementRow.date, StatementRow.id, limit, offset, after)
    spans: dict[str, list[EvidenceSpan]] = {}
    for e in session.execute(
        select(EvidenceRow.statement_id, EvidenceRow.start, EvidenceRow.end, EvidenceRow.text)
        .where(EvidenceRow.statement_id.in_([row.id for row in rows]))
        .order_by(EvidenceRow.id)
    ):
        spans.setdefault(e.statement_id or "", []).append(_span(e))
    return [statement_record(row, spans.get(row.id, [])) for row in rows]


def statement(session: Session, statement_id: str) -> StatementRecord | None:
    """One statement with its evidence spans; None if unknown."""
    row = session.get(StatementRow, statement_id)
    if row is None:
        return None
    spans = session.scalars(
        select(EvidenceRow).where(EvidenceRow.statement_id == statement_id).order_by(EvidenceRow.id)
    )
    return statement_record(row, [_span(e) for e in spans])


def count_statements(session: Session, filters: StatementFilter) -> int:
    """How many statements ``filters`` selects."""
    conditions = statement_conditions(session, filters)
    query = select(func.count()).select_from(StatementRow).where(*conditions)
    return int(session.scalar(query) or 0)


def iter_statements(
    session: Session, filters: StatementFilter, page_size: int = 500
) -> Iterator[ExportStatement]:
    """The statements ``filters`` selects, in id order, page by page; each with
    its ``source_document``, ``evidence`` and, when it was said at a meeting, that ``meeting``."""
    conditions = statement_conditions(session, filters)
    for rows in windowed_rows(session, StatementRow, conditions, page_size):
        ids = [row.id for row in rows]
        documents = {
            doc.id: cited_document(doc)
            for doc in session.execute(
                select(*CITED).where(DocumentRow.id.in_({row.document_id for row in rows}))
            )
        }
        meeting_ids = list({row.meeting_id for row in rows if row.meeting_id})
        parties = participants_of(session, meeting_ids)
        meetings_of = {
            meeting.id: meeting_fields(meeting, parties[meeting.id])
            for meeting in session.execute(
                select(*MeetingRow.__table__.columns).where(MeetingRow.id.in_(meeting_ids))
            )
        }
        # an export's spans name their document too
        evidence: dict[str, list[Any]] = {i: [] for i in ids}
        for span in session.execute(
            select(*EvidenceRow.__table__.columns)
            .where(EvidenceRow.statement_id.in_(ids))
            .order_by(EvidenceRow.id)
        ):
            evidence[span.statement_id].append(evidence_span(span))
        for row in rows:
            yield ExportStatement(
                **statement_record(row, evidence[row.id]),
                source_document=documents.get(row.document_id),
                meeting=meetings_of.get(row.meeting_id or ""),
            )


def _span(row: Any) -> EvidenceSpan:
    return EvidenceSpan(start=row.start, end=row.end, text=row.text)
