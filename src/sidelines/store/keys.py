"""The sides of a stored meeting, as the exports pair them, and the corpus ids of its parties.

One rule for every format: principals are grouped into sides (their ``side``, else their country,
else themselves), and each pair of opposite sides is one dyad. In a dyad the visitor comes first
and the host second when one side is at home (the place's country, or the host the coder
recorded) and the other is not; otherwise the side named first in the report comes first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sidelines.store.actors import name_slug
from sidelines.store.schema import ParticipantRow, StatementSpeakerRow

__all__ = [
    "Party",
    "Side",
    "actor_key",
    "dyads",
    "meeting_dyads",
    "sides",
    "speaker_keys",
    "with_actor_keys",
    "with_speaker_keys",
]

Party = dict[str, Any]
Side = list[Party]


def actor_key(party: Party) -> str:
    """The corpus actor id of a party: the store's key when read with it, else the
    knowledge-base id, else ``name:<slug>`` (the scheme of the ``actors`` table)."""
    key = party.get("key") or party.get("actor_id")
    return str(key) if key else f"name:{name_slug(party['name']) or 'unnamed'}"


def sides(principals: Iterable[Party]) -> list[Side]:
    """Principals grouped by side (else country, else themselves), in order of appearance."""
    groups: dict[str, Side] = {}
    for p in principals:
        key = p.get("side") or p.get("country") or p.get("actor_id") or p["name"]
        groups.setdefault(str(key), []).append(p)
    return list(groups.values())


def dyads(groups: list[Side], home: Iterable[str] = ()) -> list[tuple[Side, Side]]:
    """Every pair of opposite sides, each a ``(first, second)``: a side from abroad before a side
    at ``home`` (the countries or side keys of the host), else in order of appearance."""
    at_home = set(home)

    def hosting(side: Side) -> bool:
        return bool(at_home) and all(
            (p.get("side") in at_home) or (p.get("country") in at_home) for p in side
        )

    pairs = []
    for one, other in combinations(groups, 2):
        if hosting(one) and not hosting(other):
            one, other = other, one
        pairs.append((one, other))
    return pairs


def meeting_dyads(meeting: dict[str, Any]) -> list[tuple[Side, Side]]:
    """The dyads of a stored meeting; a one-sided meeting is one dyad with no second side."""
    principals = meeting["participants"]
    groups = sides(principals)
    if len(groups) < 2:
        return [(principals, [])]
    plover = meeting.get("plover") or {}
    host = plover.get("recipient_side") or meeting.get("country")
    return dyads(groups, [host] if host else [])


def with_actor_keys(
    session: Session, meetings: Iterable[dict[str, Any]], batch: int = 500
) -> Iterator[dict[str, Any]]:
    """Meetings as they come, each participant with its corpus actor id as ``key`` (the id of
    the ``actors`` row the store identified it with: spellings it merged share one)."""
    return _in_batches(session, meetings, batch, _keyed)


def _in_batches(
    session: Session,
    records: Iterable[dict[str, Any]],
    batch: int,
    keyed: Callable[[Session, list[dict[str, Any]]], Iterator[dict[str, Any]]],
) -> Iterator[dict[str, Any]]:
    """``keyed`` over ``records`` a batch at a time (one query a batch, memory flat)."""
    chunk: list[dict[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= batch:
            yield from keyed(session, chunk)
            chunk = []
    yield from keyed(session, chunk)


def _keyed(session: Session, meetings: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    if not meetings:
        return
    keys: dict[tuple[str, str], str] = {}
    for row in session.execute(
        select(ParticipantRow.meeting_id, ParticipantRow.name, ParticipantRow.actor_key).where(
            ParticipantRow.meeting_id.in_([m["id"] for m in meetings])
        )
    ):
        if row.actor_key:
            keys[(row.meeting_id, row.name)] = row.actor_key
    for meeting in meetings:
        yield {
            **meeting,
            "participants": [
                {**p, "key": keys.get((meeting["id"], p["name"])) or actor_key(p)}
                for p in meeting["participants"]
            ],
        }


def speaker_keys(session: Session, statement_ids: list[str]) -> dict[str, list[str]]:
    """The corpus actor ids of each statement's speakers."""
    found: dict[str, list[str]] = {i: [] for i in statement_ids}
    if statement_ids:
        for row in session.execute(
            select(StatementSpeakerRow.statement_id, StatementSpeakerRow.actor_key).where(
                StatementSpeakerRow.statement_id.in_(statement_ids)
            )
        ):
            found[row.statement_id].append(row.actor_key)
    return found


def with_speaker_keys(
    session: Session, statements: Iterable[dict[str, Any]], batch: int = 500
) -> Iterator[dict[str, Any]]:
    """Statements as they come, each speaker with its corpus actor id as ``key``."""
    return _in_batches(session, statements, batch, _keyed_speakers)


def _keyed_speakers(session: Session, statements: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    stored = speaker_keys(session, [s["id"] for s in statements])
    for statement in statements:
        keys = stored[statement["id"]]
        own = [actor_key(speaker) for speaker in statement["speakers"]]
        # a speaker whose own id the store does not list was merged into another spelling's
        # actor: it takes the statement's keys no other speaker claims, in order
        left = [k for k in keys if k not in own]
        yield {
            **statement,
            "speakers": [
                {**speaker, "key": key if key in keys or not left else left.pop(0)}
                for speaker, key in zip(statement["speakers"], own, strict=True)
            ],
        }
