"""A list's number of matches read off the totals kept on write
(:class:`~sidelines.store.schema.MeetingTotalRow`, :class:`~sidelines.store.schema.StatementTotalRow`)
when its filters are of one kind those totals count: every meeting, or those of one actor,
country, occasion, scope or topic label, of a status or any; every statement, or those of one
speaker or topic label. A few primary-key rows, the same right after a write as before it;
other filters are counted (and the count kept per store version, :mod:`sidelines.store.totals`).

Names are read as :func:`~sidelines.store.read.conditions.meeting_conditions` reads them, so the
figure is the one a count of the matching rows gives.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.filters import MeetingFilter, StatementFilter
from sidelines.store.filters import (
    actors_named,
    counterpart_named,
    country_named,
    occasions_named,
    scope_named,
)
from sidelines.store.schema import MeetingTotalRow, StatementTotalRow, TopicRow

__all__ = ["kept_meetings", "kept_statements"]

#: the meeting filters the kept totals count, one at a time (``status`` with any of them)
_MEETING_FACETS = ("actor", "country", "with_", "occasion", "scope", "topic")
_STATEMENT_FACETS = ("speaker", "actor", "topic")


def _given(filters: Any, exempt: tuple[str, ...]) -> list[str]:
    return [
        f.name
        for f in dataclasses.fields(filters)
        if f.name not in exempt and getattr(filters, f.name)  # as the conditions read them
    ]


def _one_label(session: Session, part: str) -> list[str] | None:
    """The one topic label containing ``part`` (as the topic filter matches), [] for none, None
    when several do (a fact with two of them would be counted twice)."""
    labels = list(
        session.scalars(select(TopicRow.name).where(TopicRow.name.ilike(f"%{part}%")).limit(2))
    )
    return labels if len(labels) < 2 else None


def _meeting_facet(session: Session, filters: MeetingFilter) -> tuple[str, list[str]] | None:
    """The facet of the kept totals and its values (summed) that count ``filters``; None when
    they count other filters."""
    given = _given(filters, ("status",))
    if not given:
        return "all", [""]
    if len(given) > 1 or given[0] not in _MEETING_FACETS:
        return None
    value: str = getattr(filters, given[0])
    match given[0]:
        case "actor":
            ids = actors_named(session, value)
            return ("actor", ids) if len(ids) < 2 else None
        case "country":
            return "country", [country_named(session, value)]
        case "with_":
            nation, ids = counterpart_named(session, value)
            if nation is not None:
                return "country", [nation]
            return ("actor", ids) if len(ids) < 2 else None
        case "occasion":
            return "occasion", occasions_named(session, value)  # a meeting has one occasion
        case "scope":
            return "scope", [scope_named(value)]
        case _:
            labels = _one_label(session, value)
            return ("topic", labels) if labels is not None else None


def kept_meetings(session: Session, filters: MeetingFilter) -> int | None:
    """How many meetings ``filters`` selects, from the kept totals; None when they do not
    count these filters.

    Raises:
        FilterError: ``[E031]`` for a country, counterpart or scope that names nothing.
    """
    facet = _meeting_facet(session, filters)
    if facet is None:
        return None
    name, values = facet
    if not values:
        return 0
    kept = MeetingTotalRow
    query = select(func.coalesce(func.sum(kept.meetings), 0)).where(
        kept.facet == name, kept.value.in_(values)
    )
    if filters.status:
        query = query.where(kept.status == filters.status)
    return int(session.scalar(query) or 0)


def kept_statements(session: Session, filters: StatementFilter) -> int | None:
    """How many statements ``filters`` selects, from the kept totals; None when they do not
    count these filters."""
    given = _given(filters, ())
    if not given:
        name, values = "all", [""]
    elif len(given) > 1 or given[0] not in _STATEMENT_FACETS:
        return None
    elif given[0] == "topic":
        labels = _one_label(session, str(filters.topic))
        if labels is None:
            return None
        name, values = "topic", labels
    else:
        ids = actors_named(session, str(getattr(filters, given[0])))
        if len(ids) > 1:
            return None
        name, values = "speaker", ids
    if not values:
        return 0
    kept = StatementTotalRow
    return int(
        session.scalar(
            select(func.coalesce(func.sum(kept.statements), 0)).where(
                kept.facet == name, kept.value.in_(values)
            )
        )
        or 0
    )
