"""What the NLP components find in a text: mentions of actors, dates and places, with offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MentionKind = Literal["name", "title", "side", "group", "pronoun", "organisation"]


@dataclass
class ActorMention:
    """A reference to a party: a name, a bare title, a side ("the Russian side") or a pronoun.

    ``start``/``end`` are character offsets of the whole mention (title included); ``name`` is the
    personal name part when there is one; ``title`` the title words around it; ``country_hint`` the
    ISO3 code the title or a nationality word implies ("Russian Foreign Minister" → RUS);
    ``org_hint`` the organisation id a title names ("Secretary General of NATO").
    """

    start: int
    end: int
    text: str
    kind: MentionKind
    name: str | None = None
    name_start: int | None = None
    title: str | None = None
    country_hint: str | None = None
    org_hint: str | None = None
    actor_id: str | None = None  # set when the mention matched a KB name exactly
    head_token: int = -1  # index of the syntactic head token in the spaCy doc
    token_start: int = -1
    token_end: int = -1
    sent_start: int = -1  # token index where the mention's sentence starts
    subject: bool = False  # the mention is the subject of a main clause


@dataclass
class DateMention:
    """A date expression as written ("On November 15", "today", "last October")."""

    start: int
    end: int
    text: str
    token_start: int
    token_end: int


@dataclass
class PlaceMention:
    """A place named in the text, with its country when known."""

    start: int
    end: int
    text: str
    country: str | None
    token_start: int
    token_end: int
    is_country: bool = False
