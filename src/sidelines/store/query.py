"""Queries over the corpus database: meetings and statements by actor, country, date, topic ...

Every filter is a bound parameter of a SQLAlchemy expression (no SQL is built from text).
"""

from __future__ import annotations

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
    query = select(MeetingRow)
    if actor:
        query = query.where(_has_participant(_person(actor)))
    if country:
        query = query.where(_has_participant(ParticipantRow.country == country.upper()))
    if with_:
        counterpart = (
            ParticipantRow.country == with_.upper()
            if len(with_) == 3 and with_.isalpha() and with_.isupper()
            else _person(with_)
        )
        query = query.where(_has_participant(counterpart))
    if since:
        query = query.where(MeetingRow.date >= since)
    if until:
        query = query.where(MeetingRow.date <= until)
    if occasion:
        query = query.where(MeetingRow.occasion.ilike(f"%{occasion}%"))
    if topic:
        query = query.where(MeetingRow.topics.cast(_text()).ilike(f"%{topic}%"))
    if mode:
        query = query.where(MeetingRow.mode == mode)
    if status:
        query = query.where(MeetingRow.status == status)
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
            for p in row.participants
            if not p.accompanying
        ],
        "accompanying": [
            {"name": p.name, "country": p.country} for p in row.participants if p.accompanying
        ],
        "sources": len(row.sources),
        "documents": list(documents),
    }
