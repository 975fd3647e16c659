"""The dates of search results (a meeting's date, a statement's, a document's publication), so
the search page can sort them by time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sidelines.store.schema import DocumentRow, MeetingRow, StatementRow

__all__ = ["result_dates"]

_DATED: dict[str, tuple[Any, Any]] = {
    "meeting": (MeetingRow.id, MeetingRow.date),
    "statement": (StatementRow.id, StatementRow.date),
    "document": (DocumentRow.id, DocumentRow.published),
}


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
        for key, date in session.execute(select(id_column, date_column).where(id_column.in_(ids))):
            out[f"{kind}:{key}"] = date
    return out
