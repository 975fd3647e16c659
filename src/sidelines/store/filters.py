"""The filters of meetings and statements (:class:`MeetingFilter`, :class:`StatementFilter`,
defined in :mod:`sidelines.filters`), and what a filter value names.

Every view filters through these functions (the CLI's ``--actor``/``--with``/``--speaker``/
``--country``/``--occasion``/``--scope``, the API's query parameters, the dashboard's boxes and the
exports), so one value finds the same rows everywhere:

* an actor is named by its id or by any spelling that :func:`sidelines.evaluate.names.same_name`
  accepts for its name or one of its aliases (transliteration variants, the surname alone, a
  title before the name); never by a part of a word ("Abe" is not in "Elizabeth Bennett"). The
  candidates come from the indexed ``actor_keys`` table, so the lookup stays small however many
  meetings the corpus holds;
* a country by its ISO3 code (any case), its name or its demonym, as the knowledge base knows
  them ("rus", "Russia", "Russian Federation", "Russian"); an unknown value is an error that says
  what would be valid;
* an occasion by its words ("G20 summit" finds "G20 Bali Summit") or by the summit series the
  knowledge base knows ("Group of Twenty" finds them too);
* a scope is ``international`` or ``domestic``.
"""

from __future__ import annotations

import difflib
import re
import threading
import weakref
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from sidelines.errors import SidelinesError
from sidelines.evaluate.names import match_keys, names_match
from sidelines.filters import EXPORT_FILTERS, MeetingFilter, StatementFilter
from sidelines.kb import KnowledgeBase
from sidelines.names import fold
from sidelines.store.schema import (
    ActorKeyRow,
    ActorRow,
    OccasionCountRow,
    ParticipantRow,
)
from sidelines.store.scope import ORGANISATION_CODES, SCOPES, Scope

__all__ = [
    "EXPORT_FILTERS",
    "FilterError",
    "MeetingFilter",
    "StatementFilter",
    "actors_named",
    "counterpart_named",
    "country_named",
    "knowledge_base",
    "occasions_named",
    "scope_named",
    "store_kb",
    "stored_occasions",
]

#: words an occasion filter may add to a summit series' name and still name the whole series
SERIES_WORDS = frozenset(
    "summit summits meeting meetings conference forum leaders leader session sessions the of"
    " and annual".split()
)
_CODE = re.compile(r"[A-Za-z]{3}")
_KB_LOCK = threading.Lock()  # concurrent first requests wait for one load


class FilterError(SidelinesError):
    """A filter value that names nothing the store can filter by (an unknown country...)."""

    code = "E031"


def knowledge_base() -> KnowledgeBase:
    """The default knowledge base, loaded once however many threads ask for it first (its
    cache has no lock: two first requests would each load it)."""
    with _KB_LOCK:
        return KnowledgeBase.default()


def store_kb(holder: Any) -> KnowledgeBase:
    """The knowledge base the Store was handed, which it puts in each of its sessions' and
    connections' ``info`` (the default one for a session made elsewhere)."""
    kb = getattr(holder, "info", {}).get(KB_INFO)
    return kb if kb is not None else knowledge_base()


#: the key of a Store's knowledge base in ``Session.info`` and ``Connection.info``
KB_INFO = "sidelines.kb"


def _fold(text: str) -> str:
    return fold(text)


def actors_named(session: Session, name: str) -> list[str]:
    """The ids of the corpus actors ``name`` names (an actor id, or any spelling of one)."""
    needle = name.strip()
    if not needle:
        return []
    if session.get(ActorRow, needle) is not None:
        return [needle]
    keys = match_keys(needle)
    if not keys:
        return []
    candidates = session.execute(
        select(ActorRow.id, ActorRow.name, ActorRow.aliases)
        .where(ActorRow.id.in_(select(ActorKeyRow.actor_id).where(ActorKeyRow.key.in_(keys))))
        .order_by(ActorRow.id)
    ).all()
    return [i for i, first, aliases in candidates if names_match(needle, [first, *aliases])]


def _stored_code(session: Session, code: str) -> bool:
    """Whether some participant is of the country ``code`` (one index probe)."""
    return bool(session.scalar(select(exists().where(ParticipantRow.country == code))))


