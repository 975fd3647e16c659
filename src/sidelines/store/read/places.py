"""Where the meetings matching the filters of ``meetings`` took place: how many per host country
and per place.

One read for the dashboard's map, under the same WHERE conditions as :func:`meetings`, so a
country's or a place's number is the number of meetings its link (``held_in``, ``place``) lists.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.filters import MeetingFilter
from sidelines.store.read.conditions import meeting_conditions
from sidelines.store.schema import MeetingRow

__all__ = ["meeting_places"]


def meeting_places(session: Session, filters: MeetingFilter | None = None) -> dict[str, Any]:
    """``{"countries": [{country, meetings}], "places": [{place, country, meetings}], "total",
    "unplaced"}`` for the meetings matching ``filters``, most meetings first.

    ``countries`` counts the meetings held in each country (ISO3, as stored); ``places`` the
    meetings at each named place (one row per place and country); ``total`` is every matching
    meeting, ``unplaced`` those whose country is not known.
    """
    conditions = meeting_conditions(session, filters or MeetingFilter())
    meetings = func.count().label("n")
    countries = session.execute(
        select(MeetingRow.country, meetings)
        .where(*conditions, MeetingRow.country.is_not(None))
        .group_by(MeetingRow.country)
        .order_by(meetings.desc(), MeetingRow.country)
    ).all()
    places = session.execute(
        select(MeetingRow.place, MeetingRow.country, meetings)
        .where(*conditions, MeetingRow.place.is_not(None), MeetingRow.place != "")
        .group_by(MeetingRow.place, MeetingRow.country)
        .order_by(meetings.desc(), MeetingRow.place, MeetingRow.country)
    ).all()
    total = int(
        session.scalar(select(func.count()).select_from(MeetingRow).where(*conditions)) or 0
    )
    placed = sum(int(n) for _, n in countries)
    return {
        "countries": [{"country": c, "meetings": int(n)} for c, n in countries],
        "places": [{"place": p, "country": c, "meetings": int(n)} for p, c, n in places],
        "total": total,
        "unplaced": total - placed,
    }
