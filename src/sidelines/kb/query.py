"""Resolve a name or a title to the person who held it on a date, without parsing a document.

``resolve_text(kb, "the Chinese foreign minister", day=date(2023, 8, 1))`` answers who that was,
with the office, country and a confidence. It uses the knowledge base's own look-ups
(:meth:`KnowledgeBase.find_actors`, :meth:`KnowledgeBase.holder`) that the extractor's resolver
uses, so ``sidelines kb resolve`` shows what extraction will decide.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any

from sidelines.kb import KnowledgeBase, office_of_title
from sidelines.kb.model import Actor, Role

_LEADING = re.compile(r"^\s*(?:the|a|an|his|her|their)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Resolution:
    """One answer to a query: who, in which office, for which country, and how sure."""

    actor_id: str
    name: str
    office: str | None
    title: str | None
    country: str | None
    start: str | None
    end: str | None
    matched: str  # "name", "short name" or "title"
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def resolve_text(
    kb: KnowledgeBase, text: str, day: dt.date | None = None, country: str | None = None
) -> list[Resolution]:
    """People that ``text`` (a name, a short name or a title) refers to on ``day``, best first.

    A title needs a country: in the text ("Prime Minister of Japan", "the Emir of Qatar",
    "Japan's foreign minister") or given as ``country``. ``day`` defaults to today.
    """
    day = day or dt.date.today()
    query = _LEADING.sub("", text.strip())
    if not query:
        return []
    named = kb.find_actors(query, day)
    if named:
        return _ranked(kb, named, day, country, "name")
    if len(query.split()) == 1:
        short = kb.find_by_short(query, day)
        if short:
            return _ranked(kb, short, day, country, "short name")
    if office_of_title(query) is None:
        return []
    organisation = kb.organisation_of_title(query)
    where = None if organisation else (kb.country_of_title(query) or country)
    held = kb.holder(where, query, day, organisation=organisation)
    if held is None:
        return []
    actor, role = held
    confidence = 0.95 if where or organisation else 0.5  # a bare title is a guess
    return [_resolution(actor, role, "title", confidence)]


def _ranked(
    kb: KnowledgeBase, actors: list[Actor], day: dt.date, country: str | None, how: str
) -> list[Resolution]:
    if country:
        actors = [a for a in actors if a.country == country] or actors
    confidence = round(1.0 / len(actors), 2) * (1.0 if how == "name" else 0.9)
    out = []
    for actor in actors:
        out.append(_resolution(actor, kb.role_on(actor, day), how, confidence))
    return sorted(out, key=lambda r: (-r.confidence, r.name))


def _resolution(actor: Actor, role: Role | None, how: str, confidence: float) -> Resolution:
    return Resolution(
        actor_id=actor.id,
        name=actor.name,
        office=role.office if role else None,
        title=role.title if role else None,
        country=(role.country if role else None) or actor.country,
        start=role.start.isoformat() if role and role.start else None,
        end=role.end.isoformat() if role and role.end else None,
        matched=how,
        confidence=round(confidence, 2),
    )


def timeline(kb: KnowledgeBase, name: str) -> list[tuple[Actor, list[Role]]]:
    """Every person ``name`` may refer to, with all their roles in date order."""
    actors = kb.find_actors(name) or kb.find_by_short(name)
    return [(actor, sorted(actor.roles, key=lambda r: r.start or dt.date.min)) for actor in actors]
