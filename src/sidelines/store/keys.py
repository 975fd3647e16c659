"""The corpus ids of a stored meeting's parties and a statement's speakers (the ids of the
``actors`` rows the store identified them with: spellings it merged share one). Which parties
face which is :mod:`sidelines.pairing`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sidelines.store.actors import name_slug
from sidelines.store.schema import ParticipantRow, StatementSpeakerRow

__all__ = [
    "Party",
    "actor_key",
    "speaker_keys",
    "with_actor_keys",
    "with_speaker_keys",
]

Party = dict[str, Any]


def actor_key(party: Party) -> str:
    """The corpus actor id of a party: the store's key when read with it, else the
    knowledge-base id, else ``name:<slug>`` (the scheme of the ``actors`` table)."""
    key = party.get("key") or party.get("actor_id")
    return str(key) if key else f"name:{name_slug(party['name']) or 'unnamed'}"


def with_actor_keys(
    session: Session, meetings: Iterable[Mapping[str, Any]], batch: int = 500
) -> Iterator[dict[str, Any]]:
    """Meetings as they come, each participant with its corpus actor id as ``key`` (the id of
    the ``actors`` row the store identified it with: spellings it merged share one)."""
    return _in_batches(session, meetings, batch, _keyed)


def _in_batches(
    session: Session,
    records: Iterable[Mapping[str, Any]],
    batch: int,
    keyed: Callable[[Session, list[Mapping[str, Any]]], Iterator[dict[str, Any]]],
) -> Iterator[dict[str, Any]]:
    """``keyed`` over ``records`` a batch at a time (one query a batch, memory flat)."""
    chunk: list[Mapping[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= batch:
            yield from keyed(session, chunk)
            chunk = []
    yield from keyed(session, chunk)


def _keyed(session: Session, meetings: list[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
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
    session: Session, statements: Iterable[Mapping[str, Any]], batch: int = 500
) -> Iterator[dict[str, Any]]:
    """Statements as they come, each speaker with its corpus actor id as ``key``."""
    return _in_batches(session, statements, batch, _keyed_speakers)


def _keyed_speakers(
    session: Session, statements: list[Mapping[str, Any]]
) -> Iterator[dict[str, Any]]:
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