def _country_of(session: Session, value: str) -> str | None:
    """The ISO3 code ``value`` names, or None when it names no country."""
    text = value.strip()
    if _CODE.fullmatch(text):
        code = text.upper()
        if code in ORGANISATION_CODES or _stored_code(session, code):
            return code
        if code in store_kb(session).countries:
            return code
    kb = store_kb(session)
    return kb.country_code(text) or kb.demonym_country(text)


def country_named(session: Session, value: str) -> str:
    """The ISO3 code of the country ``value`` names: a code in any case, a name or a demonym.

    Raises:
        FilterError: ``[E031]`` when ``value`` names no country (with the closest names).
    """
    code = _country_of(session, value)
    if code is None:
        raise FilterError(f"unknown country {value!r}: {_suggest(session, value)}")
    return code


def _suggest(session: Session, value: str) -> str:
    kb = store_kb(session)
    words: dict[str, str] = {}
    for country in kb.countries.values():
        for word in [country.name, *country.names, *country.demonyms]:
            words.setdefault(_fold(word), word)
        words.setdefault(country.iso3.lower(), country.iso3)
    close = difflib.get_close_matches(_fold(value), list(words), n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(words[c]) for c in close) + "?"
    return "give an ISO 3166-1 alpha-3 code (RUS), a country name (Russia) or a demonym (Russian)"


def counterpart_named(session: Session, value: str) -> tuple[str | None, list[str]]:
    """What a ``--with`` value names: ``(country code, [])`` for a country (by code, name or
    demonym, as :func:`country_named`), else ``(None, actor ids)``.

    Raises:
        FilterError: ``[E031]`` when it names neither a country nor a corpus actor.
    """
    code = _country_of(session, value)
    if code is not None:
        return code, []
    actors = actors_named(session, value)
    if not actors:
        raise FilterError(
            f"no country and no actor of the database is named {value!r}: {_suggest(session, value)}"
        )
    return None, actors


def stored_occasions(session: Session) -> list[str]:
    """Every occasion some stored meeting has: the occasions kept with their counts, one row
    each, not a walk over every meeting."""
    return [occasion for occasion in session.scalars(select(OccasionCountRow.occasion)) if occasion]


#: the summit series (None: none) each phrase names, per knowledge base, for occasions and
#: filter values: finding it folds every alias of every series, milliseconds a phrase, and the
#: occasion filter asks it of every stored occasion on every request
_SERIES_OF: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, Any]] = weakref.WeakKeyDictionary()
#: the phrases remembered per knowledge base
_SERIES_KEPT = 10_000


def _summit(kb: KnowledgeBase, phrase: str) -> Any:
    """``kb.summit(phrase, None)``, remembered."""
    known = _SERIES_OF.setdefault(kb, {})
    if phrase not in known:
        if len(known) >= _SERIES_KEPT:
            known.clear()
        known[phrase] = kb.summit(phrase, None)
    return known[phrase]


def occasions_named(session: Session, value: str, stored: list[str] | None = None) -> list[str]:
    """The stored occasions ``value`` names: those holding each of its words, and, when it
    names a summit series ("G20 summit", "Group of Twenty"), every occasion of that series
    (among ``stored``, when the caller has read :func:`stored_occasions` already)."""
    words = set(_fold(value).split())
    if not words:
        return []
    stored = stored_occasions(session) if stored is None else stored
    kb = store_kb(session)
    series = _summit(kb, value)
    if series is not None:
        named = {
            word
            for alias in [series[0].name, *series[0].aliases]
            if f" {_fold(alias)} " in f" {_fold(value)} "
            for word in _fold(alias).split()
        }
        if not words - named <= SERIES_WORDS:
            series = None  # "G20 finance ministers" is a part of the series, not all of it
    found = []
    for occasion in stored:
        if words <= set(_fold(occasion).split()):
            found.append(occasion)
        elif series is not None:
            theirs = _summit(kb, occasion)
            if theirs is not None and theirs[0].id == series[0].id:
                found.append(occasion)
    return found


def scope_named(value: str) -> Scope:
    """``international`` or ``domestic`` (any case).

    Raises:
        FilterError: ``[E031]`` for any other value.
    """
    low = value.strip().lower()
    for scope in SCOPES:
        if low == scope:
            return scope
    raise FilterError(f"unknown scope {value!r}: choose {' or '.join(SCOPES)}")
