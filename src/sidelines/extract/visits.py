"""Visits and their hosts: the state a visit goes to ("X's visit to Riyadh", "visited Japan") and
who received the visitor there."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sidelines.extract.candidates import MeetingCandidate
from sidelines.kb import KnowledgeBase
from sidelines.resolve import ResolvedMention
from sidelines.types import Participant


def visited_state(
    kb: KnowledgeBase, doc: Doc, trigger: Token, visitors: list[Participant]
) -> Participant | None:
    """The state visited in "X's visit to Riyadh" / "visited Japan" (not the visitors' own)."""
    target = None
    for child in trigger.children:
        if child.dep_ == "dobj":
            target = child
        elif child.dep_ == "prep" and child.lower_ == "to":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            target = objs[0] if objs else None
    if target is None:
        return None
    span = doc[target.left_edge.i : target.i + 1]
    text = re.sub(r"^the\s+", "", span.text, flags=re.IGNORECASE)
    country = kb.country_code(text)
    if country is None:
        known = kb.place(text)
        country = known.country if known else None
    if country is None or any(v.country == country for v in visitors):
        return None
    return Participant(name=kb.country_name(country), country=country, kind="state")


def visit_host(
    state: Participant, found: list[MeetingCandidate], resolved: list[ResolvedMention]
) -> Participant:
    """Who hosted a visit to ``state``: its party in the document's meetings, else its leader
    named in the document, else the state itself."""
    for cand in found:
        for party in cand.parties:
            if party.country == state.country and party.kind == "person":
                return party
    for item in resolved:
        named = item.party
        if named and named.kind == "person" and named.country == state.country and named.role:
            return named
    return state
