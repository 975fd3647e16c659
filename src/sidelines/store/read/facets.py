"""Facet counts of the meetings matching the filters of ``meetings``: how many of them per
country, actor, mode, occasion and year, each value with the filter that selects exactly those.

Every count is of distinct meetings under the same WHERE conditions as :func:`meetings`, so a
facet's number is the number of meetings its link lists (an occasion's, of the meetings its
words and summit series find, as the ``occasion`` filter reads them).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.filters import MeetingFilter
from sidelines.store.filters import occasions_named, stored_occasions
from sidelines.store.read.conditions import meeting_conditions
from sidelines.store.schema import ActorRow, MeetingRow, ParticipantRow

__all__ = ["FACETS", "meeting_facets"]

FACETS = ("country", "actor", "mode", "occasion", "year")


def meeting_facets(session: Session, filters: MeetingFilter, limit: int = 10) -> dict[str, Any]:
    """``{facet: [{value, label, count, filter}]}`` for :data:`FACETS`, most meetings first,
    at most ``limit`` values each; ``filter`` is the query parameters that select the value's
    meetings (added to the current filters). Also ``total``: the meetings matching ``filters``."""
    conditions = meeting_conditions(session, filters)
    matching = select(MeetingRow.id).where(*conditions)
    meetings = func.count(func.distinct(MeetingRow.id)).label("n")
    principal = (
        select(MeetingRow.id)
        .join(ParticipantRow, ParticipantRow.meeting_id == MeetingRow.id)
        .where(ParticipantRow.accompanying.is_(False), MeetingRow.id.in_(matching))
    )
    out: dict[str, Any] = {}
    countries = session.execute(
        principal.with_only_columns(ParticipantRow.country, meetings)
        .where(ParticipantRow.country.is_not(None))
        .group_by(ParticipantRow.country)
        .order_by(meetings.desc(), ParticipantRow.country)
        .limit(limit)
    ).all()
    out["country"] = [
        {"value": c, "label": c, "count": int(n), "filter": {"country": c}} for c, n in countries
    ]
    actors = session.execute(
        principal.with_only_columns(ParticipantRow.actor_key, ActorRow.name, meetings)
        .join(ActorRow, ActorRow.id == ParticipantRow.actor_key)
        .group_by(ParticipantRow.actor_key, ActorRow.name)
        .order_by(meetings.desc(), ParticipantRow.actor_key)
        .limit(limit)
    ).all()
    out["actor"] = [
        {"value": key, "label": name, "count": int(n), "filter": {"actor": key}}
        for key, name, n in actors
    ]
    modes = session.execute(
        select(MeetingRow.mode, meetings)
        .where(*conditions, MeetingRow.mode.is_not(None))
        .group_by(MeetingRow.mode)
        .order_by(meetings.desc(), MeetingRow.mode)
        .limit(limit)
    ).all()
    out["mode"] = [
        {"value": v, "label": v, "count": int(n), "filter": {"mode": v}} for v, n in modes
    ]
    out["occasion"] = _occasions(session, filters, conditions, limit)
    year = func.substr(MeetingRow.date, 1, 4)
    years = session.execute(
        select(year, meetings)
        .where(*conditions, MeetingRow.date.is_not(None))
        .group_by(year)
        .order_by(year.desc())
        .limit(limit * 3)
    ).all()
    out["year"] = [
        {
            "value": y,
            "label": y,
            "count": int(n),
            "filter": _year(filters, y),
        }
        for y, n in years
    ]
    undated = session.scalar(
        select(func.count()).select_from(MeetingRow).where(*conditions, MeetingRow.date.is_(None))
    )
    out["undated"] = int(undated or 0)
    out["total"] = int(
        session.scalar(select(func.count()).select_from(MeetingRow).where(*conditions)) or 0
    )
    return out


def _year(filters: MeetingFilter, year: str) -> dict[str, str]:
    """The dates of ``year`` within the date range in force (a year's link keeps a narrower
    ``since`` or ``until``, so it lists the meetings its count counts)."""
    since, until = f"{year}-01-01", f"{year}-12-31"
    return {
        "since": max(since, filters.since) if filters.since else since,
        "until": min(until, filters.until) if filters.until else until,
    }


def _occasions(
    session: Session, filters: MeetingFilter, conditions: list[Any], limit: int
) -> list[dict[str, Any]]:
    """The occasions of the matching meetings, each counted as its link finds them: the
    ``occasion`` filter matches words and summit series, so "G20 summit" counts "G20 Bali
    Summit" too. The candidates are the busiest stored occasions; two that select the same
    occasions are one value."""
    busiest = (
        select(MeetingRow.occasion)
        .where(*conditions, MeetingRow.occasion.is_not(None))
        .group_by(MeetingRow.occasion)
        .order_by(func.count().desc(), MeetingRow.occasion)
        .limit(limit * 2)
    )
    candidates = [o for o in session.scalars(busiest) if o]
    if not candidates:
        return []
    # the link replaces the occasion in force: count under the other filters
    others = meeting_conditions(session, dataclasses.replace(filters, occasion=None))
    stored = stored_occasions(session)
    seen: set[frozenset[str]] = set()
    values: list[dict[str, Any]] = []
    for value in candidates:
        named = frozenset(occasions_named(session, value, stored))
        if named in seen:
            continue
        seen.add(named)
        count = session.scalar(
            select(func.count())
            .select_from(MeetingRow)
            .where(*others, MeetingRow.occasion.in_(sorted(named)))
        )
        values.append(
            {
                "value": value,
                "label": value,
                "count": int(count or 0),
                "filter": {"occasion": value},
            }
        )
    values.sort(key=lambda v: (-int(v["count"]), str(v["value"])))
    return values[:limit]
