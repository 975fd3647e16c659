"""Queries over the corpus database: meetings and statements by actor, country, date, topic ...

Every filter is a bound parameter of a SQLAlchemy expression (no SQL is built from text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session, selectinload

from sidelines.store.schema import (
    DocumentRow,
    EvidenceRow,
    MeetingRow,
    MeetingSourceRow,
    ParticipantRow,
    StatementRow,
)


def _person(name: str) -> Any:
    like = f"%{name.strip().lower()}%"
    return or_(
        ParticipantRow.actor_id == name.strip().lower().replace(" ", "-"),
        ParticipantRow.name.ilike(like),
    )


def _has_participant(condition: Any) -> Any:
    return exists().where(
        and_(
            ParticipantRow.meeting_id == MeetingRow.id,
            ParticipantRow.accompanying.is_(False),
            condition,
        )
    )


def meeting_conditions(
    actor: str | None = None,
    country: str | None = None,
    with_: str | None = None,
    since: str | None = None,
    until: str | None = None,
    occasion: str | None = None,
    topic: str | None = None,
    mode: str | None = None,
    status: str | None = "held",
) -> list[Any]:
    """The WHERE conditions of :func:`meetings` for its filters (shared with the exports)."""
    conditions: list[Any] = []
    if actor:
        conditions.append(_has_participant(_person(actor)))
    if country:
        conditions.append(_has_participant(ParticipantRow.country == country.upper()))
    if with_:
        counterpart = (
            ParticipantRow.country == with_.upper()
            if len(with_) == 3 and with_.isalpha() and with_.isupper()
            else _person(with_)
        )
        conditions.append(_has_participant(counterpart))
    if since:
        conditions.append(MeetingRow.date >= since)
    if until:
        conditions.append(MeetingRow.date <= until)
    if occasion:
        conditions.append(MeetingRow.occasion.ilike(f"%{occasion}%"))
    if topic:
        conditions.append(MeetingRow.topics.cast(_text()).ilike(f"%{topic}%"))
    if mode:
        conditions.append(MeetingRow.mode == mode)
    if status:
        conditions.append(MeetingRow.status == status)
    return conditions


def meetings(
    session: Session,
    actor: str | None = None,
    country: str | None = None,
    with_: str | None = None,
    since: str | None = None,
    until: str | None = None,
    occasion: str | None = None,
    topic: str | None = None,
    mode: str | None = None,
    status: str | None = "held",
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Meetings (newest first) with an ``actor`` (name or id) or a party from ``country``, with a
    counterpart ``with_`` (ISO3 or name), in a date range, at an occasion, on a topic, by mode."""
    conditions = meeting_conditions(
        actor, country, with_, since, until, occasion, topic, mode, status
    )
    query = select(MeetingRow).where(*conditions)
    query = query.order_by(MeetingRow.date.desc().nulls_last(), MeetingRow.id).options(
        selectinload(MeetingRow.participants), selectinload(MeetingRow.sources)
    )
    if limit:
        query = query.limit(limit)
    return [_meeting_dict(session, row) for row in session.scalars(query)]


