"""Documents: a page of them without their text, their number, one with its text, sections,
facts and evidence spans.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.store.read.pages import PageKey, newest_first
from sidelines.store.read.results import DocumentDetail, DocumentEvidence, DocumentSummary
from sidelines.store.read.shapes import SUMMARY, document_summary
from sidelines.store.schema import DocumentRow, EvidenceRow, MeetingSourceRow, StatementRow

__all__ = ["count_documents", "document", "documents"]


def documents(
    session: Session, limit: int | None = None, offset: int = 0, after: PageKey | None = None
) -> list[DocumentSummary]:
    """Documents (newest first), without their text: ``limit`` of them after the document
    ``after`` (its published date and id), else from ``offset``."""
    query: Any = select(*SUMMARY)  # not the text, which may be long
    rows = newest_first(session, query, DocumentRow.published, DocumentRow.id, limit, offset, after)
    return [document_summary(row) for row in rows]


def count_documents(session: Session) -> int:
    """How many documents are stored."""
    return int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)


def document(session: Session, document_id: str) -> DocumentDetail | None:
    """One document with its text, sections, the facts it reports and their evidence spans."""
    row = session.get(DocumentRow, document_id)
    if row is None:
        return None
    evidence = session.scalars(
        select(EvidenceRow)
        .where(EvidenceRow.document_id == document_id)
        .order_by(EvidenceRow.start)
    ).all()
    meeting_ids = session.scalars(
        select(MeetingSourceRow.meeting_id).where(MeetingSourceRow.document_id == document_id)
    ).all()
    statement_ids = session.scalars(
        select(StatementRow.id).where(StatementRow.document_id == document_id)
    ).all()
    return DocumentDetail(
        **document_summary(row),
        text=row.text,
        location=row.location,
        language=row.language,
        sections=row.sections,
        meetings=list(meeting_ids),
        statements=list(statement_ids),
        evidence=[
            DocumentEvidence(
                start=e.start,
                end=e.end,
                text=e.text,
                meeting_id=e.meeting_id,
                statement_id=e.statement_id,
            )
            for e in evidence
        ],
    )
