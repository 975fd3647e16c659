"""The dates of search results (a meeting's date, a statement's, a document's publication), so
the search page can sort them by time. A statement whose document gives no date is dated by its
meeting, as the statement filters date it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.store.schema import DocumentRow, MeetingRow, StatementRow

__all__ = ["result_dates"]

_MEETING_DATE = (
    select(MeetingRow.date).where(MeetingRow.id == StatementRow.meeting_id).scalar_subquery()
)
_DATED: dict[str, tuple[Any, Any]] = {
    "meeting": (MeetingRow.id, MeetingRow.date),
    "statement": (StatementRow.id, func.coalesce(StatementRow.date, _MEETING_DATE)),
    "document": (DocumentRow.id, DocumentRow.published),
}
#: ids bound in one ``IN (...)`` at most
_BATCH = 500


def result_dates(session: Session, results: Iterable[Mapping[str, Any]]) -> dict[str, str | None]:
    """``{"<kind>:<id>": date}`` for search results ``{kind, id}`` (None when undated)."""
    wanted: dict[str, list[str]] = {}
    for r in results:
        wanted.setdefault(str(r["kind"]), []).append(str(r["id"]))
    out: dict[str, str | None] = {}
    for kind, ids in wanted.items():
        if kind not in _DATED:
            continue
        id_column, date_column = _DATED[kind]
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            for key, date in session.execute(
                select(id_column, date_column).where(id_column.in_(batch))
            ):
                out[f"{kind}:{key}"] = date
    return out
