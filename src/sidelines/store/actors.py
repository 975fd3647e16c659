"""Corpus actors: every participant and speaker is identified with one ``actors`` row.

The knowledge base decides for the people it knows (its id is the actor's id). For others the
corpus decides: two spellings of one country's name are one actor when their surnames agree and
the whole names are transliteration variants ("Sergey Ivanov" / "Sergei Ivanov"), so a name seen
under several spellings is one actor with aliases, not several actors.

An actor's ``aliases`` are every other spelling it goes by: the knowledge base's aliases for the
actors it knows and the spellings documents used. Each spelling's lookup keys
(:func:`sidelines.evaluate.names.match_keys`) go into ``actor_keys``, which is how a filter
finds an actor under any of its names (:mod:`sidelines.store.filters`).
"""

from __future__ import annotations

import re

from anyascii import anyascii
from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from sidelines.evaluate.names import match_keys
from sidelines.kb import KnowledgeBase
from sidelines.store.filters import store_kb
from sidelines.store.schema import ActorKeyRow, ActorRow, RoleRow
from sidelines.types import Participant

__all__ = [
    "SPELLING_RATIO",
    "add_spellings",
    "identify",
    "kb_spellings",
    "key_rows",
    "name_slug",
    "observe_role",
]

#: minimum rapidfuzz ratio (0-100) for two spellings of a name to be one actor
SPELLING_RATIO = 90.0
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def name_slug(name: str) -> str:
    """``"Sergey Lavrov"`` → ``"sergey-lavrov"`` (transliterated, lower case, dashes)."""
    return _NON_ALNUM.sub("-", anyascii(name).lower()).strip("-")


def identify(session: Session, party: Participant) -> str:
    """The id of the corpus actor ``party`` is (created when first seen; spellings merged)."""
    if party.actor_id:
        return _known(session, party.actor_id, party)
    slug = name_slug(party.name) or "unnamed"
    key = f"name:{slug}"
    if (row := session.get(ActorRow, key)) is not None:
        return row.id
    surname = slug.rsplit("-", 1)[-1]
    candidates = session.scalars(
        select(ActorRow).where(
            ActorRow.in_kb.is_(False),
            ActorRow.country.is_(None)
            if party.country is None
            else ActorRow.country == party.country,
            ActorRow.id.like(f"name:%{surname}"),
        )
    ).all()
    for row in candidates:
        other = row.id.removeprefix("name:")
        if other.rsplit("-", 1)[-1] == surname and fuzz.ratio(slug, other) >= SPELLING_RATIO:
            add_spellings(session, row, [party.name])
            return row.id
    return _new_actor(session, key, party, in_kb=False)


def kb_spellings(actor_id: str, kb: KnowledgeBase) -> list[str]:
    """The knowledge base's name and aliases of the actor ``actor_id`` (none if it is unknown)."""
    known = kb.actors.get(actor_id)
    return [known.name, *known.aliases] if known else []


def key_rows(actor_id: str, spellings: list[str]) -> list[dict[str, str]]:
    """The ``actor_keys`` rows of an actor going by ``spellings`` (for bulk inserts)."""
    keys = sorted({key for spelling in spellings for key in match_keys(spelling)})
    return [{"key": key, "actor_id": actor_id} for key in keys]


def add_spellings(session: Session, row: ActorRow, spellings: list[str]) -> None:
    """Record that ``row`` also goes by ``spellings``: as aliases, with their lookup keys."""
    known = [row.name, *row.aliases]
    new = [s for s in dict.fromkeys(spellings) if s and s.strip() and s not in known]
    if not new:
        return
    row.aliases = [*row.aliases, *new]
    have = {key for spelling in known for key in match_keys(spelling)}
    for key in sorted({key for spelling in new for key in match_keys(spelling)} - have):
        session.add(ActorKeyRow(key=key, actor_id=row.id))


def _new_actor(session: Session, key: str, party: Participant, in_kb: bool) -> str:
    row = ActorRow(
        id=key,
        name=party.name,
        country=party.country,
        aliases=[],
        in_kb=in_kb,
        meetings=0,
        statements=0,
        international=0,
    )
    session.add(row)
    session.flush()  # before its keys, which refer to it
    session.add_all(ActorKeyRow(**keys) for keys in key_rows(key, [party.name]))
    if in_kb:
        add_spellings(session, row, kb_spellings(key, store_kb(session)))
    return key


def _known(session: Session, actor_id: str, party: Participant) -> str:
    row = session.get(ActorRow, actor_id)
    if row is None:
        return _new_actor(session, actor_id, party, in_kb=True)
    add_spellings(session, row, [party.name])
    return actor_id


def observe_role(
    session: Session,
    actor_key: str,
    title: str | None,
    day: str | None,
    document_id: str | None,
) -> None:
    """Record that a document gave ``actor_key`` the title ``title`` on ``day``."""
    if not title:
        return
    row = session.scalars(
        select(RoleRow).where(RoleRow.actor_id == actor_key, RoleRow.title == title)
    ).first()
    if row is None:
        session.add(
            RoleRow(
                actor_id=actor_key,
                title=title,
                first_seen=day,
                last_seen=day,
                document_id=document_id,
                mentions=1,
            )
        )
        return
    row.mentions += 1
    if day and (row.first_seen is None or day < row.first_seen):
        row.first_seen = day
    if day and (row.last_seen is None or day > row.last_seen):
        row.last_seen = day
