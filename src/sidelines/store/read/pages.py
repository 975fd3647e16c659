"""Newest-first pages (meetings, statements, documents: by date, latest first, undated last, then
by id), found from where the page before ended (keyset pagination) or from an offset.

From a key, a page walks the date index from that date on: as fast on the thousandth page as on
the first, and no row is skipped or shown twice when rows are added before it. An offset walks
and drops every row before it; it is kept for the callers that count pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, or_
from sqlalchemy.orm import Session

__all__ = ["PageKey", "newest_first"]

#: the date (None: undated) and id of the last row of the page before
PageKey = tuple[str | None, str]


def _limited(query: Select[Any], limit: int | None) -> Select[Any]:
    return query.limit(limit) if limit else query


def newest_first(
    session: Session,
    query: Select[Any],
    date: Any,
    id_: Any,
    limit: int | None = None,
    offset: int = 0,
    after: PageKey | None = None,
) -> Sequence[Any]:
    """The rows of ``query`` (a select of columns: plain rows, not ORM objects, which cost
    more to build than the query takes) by ``date`` latest first, undated last, then ``id_``:
    ``limit`` of them after the row ``after`` when given, else from ``offset``."""
    if after is None:
        query = _limited(query.order_by(date.desc().nulls_last(), id_), limit)
        return session.execute(query.offset(offset) if offset else query).all()
    last_date, last_id = after
    rows: list[Any] = []
    if last_date is not None:  # the rest of that date, then the older dates
        dated = query.where(date <= last_date, or_(date < last_date, id_ > last_id))
        newest = dated.order_by(date.desc().nulls_last(), id_)
        rows = list(session.execute(_limited(newest, limit)))
        if limit and len(rows) >= limit:
            return rows
        undated = query.where(date.is_(None))
    else:
        undated = query.where(date.is_(None), id_ > last_id)
    rest = limit - len(rows) if limit else None
    return rows + list(session.execute(_limited(undated.order_by(id_), rest)))
