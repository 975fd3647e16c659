"""Facet counts of the meetings matching the filters of ``meetings``: how many of them per
country, actor, mode, occasion and year, each value with the filter that selects exactly those.

Every count is of distinct meetings under the same WHERE conditions as :func:`meetings`, so a
facet's number is the number of meetings its link lists.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.filters import MeetingFilter
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
    for facet, column in (("mode", MeetingRow.mode), ("occasion", MeetingRow.occasion)):
        rows = session.execute(
            select(column, meetings)
            .where(*conditions, column.is_not(None))
            .group_by(column)
            .order_by(meetings.desc(), column)
            .limit(limit)
        ).all()
        out[facet] = [
            {"value": v, "label": v, "count": int(n), "filter": {facet: v}} for v, n in rows
        ]
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
            "filter": {"since": f"{y}-01-01", "until": f"{y}-12-31"},
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
