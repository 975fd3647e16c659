"""The corpus actors (busiest first) and one actor's profile: roles over time,
counterparts, topics, latest meetings and statements.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from sidelines.store.actors import name_slug
from sidelines.store.aggregates import NO_COUNTRY
from sidelines.store.filters import (
    MeetingFilter,
    StatementFilter,
    actors_named,
    country_named,
    scope_named,
)
from sidelines.store.read.meetings import meetings
from sidelines.store.read.results import ActorProfile, ActorSummary, Counterpart
from sidelines.store.read.statements import statements
from sidelines.store.schema import (
    ActorRow,
    ActorTopicRow,
    CounterpartRow,
    CounterpartSpellingRow,
    RoleRow,
)

if TYPE_CHECKING:
    from sidelines.kb import KnowledgeBase

__all__ = [
    "COUNTERPARTS",
    "actor",
    "actors",
    "count_actors",
    "count_counterparts",
    "counterparts",
    "find_actor",
]

#: the counterparts an actor's profile lists (the most met; the busiest actors met thousands)
COUNTERPARTS = 50


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


def counterparts(
    session: Session, key: str, limit: int | None = None, offset: int = 0
) -> list[Counterpart]:
    """The actor's counterparts, most met first, ``limit`` of them from ``offset``, each with
    the first of the names and countries it was met under in sort order (from the counts
    :mod:`sidelines.store.aggregates` keeps)."""
    query = (
        select(CounterpartRow.counterpart_key, CounterpartRow.meetings)
        .where(CounterpartRow.actor_key == key)
        .order_by(CounterpartRow.meetings.desc(), CounterpartRow.counterpart_key)
        .offset(offset)
    )
    met = session.execute(query.limit(limit) if limit else query).all()
    spellings = (
        {
            other: (name, country or None)
            for other, name, country in session.execute(
                select(
                    CounterpartSpellingRow.counterpart_key,
                    func.min(CounterpartSpellingRow.name),
                    func.min(func.nullif(CounterpartSpellingRow.country, NO_COUNTRY)),
                )
                .where(
                    CounterpartSpellingRow.actor_key == key,
                    CounterpartSpellingRow.counterpart_key.in_([other for other, _ in met]),
                )
                .group_by(CounterpartSpellingRow.counterpart_key)
            )
        }
        if met
        else {}
    )
    return [
        {"id": other, "name": spellings[other][0], "country": spellings[other][1], "meetings": n}
        for other, n in met
    ]


def count_counterparts(session: Session, key: str) -> int:
    """How many counterparts the actor ``key`` has."""
    query = select(func.count()).select_from(CounterpartRow).where(CounterpartRow.actor_key == key)
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
    session: Session,
    name_or_id: str,
    latest: int = 20,
    kb: KnowledgeBase | None = None,
    met: int = COUNTERPARTS,
) -> ActorProfile | None:
    """An actor's roles over time (from the knowledge base and as the documents title them),
    the ``met`` counterparts met most with counts (and how many there are: the rest are read
    a page at a time by :func:`counterparts`), topics, latest meetings and statements; None
    if no actor matches."""
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
    out["counterparts"] = counterparts(session, row.id, limit=met)
    out["counterparts_total"] = count_counterparts(session, row.id)
    out["topics"] = sorted(
        (
            {"topic": t.topic, "meetings": t.meetings, "statements": t.statements}
            for t in session.scalars(select(ActorTopicRow).where(ActorTopicRow.actor_key == row.id))
        ),
        key=lambda t: (-(t["meetings"] + t["statements"]), t["topic"]),
    )
    out["meetings"] = meetings(session, MeetingFilter(actor=row.id, status=None), limit=latest)
    out["statements"] = statements(session, StatementFilter(), actor_key=row.id, limit=latest)
    return cast(ActorProfile, out)
