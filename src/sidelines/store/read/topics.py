"""The topics and occasions of the corpus, with their numbers of meetings and statements (as
:mod:`sidelines.store.aggregates` keeps them on write)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sidelines.store.read.results import OccasionCount, TopicCount
from sidelines.store.schema import OccasionCountRow, TopicCountRow

__all__ = ["occasions", "topics"]


def topics(session: Session) -> list[TopicCount]:
    """Every topic with its number of meetings and statements (most frequent first)."""
    rows: list[TopicCount] = [
        {"topic": row.topic, "meetings": row.meetings, "statements": row.statements}
        for row in session.scalars(select(TopicCountRow))
    ]
    return sorted(rows, key=lambda r: (-(r["meetings"] + r["statements"]), r["topic"]))


def occasions(session: Session) -> list[OccasionCount]:
    """Every occasion meetings took place at, with their number (most frequent first)."""
    rows = session.execute(
        select(OccasionCountRow.occasion, OccasionCountRow.meetings).order_by(
            OccasionCountRow.meetings.desc(), OccasionCountRow.occasion
        )
    ).all()
    return [{"occasion": occasion, "meetings": int(n)} for occasion, n in rows]
