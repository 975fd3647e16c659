"""Meetings: a page of them (newest first), their number, one with its statements,
sources and evidence, and all of them streamed for an export.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.filters import MeetingFilter, StatementFilter
from sidelines.store.read.conditions import meeting_conditions, newest_plan
from sidelines.store.read.pages import PageKey, newest_first
from sidelines.store.read.results import (
    CitedDocument,
    ExportMeeting,
    MeetingDetail,
    MeetingEvidence,
    MeetingRecord,
)
from sidelines.store.read.shapes import (
    CITED,
    cited_document,
    document_paths,
    document_summary,
    evidence_span,
    meeting_fields,
    meeting_record,
    participants_of,
    windowed_rows,
)
from sidelines.store.read.statements import statements
from sidelines.store.schema import DocumentRow, EvidenceRow, MeetingRow, MeetingSourceRow

__all__ = ["count_meetings", "iter_meetings", "meeting", "meetings"]


def meetings(
    session: Session,
    filters: MeetingFilter,
    limit: int | None = None,
    offset: int = 0,
    after: PageKey | None = None,
) -> list[MeetingRecord]:
    """The meetings ``filters`` selects, newest first, ``limit`` of them after the meeting
    ``after`` (its date and id), else from ``offset``."""
    conditions, date, id_ = newest_plan(session, filters)
    query = select(*MeetingRow.__table__.columns).where(*conditions)
    rows = newest_first(session, query, date, id_, limit, offset, after)
    ids = [row.id for row in rows]
    parties, paths = participants_of(session, ids), document_paths(session, ids)
    return [meeting_record(row, parties[row.id], paths.get(row.id, [])) for row in rows]


def count_meetings(session: Session, filters: MeetingFilter) -> int:
    """How many meetings ``filters`` selects."""
    query = (
        select(func.count()).select_from(MeetingRow).where(*meeting_conditions(session, filters))
    )
    return int(session.scalar(query) or 0)


def meeting(session: Session, meeting_id: str) -> MeetingDetail | None:
    """One meeting with its statements, source documents and evidence; None if unknown."""
    row = session.get(MeetingRow, meeting_id)
    if row is None:
        return None
    out = meeting_record(
        row, row.participants, document_paths(session, [meeting_id]).get(meeting_id, [])
    )
    said = statements(session, StatementFilter(), meeting_id=meeting_id)
    sources = session.scalars(
        select(DocumentRow)
        .join(MeetingSourceRow, MeetingSourceRow.document_id == DocumentRow.id)
        .where(MeetingSourceRow.meeting_id == meeting_id)
        .order_by(DocumentRow.published, DocumentRow.id)
    ).all()
    evidence = session.scalars(
        select(EvidenceRow).where(EvidenceRow.meeting_id == meeting_id).order_by(EvidenceRow.id)
    )
    return MeetingDetail(
        **out,
        statements=said,
        source_documents=[document_summary(d) for d in sources],
        evidence=[evidence_span(e) for e in evidence],
    )


def iter_meetings(
    session: Session, filters: MeetingFilter, page_size: int = 500
) -> Iterator[ExportMeeting]:
    """The meetings ``filters`` selects, in id order, read page by page (a
    corpus of any size streams in constant memory). Each has its ``source_documents`` (cited
    columns, oldest published first) and ``evidence`` spans besides the fields of :func:`meetings`.
    """
    conditions = meeting_conditions(session, filters)
    for rows in windowed_rows(session, MeetingRow, conditions, page_size):
        ids = [row.id for row in rows]
        parties = participants_of(session, ids)
        documents: dict[str, list[CitedDocument]] = {i: [] for i in ids}
        for source in session.execute(
            select(MeetingSourceRow.meeting_id, *CITED)
            .join(DocumentRow, DocumentRow.id == MeetingSourceRow.document_id)
            .where(MeetingSourceRow.meeting_id.in_(ids))
            .order_by(DocumentRow.published.nulls_last(), DocumentRow.id)
        ):
            documents[source.meeting_id].append(cited_document(source))
        evidence: dict[str, list[MeetingEvidence]] = {i: [] for i in ids}
        for span in session.execute(
            select(*EvidenceRow.__table__.columns)
            .where(EvidenceRow.meeting_id.in_(ids))
            .order_by(EvidenceRow.id)
        ):
            evidence[span.meeting_id].append(evidence_span(span))
        for row in rows:
            yield ExportMeeting(
                **meeting_fields(row, parties[row.id]),
                source_documents=documents[row.id],
                sources=len(documents[row.id]),
                evidence=evidence[row.id],
            )
