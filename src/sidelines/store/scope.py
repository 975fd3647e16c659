"""A meeting's scope: ``international`` when its principals belong to two or more countries or
one of them is an international organisation (or speaks for one), ``domestic`` otherwise.

The store computes it once, on write (and for databases written before it existed, in a
migration), from the principals' countries and knowledge-base ids; every view and export
filters on the stored value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Protocol

__all__ = ["ORGANISATION_CODES", "SCOPES", "Scope", "meeting_scope"]

Scope = Literal["international", "domestic"]
SCOPES: tuple[Scope, ...] = ("international", "domestic")

#: the pseudo-countries of international organisations' officers (PLOVER's UNO, EUR, IGO)
ORGANISATION_CODES = frozenset({"UNO", "EUR", "IGO"})


class _Principal(Protocol):
    @property
    def country(self) -> str | None: ...

    @property
    def actor_id(self) -> str | None: ...


def meeting_scope(principals: Iterable[_Principal]) -> Scope:
    """The scope of a meeting between ``principals`` (participants or stored participant rows).

    A principal the knowledge base knows (an ``actor_id``) but gives no country is an
    international organisation or one of its officers in office (the resolver drops the
    officer's nationality then); so is one of the organisations' pseudo-countries.

    >>> from sidelines.types import Participant
    >>> meeting_scope([Participant("A", country="RUS"), Participant("B", country="TUR")])
    'international'
    >>> meeting_scope([Participant("A", country="RUS"), Participant("B", country="RUS")])
    'domestic'
    >>> meeting_scope([Participant("António Guterres", actor_id="antonio-guterres"),
    ...                Participant("B", country="RUS")])
    'international'
    """
    countries: set[str] = set()
    for party in principals:
        if party.country in ORGANISATION_CODES or (party.actor_id and not party.country):
            return "international"
        if party.country:
            countries.add(party.country)
    return "international" if len(countries) >= 2 else "domestic"
