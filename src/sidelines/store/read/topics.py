"""The topics and occasions of the corpus, with their numbers of meetings and statements."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.store.read.results import OccasionCount, TopicCount
from sidelines.store.schema import MeetingRow, MeetingTopicRow, StatementTopicRow

__all__ = ["occasions", "topics"]


def topics(session: Session) -> list[TopicCount]:
    """Every topic with its number of meetings and statements (most frequent first)."""
    in_meetings = dict(
        session.execute(
            select(MeetingTopicRow.topic, func.count()).group_by(MeetingTopicRow.topic)
        ).all()
    )
    in_statements = dict(
        session.execute(
            select(StatementTopicRow.topic, func.count()).group_by(StatementTopicRow.topic)
        ).all()
    )
    rows: list[TopicCount] = [
        {
            "topic": t,
            "meetings": int(in_meetings.get(t, 0)),
            "statements": int(in_statements.get(t, 0)),
        }
        for t in {*in_meetings, *in_statements}
    ]
    return sorted(rows, key=lambda r: (-(r["meetings"] + r["statements"]), r["topic"]))


def occasions(session: Session) -> list[OccasionCount]:
    """Every occasion meetings took place at, with their number (most frequent first)."""
    rows = session.execute(
        select(MeetingRow.occasion, func.count())
        .where(MeetingRow.occasion.is_not(None))
        .group_by(MeetingRow.occasion)
        .order_by(func.count().desc(), MeetingRow.occasion)
    ).all()
    return [{"occasion": occasion, "meetings": int(n)} for occasion, n in rows]