def statements(
    session: Session,
    speaker: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    topic: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Statements (newest first) by a ``speaker`` or a ``country``, in a date range, on a topic."""
    query = select(StatementRow)
    if speaker:
        query = query.where(StatementRow.speaker_names.ilike(f"%{speaker}%"))
    if country:
        query = query.where(StatementRow.speaker_countries.ilike(f"%{country.upper()}%"))
    if since:
        query = query.where(StatementRow.date >= since)
    if until:
        query = query.where(StatementRow.date <= until)
    if topic:
        query = query.where(StatementRow.topics.cast(_text()).ilike(f"%{topic}%"))
    query = query.order_by(StatementRow.date.desc().nulls_last(), StatementRow.id)
    if limit:
        query = query.limit(limit)
    out = []
    for row in session.scalars(query):
        evidence = session.scalars(
            select(EvidenceRow).where(EvidenceRow.statement_id == row.id)
        ).all()
        out.append(
            {
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
                "evidence": [{"start": e.start, "end": e.end, "text": e.text} for e in evidence],
            }
        )
    return out


def statement_conditions(
    actor: str | None = None,
    country: str | None = None,
    with_: str | None = None,
    since: str | None = None,
    until: str | None = None,
    occasion: str | None = None,
    topic: str | None = None,
    mode: str | None = None,
) -> list[Any]:
    """WHERE conditions on statements for the filters of :func:`meetings`: ``actor`` is a
    speaker, ``country`` a speaker's country, dates and topic the statement's own; ``with_``,
    ``occasion`` and ``mode`` hold when the statement belongs to such a meeting."""
    conditions: list[Any] = []
    if actor:
        slug = actor.strip().lower().replace(" ", "-")
        conditions.append(
            or_(
                StatementRow.speaker_names.ilike(f"%{actor.strip()}%"),
                StatementRow.speakers.cast(_text()).ilike(f'%"{slug}"%'),
            )
        )
    if country:
        conditions.append(StatementRow.speaker_countries.ilike(f"%{country.upper()}%"))
    if since or until:
        conditions.append(_dated(since, until))
    if topic:
        conditions.append(StatementRow.topics.cast(_text()).ilike(f"%{topic}%"))
    if with_ or occasion or mode:
        of_meeting = meeting_conditions(with_=with_, occasion=occasion, mode=mode, status=None)
        conditions.append(StatementRow.meeting_id.in_(select(MeetingRow.id).where(*of_meeting)))
    return conditions


def _dated(since: str | None, until: str | None) -> Any:
    """A statement's own date in the range, or, when its document has none, its meeting's."""
    own = [StatementRow.date >= since] if since else []
    own += [StatementRow.date <= until] if until else []
    of_meeting = meeting_conditions(since=since, until=until, status=None)
    return or_(
        and_(*own),
        and_(
            StatementRow.date.is_(None),
            StatementRow.meeting_id.in_(select(MeetingRow.id).where(*of_meeting)),
        ),
    )


#: document columns an export cites (never the text, which may be long)
_CITED = (
    DocumentRow.id,
    DocumentRow.path,
    DocumentRow.url,
    DocumentRow.title,
    DocumentRow.published,
    DocumentRow.publisher,
    DocumentRow.original_source,
    DocumentRow.language,
    DocumentRow.ingested_at,
)


def _cited(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "path": row.path,
        "url": row.url,
        "title": row.title,
        "published": row.published,
        "publisher": row.publisher,
        "original_source": row.original_source,
        "language": row.language,
        "ingested_at": row.ingested_at,
    }


def _evidence(row: Any) -> dict[str, Any]:
    return {"document_id": row.document_id, "start": row.start, "end": row.end, "text": row.text}


def iter_meetings(
    session: Session, page_size: int = 500, **filters: Any
) -> Iterator[dict[str, Any]]:
    """Meetings matching the filters of :func:`meetings`, in id order, read page by page (a
    corpus of any size streams in constant memory). Each has its ``source_documents`` (cited
    columns, oldest published first) and ``evidence`` spans besides the fields of :func:`meetings`.
    """
    conditions = meeting_conditions(**filters)
    for window in _id_windows(session, MeetingRow.id, page_size):
        # plain rows, not ORM objects: an export reads each row once
        rows = session.execute(
            select(*MeetingRow.__table__.columns)
            .where(MeetingRow.id.in_(window), *conditions)
            .order_by(MeetingRow.id)
        ).all()
        if not rows:
            continue
        ids = [row.id for row in rows]
        parties = _participants_of(session, ids)
        documents: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for source in session.execute(
            select(MeetingSourceRow.meeting_id, *_CITED)
            .join(DocumentRow, DocumentRow.id == MeetingSourceRow.document_id)
            .where(MeetingSourceRow.meeting_id.in_(ids))
            .order_by(DocumentRow.published.nulls_last(), DocumentRow.id)
        ):
            documents[source.meeting_id].append(_cited(source))
        evidence: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for span in session.execute(
            select(*EvidenceRow.__table__.columns)
            .where(EvidenceRow.meeting_id.in_(ids))
            .order_by(EvidenceRow.id)
        ):
            evidence[span.meeting_id].append(_evidence(span))
        for row in rows:
            record = _meeting_fields(row, parties[row.id])
            record["source_documents"] = documents[row.id]
            record["sources"] = len(documents[row.id])
            record["evidence"] = evidence[row.id]
            yield record


def iter_statements(
    session: Session, page_size: int = 500, **filters: Any
) -> Iterator[dict[str, Any]]:
    """Statements matching :func:`statement_conditions`, in id order, page by page; each with
    its ``source_document``, ``evidence`` and, when it was said at a meeting, that ``meeting``."""
    conditions = statement_conditions(**filters)
    for window in _id_windows(session, StatementRow.id, page_size):
        rows = session.execute(
            select(*StatementRow.__table__.columns)
            .where(StatementRow.id.in_(window), *conditions)
            .order_by(StatementRow.id)
        ).all()
        if not rows:
            continue
        ids = [row.id for row in rows]
        documents = {
            doc.id: _cited(doc)
            for doc in session.execute(
                select(*_CITED).where(DocumentRow.id.in_({row.document_id for row in rows}))
            )
        }
        meeting_ids = list({row.meeting_id for row in rows if row.meeting_id})
        parties = _participants_of(session, meeting_ids)
        meetings_of = {
            meeting.id: _meeting_fields(meeting, parties[meeting.id])
            for meeting in session.execute(
                select(*MeetingRow.__table__.columns).where(MeetingRow.id.in_(meeting_ids))
            )
        }
        evidence: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for span in session.execute(
            select(*EvidenceRow.__table__.columns)
            .where(EvidenceRow.statement_id.in_(ids))
            .order_by(EvidenceRow.id)
        ):
            evidence[span.statement_id].append(_evidence(span))
        for row in rows:
            yield {
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
                "source_document": documents.get(row.document_id),
                "meeting": meetings_of.get(row.meeting_id or ""),
                "evidence": evidence[row.id],
            }


def _id_windows(session: Session, id_column: Any, size: int) -> Iterator[list[str]]:
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


def _participants_of(session: Session, meeting_ids: list[str]) -> dict[str, list[Any]]:
    parties: dict[str, list[Any]] = {i: [] for i in meeting_ids}
    for party in session.execute(
        select(*ParticipantRow.__table__.columns)
        .where(ParticipantRow.meeting_id.in_(meeting_ids))
        .order_by(ParticipantRow.id)
    ):
        parties[party.meeting_id].append(party)
    return parties


def _text() -> Any:
    from sqlalchemy import Text

    return Text()


def _meeting_dict(session: Session, row: MeetingRow) -> dict[str, Any]:
    documents = session.scalars(
        select(
            DocumentRow.path,
        ).where(
            DocumentRow.id.in_(
                select(MeetingSourceRow.document_id).where(MeetingSourceRow.meeting_id == row.id)
            )
        )
    ).all()
    return {
        **_meeting_fields(row, row.participants),
        "sources": len(row.sources),
        "documents": list(documents),
    }


def _meeting_fields(row: Any, participants: Iterable[Any]) -> dict[str, Any]:
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
