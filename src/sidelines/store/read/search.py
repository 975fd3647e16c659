"""A plain text search of documents, meetings and statements."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from sidelines.store.filters import actors_named
from sidelines.store.read.conditions import has_participant, person
from sidelines.store.read.results import SearchHit
from sidelines.store.schema import DocumentRow, MeetingRow, StatementRow
from sidelines.store.search import search_ids

__all__ = ["search"]

#: a hit's title names its participants: read for all the hits in one query, not one a hit
_PARTIES = selectinload(MeetingRow.participants)


def search(session: Session, q: str, limit: int = 20) -> list[SearchHit]:
    """Documents (by title or text) and statements (by text or speaker) with every word of
    ``q``, best first, through the database's text index (a case-insensitive substring scan
    where it has none); meetings by place, occasion or participant."""
    # control characters (NUL above all) are no part of any text and break text-index queries
    needle = "".join(ch if ch.isprintable() else " " for ch in q).strip()
    if not needle:
        return []
    found: list[SearchHit] = []
    documents = _text_hits(
        session, DocumentRow, "document", needle, limit, DocumentRow.title, DocumentRow.published
    )
    for doc in documents:
        found.append(
            {
                "kind": "document",
                "id": doc.id,
                "title": doc.title,
                "snippet": _snippet(doc.text, needle),
            }
        )
    meeting_ids = search_ids(session, "meeting", needle, limit)
    if meeting_ids is None:
        meetings_found = _meetings_scanned(session, needle, limit)
    else:
        by_id = {
            m.id: m
            for m in session.scalars(
                select(MeetingRow).where(MeetingRow.id.in_(meeting_ids)).options(_PARTIES)
            )
        }
        meetings_found = [by_id[i] for i in dict.fromkeys(meeting_ids) if i in by_id]
    for row in meetings_found:
        names = " – ".join(p.name for p in row.participants if not p.accompanying)
        found.append(
            {
                "kind": "meeting",
                "id": row.id,
                "title": f"{row.date or 'undated'}: {names}",
                "snippet": ", ".join(x for x in (row.place, row.occasion) if x),
            }
        )
    said = _text_hits(
        session, StatementRow, "statement", needle, limit, StatementRow.speaker_names,
        StatementRow.date,
    )  # fmt: skip
    for st in said:
        found.append(
            {
                "kind": "statement",
                "id": st.id,
                "title": st.speaker_names,
                "snippet": _snippet(st.text, needle),
            }
        )
    return found[: limit * 3]


def _meetings_scanned(session: Session, needle: str, limit: int) -> list[MeetingRow]:
    """The newest ``limit`` meetings with ``needle`` in their occasion or place or among their
    participants' names, where no text index holds them: the newest of each kind, merged (one
    query with both would make the database list every meeting of a busy participant)."""
    like = f"%{needle}%"
    newest = (MeetingRow.date.desc().nulls_last(), MeetingRow.id)
    found = {
        row.id: row
        for condition in (
            or_(MeetingRow.occasion.ilike(like), MeetingRow.place.ilike(like)),
            has_participant(person(actors_named(session, needle)), frequent=True),
        )
        for row in session.scalars(
            select(MeetingRow).where(condition).order_by(*newest).limit(limit).options(_PARTIES)
        )
    }
    by_id = sorted(found.values(), key=lambda row: row.id)
    # newest first, undated last, then by id (a stable sort keeps the ids in order)
    ordered = sorted(by_id, key=lambda row: (row.date is not None, row.date or ""), reverse=True)
    return ordered[:limit]


def _text_hits(
    session: Session, model: Any, kind: str, needle: str, limit: int, title: Any, date: Any
) -> list[Any]:
    """Rows of ``model`` (documents or statements) whose title or text holds ``needle``: best
    first through the text index, or newest first by a substring scan where there is none."""
    ids = search_ids(session, kind, needle, limit)
    if ids is None:
        like = f"%{needle}%"
        return list(
            session.scalars(
                select(model)
                .where(or_(title.ilike(like), model.text.ilike(like)))
                .order_by(date.desc().nulls_last(), model.id)
                .limit(limit)
            )
        )
    by_id = {row.id: row for row in session.scalars(select(model).where(model.id.in_(ids)))}
    return [by_id[i] for i in ids if i in by_id]


def _snippet(text: str, needle: str, width: int = 80) -> str:
    at = text.lower().find(needle.lower())
    if at < 0:
        return text[: 2 * width]
    start = max(0, at - width)
    return ("…" if start else "") + text[start : at + len(needle) + width] + "…"
