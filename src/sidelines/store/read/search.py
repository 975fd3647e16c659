"""A plain text search of documents, meetings and statements: the matches of some words, best
first, narrowed by meeting filters (the search page's facets) and read as hits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from sidelines.filters import MeetingFilter, StatementFilter
from sidelines.store.filters import actors_named
from sidelines.store.read.conditions import (
    document_conditions,
    has_participant,
    meeting_conditions,
    meetings_of,
    person,
    statement_conditions,
)
from sidelines.store.read.results import SearchHit
from sidelines.store.schema import DocumentRow, MeetingRow, StatementRow
from sidelines.store.search import RANKED, search_ids

__all__ = [
    "KINDS",
    "Matches",
    "narrowed",
    "result_conditions",
    "search",
    "search_hits",
    "search_matches",
]

#: the kinds of result, in the order a search lists them
KINDS = ("document", "meeting", "statement")
#: the ids of each kind of result, best first
Matches = dict[str, list[str]]
ROWS: dict[str, Any] = {"document": DocumentRow, "meeting": MeetingRow, "statement": StatementRow}
#: a hit's title names its participants: read for all the hits in one query, not one a hit
_PARTIES = selectinload(MeetingRow.participants)
#: ids bound in one ``IN (...)`` at most
_BATCH = 500


def search(session: Session, q: str, limit: int = 20) -> list[SearchHit]:
    """Documents (by title or text) and statements (by text or speaker) with every word of
    ``q``, best first, through the database's text index (a case-insensitive substring scan
    where it has none); meetings by place, occasion or participant: at most ``limit`` of each."""
    found = search_matches(session, q, limit)
    return search_hits(session, q, [(kind, key) for kind in KINDS for key in found[kind]])


def _needle(q: str) -> str:
    # control characters (NUL above all) are no part of any text and break text-index queries
    return "".join(ch if ch.isprintable() else " " for ch in q).strip()


def search_matches(session: Session, q: str, limit: int = RANKED) -> Matches:
    """The ids of the documents, meetings and statements matching ``q`` (as :func:`search`
    finds them), best first, at most ``limit`` of each kind (by default all the text index
    ranks)."""
    needle = _needle(q)
    found: Matches = {kind: [] for kind in KINDS}
    if not needle:
        return found
    for kind in KINDS:
        ids = search_ids(session, kind, needle, limit)
        if ids is None:
            ids = _scanned(session, kind, needle, limit)
        found[kind] = list(dict.fromkeys(ids))
    return found


def result_conditions(
    session: Session, kind: str, filters: MeetingFilter, among: Sequence[str] | None = None
) -> list[Any]:
    """The WHERE conditions of the results of ``kind`` that meeting ``filters`` select: the
    meetings themselves; the statements said as they say
    (:meth:`~sidelines.filters.StatementFilter.said_at`); the documents published in their
    date range that report such a meeting or hold such a statement (of the documents
    ``among``, when given).

    Raises:
        FilterError: ``[E031]`` for a country, counterpart or scope that names nothing.
    """
    if kind == "meeting":
        return meeting_conditions(session, filters)
    if kind == "statement":
        meetings = None if among is None else meetings_of(session, StatementRow.id.in_(among))
        return statement_conditions(session, StatementFilter.said_at(filters), meetings=meetings)
    return document_conditions(session, filters, among)


def _batches(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _BATCH):
        yield ids[start : start + _BATCH]


def narrowed(session: Session, found: Matches, filters: MeetingFilter) -> Matches:
    """The matches ``filters`` selects (see :func:`result_conditions`), in their order; only
    ids still stored (a text index may hold a meeting merged away since)."""
    out: Matches = {}
    for kind, ids in found.items():
        key = ROWS[kind].id
        kept: set[str] = set()
        for batch in _batches(ids):
            conditions = result_conditions(session, kind, filters, batch)
            kept.update(session.scalars(select(key).where(key.in_(batch), *conditions)))
        out[kind] = [i for i in ids if i in kept]
    return out


def search_hits(session: Session, q: str, keys: Sequence[tuple[str, str]]) -> list[SearchHit]:
    """The hits of ``(kind, id)`` results, in their order (a title and a snippet of ``q``)."""
    needle = _needle(q)
    wanted: dict[str, list[str]] = {}
    for kind, key in keys:
        wanted.setdefault(kind, []).append(key)
    hits: dict[tuple[str, str], SearchHit] = {}
    for kind, ids in wanted.items():
        model = ROWS[kind]
        for batch in _batches(ids):
            query = select(model).where(model.id.in_(batch))
            if kind == "meeting":
                query = query.options(_PARTIES)
            for row in session.scalars(query):
                hits[(kind, row.id)] = _hit(kind, row, needle)
    return [hits[key] for key in keys if key in hits]


def _hit(kind: str, row: Any, needle: str) -> SearchHit:
    if kind == "meeting":
        names = " – ".join(p.name for p in row.participants if not p.accompanying)
        return {
            "kind": kind,
            "id": row.id,
            "title": f"{row.date or 'undated'}: {names}",
            "snippet": ", ".join(x for x in (row.place, row.occasion) if x),
        }
    title = row.title if kind == "document" else row.speaker_names
    return {"kind": kind, "id": row.id, "title": title, "snippet": _snippet(row.text, needle)}


def _scanned(session: Session, kind: str, needle: str, limit: int) -> list[str]:
    """The ids of the newest ``limit`` matches of ``kind`` by a substring scan, where no text
    index holds them."""
    if kind == "meeting":
        return _meetings_scanned(session, needle, limit)
    model = ROWS[kind]
    title, date = (
        (DocumentRow.title, DocumentRow.published)
        if kind == "document"
        else (StatementRow.speaker_names, StatementRow.date)
    )
    like = f"%{needle}%"
    return list(
        session.scalars(
            select(model.id)
            .where(or_(title.ilike(like), model.text.ilike(like)))
            .order_by(date.desc().nulls_last(), model.id)
            .limit(limit)
        )
    )


def _meetings_scanned(session: Session, needle: str, limit: int) -> list[str]:
    """The ids of the newest ``limit`` meetings with ``needle`` in their occasion or place or
    among their participants' names, where no text index holds them: the newest of each kind,
    merged (one query with both would make the database list every meeting of a busy
    participant)."""
    like = f"%{needle}%"
    newest = (MeetingRow.date.desc().nulls_last(), MeetingRow.id)
    found: dict[str, str | None] = {
        key: date
        for condition in (
            or_(MeetingRow.occasion.ilike(like), MeetingRow.place.ilike(like)),
            has_participant(person(actors_named(session, needle)), frequent=True),
        )
        for key, date in session.execute(
            select(MeetingRow.id, MeetingRow.date).where(condition).order_by(*newest).limit(limit)
        )
    }
    by_id = sorted(found.items())
    # newest first, undated last, then by id (a stable sort keeps the ids in order)
    ordered = sorted(by_id, key=lambda row: (row[1] is not None, row[1] or ""), reverse=True)
    return [key for key, _ in ordered[:limit]]


def _snippet(text: str, needle: str, width: int = 80) -> str:
    at = text.lower().find(needle.lower())
    if at < 0:
        return text[: 2 * width]
    start = max(0, at - width)
    return ("…" if start else "") + text[start : at + len(needle) + width] + "…"
