"""The corpus actors (busiest first) and one actor's profile: roles over time,
counterparts, topics, latest meetings and statements.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from sidelines.store.actors import name_slug
from sidelines.store.filters import (
    MeetingFilter,
    StatementFilter,
    actors_named,
    country_named,
    scope_named,
)
from sidelines.store.read.meetings import meetings
from sidelines.store.read.results import ActorProfile, ActorSummary
from sidelines.store.read.statements import statements
from sidelines.store.schema import (
    ActorRow,
    MeetingTopicRow,
    ParticipantRow,
    RoleRow,
    StatementSpeakerRow,
    StatementTopicRow,
)

if TYPE_CHECKING:
    from sidelines.kb import KnowledgeBase

__all__ = ["actor", "actors", "count_actors", "find_actor"]


def _side(row: Any) -> Any:
    """A participant's side as :func:`sidelines.pairing.side_key` reads it: its side, else its
    country, else the participant itself."""
    return func.coalesce(row.side, row.country, row.actor_key)


def _scoped_meetings(scope: str | None) -> Any:
    """An actor's number of meetings of ``scope`` (of any scope when None), as kept in the
    actors table."""
    if scope is None:
        return ActorRow.meetings
    if scope_named(scope) == "international":
        return ActorRow.international
    return ActorRow.meetings - ActorRow.international


def _actor_filters(
    session: Session,
    query: Select[Any],
    country: str | None,
    name: str | None,
    scope: str | None,
) -> Select[Any]:
    if country:
        query = query.where(ActorRow.country == country_named(session, country))
    if name:
        query = query.where(ActorRow.id.in_(actors_named(session, name)))
    if scope:
        query = query.where(_scoped_meetings(scope) > 0)
    return query


def actors(
    session: Session,
    country: str | None = None,
    name: str | None = None,
    scope: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ActorSummary]:
    """Corpus actors (busiest first) with their number of meetings and statements; of one
    ``scope``, only those with meetings of that scope, counted in ``meetings``."""
    counted = _scoped_meetings(scope)
    query = _actor_filters(
        session, select(ActorRow, counted.label("counted")), country, name, scope
    ).order_by(counted.desc(), ActorRow.statements.desc(), ActorRow.id)
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [
        cast(
            ActorSummary, {**_actor_summary(row), "meetings": int(n), "statements": row.statements}
        )
        for row, n in session.execute(query)
    ]


def count_actors(
    session: Session, country: str | None = None, name: str | None = None, scope: str | None = None
) -> int:
    """How many actors :func:`actors` would return without a limit."""
    query = _actor_filters(
        session, select(func.count()).select_from(ActorRow), country, name, scope
    )
    return int(session.scalar(query) or 0)


def _actor_summary(row: ActorRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "country": row.country,
        "aliases": row.aliases,
        "in_kb": row.in_kb,
    }


def find_actor(
    session: Session, name_or_id: str, kb: KnowledgeBase | None = None
) -> ActorRow | None:
    """The actor with this id, or else the busiest one whose name or a spelling matches (the
    knowledge base, when given, knows more spellings: "Sergei" for "Sergey Lavrov")."""
    needle = name_or_id.strip()
    if not needle:
        return None
    row = session.get(ActorRow, needle) or session.get(ActorRow, f"name:{name_slug(needle)}")
    if row is not None:
        return row
    found = actors(session, name=needle, limit=1)
    if found:
        return session.get(ActorRow, found[0]["id"])
    for known in kb.find_actors(needle) if kb else []:
        if (row := session.get(ActorRow, known.id)) is not None:
            return row
    return None


def actor(
    session: Session, name_or_id: str, latest: int = 20, kb: KnowledgeBase | None = None
) -> ActorProfile | None:
    """An actor's roles over time (from the knowledge base and as the documents title them),
    counterparts with counts, topics, latest meetings and statements; None if no actor
    matches."""
    row = find_actor(session, name_or_id, kb)
    if row is None:
        return None
    out = _actor_summary(row)
    known = kb.actors.get(row.id) if kb and row.in_kb else None
    out["roles"] = (
        [
            {
                "title": role.title,
                "office": role.office,
                "country": role.country,
                "organisation": None,
                "start": role.start.isoformat() if role.start else None,
                "end": role.end.isoformat() if role.end else None,
                "source": "kb",
                "mentions": None,
            }
            for role in sorted(known.roles, key=lambda r: r.start or dt.date.min)
        ]
        if known
        else []
    )
    roles = session.scalars(
        select(RoleRow).where(RoleRow.actor_id == row.id).order_by(RoleRow.first_seen)
    ).all()
    out["roles"] += [
        {
            "title": r.title,
            "office": None,
            "country": row.country,
            "organisation": None,
            "start": r.first_seen,
            "end": r.last_seen,
            "source": "documents",
            "mentions": r.mentions,
        }
        for r in roles
    ]
    mine = (
        select(ParticipantRow.meeting_id, _side(ParticipantRow).label("side"))
        .where(ParticipantRow.actor_key == row.id, ParticipantRow.accompanying.is_(False))
        .subquery()
    )
    other = ParticipantRow
    counterparts = session.execute(
        select(
            other.actor_key,
            func.min(other.name),
            func.min(other.country),
            func.count(func.distinct(other.meeting_id)),
        )
        .join(mine, mine.c.meeting_id == other.meeting_id)
        .where(
            other.accompanying.is_(False),
            other.actor_key != row.id,
            _side(other) != mine.c.side,  # the side rule of sidelines.pairing, in SQL
        )
        .group_by(other.actor_key)
        .order_by(func.count(func.distinct(other.meeting_id)).desc(), other.actor_key)
    ).all()
    out["counterparts"] = [
        {"id": key, "name": name, "country": country, "meetings": int(n)}
        for key, name, country, n in counterparts
    ]
    meeting_topics = dict(
        session.execute(
            select(MeetingTopicRow.topic, func.count())
            .join(mine, mine.c.meeting_id == MeetingTopicRow.meeting_id)
            .group_by(MeetingTopicRow.topic)
        ).all()
    )
    statement_topics = dict(
        session.execute(
            select(StatementTopicRow.topic, func.count())
            .join(
                StatementSpeakerRow,
                StatementSpeakerRow.statement_id == StatementTopicRow.statement_id,
            )
            .where(StatementSpeakerRow.actor_key == row.id)
            .group_by(StatementTopicRow.topic)
        ).all()
    )
    out["topics"] = sorted(
        (
            {
                "topic": t,
                "meetings": int(meeting_topics.get(t, 0)),
                "statements": int(statement_topics.get(t, 0)),
            }
            for t in {*meeting_topics, *statement_topics}
        ),
        key=lambda t: (-(t["meetings"] + t["statements"]), t["topic"]),
    )
    out["meetings"] = meetings(session, MeetingFilter(actor=row.id, status=None), limit=latest)
    out["statements"] = statements(session, StatementFilter(), actor_key=row.id, limit=latest)
    return cast(ActorProfile, out)
