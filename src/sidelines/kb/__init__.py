"""The knowledge base: actors with dated roles, countries, places, summits, topics, publishers.

``KnowledgeBase.default()`` loads the bundled seed once (compiled, see :mod:`sidelines.kb.compiled`);
every lookup is an in-memory dict access.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from sidelines.data import data_dir
from sidelines.kb import compiled
from sidelines.kb.lexicon import Lexicon
from sidelines.kb.loader import (
    load_actors,
    load_countries,
    load_lexicon,
    load_places,
    load_publishers,
    load_summits,
    load_topics,
)
from sidelines.kb.model import (
    Actor,
    Country,
    Place,
    PublisherProfile,
    Role,
    SummitInstance,
    SummitSeries,
    Topic,
)
from sidelines.kb.userdata import user_dir
from sidelines.names import fold, name_key, phonetic_key

__all__ = [
    "Actor",
    "Country",
    "KnowledgeBase",
    "Place",
    "PublisherProfile",
    "Role",
    "SummitInstance",
    "SummitSeries",
    "Topic",
    "office_of_title",
]

# Title words → office; the longest phrase found in a title wins.
_TITLE_OFFICES: list[tuple[str, str]] = [
    ("vice president", "other"),
    ("vice-president", "other"),
    ("deputy prime minister", "other"),
    ("first deputy", "other"),
    ("crown prince", "other"),
    ("national security advisor", "other"),
    ("national security adviser", "other"),
    ("secretary of defense", "other"),
    ("minister of foreign affairs", "foreign_minister"),
    ("minister for foreign affairs", "foreign_minister"),
    ("minister for europe and foreign affairs", "foreign_minister"),
    ("foreign minister", "foreign_minister"),
    ("foreign secretary", "foreign_minister"),
    ("external affairs minister", "foreign_minister"),
    ("minister of external affairs", "foreign_minister"),
    ("secretary of state", "foreign_minister"),
    ("foreign affairs minister", "foreign_minister"),
    ("top diplomat", "foreign_minister"),
    ("prime minister", "head_of_government"),
    ("premier", "head_of_government"),
    ("chancellor", "head_of_government"),
    ("chairman of the government", "head_of_government"),
    ("head of government", "head_of_government"),
    ("supreme leader", "head_of_state"),
    ("head of state", "head_of_state"),
    ("president", "head_of_state"),
    ("king", "head_of_state"),
    ("queen", "head_of_state"),
    ("emir", "head_of_state"),
    ("amir", "head_of_state"),
    ("sultan", "head_of_state"),
    ("monarch", "head_of_state"),
    ("leader", "head_of_state"),
    ("secretary-general", "leader"),
    ("secretary general", "leader"),
    ("director-general", "leader"),
    ("director general", "leader"),
    ("managing director", "leader"),
    ("high representative", "leader"),
    ("chairperson", "leader"),
]

#: words before an office's title that name someone who is not its holder
_BELOW_HOLDER = frozenset(
    "deputy vice assistant under junior former ex incoming parliamentary".split()
)


def office_of_title(title: str) -> tuple[str, str] | None:
    """Map a title to ``(office, matched phrase)``: "Federal Chancellor" → head_of_government."""
    low = fold(title)
    best: tuple[str, str] | None = None
    at = 0
    for phrase, office in _TITLE_OFFICES:
        found = re.search(rf"\b{re.escape(phrase)}\b", low)
        if found and (best is None or len(phrase) > len(best[1])):
            best, at = (office, phrase), found.start()
    if best is not None:
        # "Deputy Secretary of State", "vice foreign minister", "former prime minister": a rank
        # below the office's holder, or someone who no longer holds it
        before = list(re.finditer(r"[a-z]+", low[:at]))[-2:]
        ranks = [w.start() for w in before if w.group() in _BELOW_HOLDER]
        if ranks:
            return "other", low[ranks[0] : at] + best[1]
    return best


class KnowledgeBase:
    """Indexes over the seed data (and any user data directories merged into it)."""

    def __init__(self, directories: list[Path] | None = None) -> None:
        dirs: list[Path | None] = list(directories) if directories else [None]
        self.actors: dict[str, Actor] = {}
        self.countries: dict[str, Country] = {}
        places: list[Place] = []
        self.summits: list[SummitSeries] = []
        self.topics: list[Topic] = []
        self.publishers: list[PublisherProfile] = []
        #: the words and patterns the extractors read (from the first folder, the seed)
        self.lexicon: Lexicon = load_lexicon(dirs[0])
        for directory in dirs:
            for actor in load_actors(directory):
                known = self.actors.get(actor.id)
                if known is None:
                    self.actors[actor.id] = actor
                    continue
                # one person in two files (a former prime minister who leads an organisation)
                known.roles.extend(r for r in actor.roles if r not in known.roles)
                known.aliases.extend(a for a in actor.aliases if a not in known.aliases)
                known.short.extend(a for a in actor.short if a not in known.short)
            for country in load_countries(directory):
                self.countries.setdefault(country.iso3, country)
            places.extend(load_places(directory))
            self.summits.extend(load_summits(directory))
            self.topics.extend(load_topics(directory))
            self.publishers.extend(load_publishers(directory))
        self._by_name: dict[str, list[str]] = defaultdict(list)
        self._by_phonetic: dict[str, list[str]] = defaultdict(list)
        self._by_short: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            for name in [actor.name, *actor.aliases]:
                self._add(self._by_name, name_key(name), actor.id)
                self._add(self._by_phonetic, phonetic_key(name), actor.id)
            for short in actor.short:
                self._add(self._by_short, name_key(short), actor.id)
            if actor.kind == "person":
                # the family name alone ("Lavrov"; "Wang" for family-name-first names is in short)
                tokens = name_key(actor.name).split()
                if len(tokens) >= 2:
                    self._add(self._by_short, tokens[-1], actor.id)
        #: every (actor, role), and by the role's country: what ``holder`` searches
        self._roles: list[tuple[Actor, Role]] = []
        self._roles_by_country: dict[str, list[tuple[Actor, Role]]] = defaultdict(list)
        for actor in self.actors.values():
            for role in actor.roles:
                self._roles.append((actor, role))
                if role.country:
                    self._roles_by_country[role.country].append((actor, role))
        self._country_words: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        for country in self.countries.values():
            for word in [country.name, *country.names, *country.metonyms]:
                self._country_words.setdefault(fold(word), country.iso3)
            for word in country.demonyms:
                self._demonyms.setdefault(fold(word), country.iso3)
        self._places: dict[str, Place] = {}
        for place in places:
            self._places.setdefault(fold(place.name), place)
        for country in self.countries.values():
            for capital in country.capitals:
                self._places.setdefault(fold(capital), Place(capital, country.iso3, "city"))

    @property
    def cues(self) -> dict[str, Any]:
        """The tables of ``cues.yaml`` as written (statement cues, name words, venue words)."""
        return self.lexicon.cues

    @staticmethod
    def _add(index: dict[str, list[str]], key: str, actor_id: str) -> None:
        if key and actor_id not in index[key]:
            index[key].append(actor_id)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> KnowledgeBase:
        """The bundled seed and the user's own files (``sidelines kb add``), loaded once per
        process from the compiled cache (:mod:`sidelines.kb.compiled`), built when a file changed."""
        return compiled.load_or_build(cls.default_directories(), cls, cls)

    @classmethod
    def refresh(cls) -> KnowledgeBase:
        """Forget the loaded default and compile it again: after the user's files changed."""
        cls.default.cache_clear()
        return cls.default()

    @staticmethod
    def default_directories() -> list[Path]:
        """The folders :meth:`default` merges: the seed, then the user's folder when it has people."""
        mine = user_dir()
        return [data_dir(), mine] if (mine / "people").is_dir() else [data_dir()]

    # --- actors -------------------------------------------------------------------------------
    def names(self) -> list[tuple[str, str]]:
        """Every (name or alias, actor id) pair: for building phrase matchers."""
        return [(n, a.id) for a in self.actors.values() for n in [a.name, *a.aliases]]

    def find_actors(self, name: str, day: dt.date | None = None) -> list[Actor]:
        """Actors whose full name or alias is ``name`` (spelling variants folded), active near ``day``."""
        ids = self._by_name.get(name_key(name)) or self._by_phonetic.get(phonetic_key(name)) or []
        return self._prefer_active([self.actors[i] for i in ids], day)

    def find_by_short(self, short: str, day: dt.date | None = None) -> list[Actor]:
        """Actors known by a surname or short form (``"Lavrov"``, ``"MBS"``), active near ``day``."""
        ids = self._by_short.get(name_key(short), [])
        return self._prefer_active([self.actors[i] for i in ids], day)

    @staticmethod
    def _prefer_active(actors: list[Actor], day: dt.date | None) -> list[Actor]:
        if len(actors) <= 1 or day is None:
            return actors
        holding = [a for a in actors if a.roles_on(day)]
        if holding:
            return holding
        near = [a for a in actors if a.was_active(day)]
        return near or actors

    def holder(
        self, country: str | None, title: str, day: dt.date | None, organisation: str | None = None
    ) -> tuple[Actor, Role] | None:
        """The person who held the office named by ``title`` in ``country`` (or at the head of
        ``organisation``, an actor id) on ``day``."""
        if day is None:
            return None
        found = office_of_title(title)
        if not found:
            return None
        office, phrase = found
        org = self.actors.get(organisation) if organisation else None
        best: tuple[Actor, Role] | None = None
        for actor, role in self._roles_by_country.get(country, []) if country else self._roles:
            if not role.holds_on(day):
                continue
            role_title = fold(role.title)
            if org is not None and fold(org.name) not in role_title:
                continue
            if office in {"other", "leader"}:
                if phrase not in role_title:
                    continue
            elif role.office != office and phrase not in role_title:
                continue
            exact = phrase in role_title
            if best is None or (exact and phrase not in fold(best[1].title)):
                best = (actor, role)
        return best

    def role_on(self, actor: Actor, day: dt.date | None) -> Role | None:
        """The most senior role ``actor`` held on ``day`` (or the latest when none then)."""
        roles = actor.roles_on(day)
        if roles:
            return roles[0]
        return max(actor.roles, key=lambda r: r.start or dt.date.min) if actor.roles else None

    # --- countries and places -----------------------------------------------------------------
    def country_code(self, word: str) -> str | None:
        """ISO3 for a country name, short name, demonym or government metonym (``"Kremlin"``)."""
        key = fold(word)
        key = re.sub(r"^the ", "", key)
        return self._country_words.get(key) or self._demonyms.get(key)

    def organisation_of_title(self, title: str) -> str | None:
        """The id of the organisation a title names ("Secretary General of NATO", "NATO
        Secretary General", "Director-General of the World Health Organization (WHO)")."""
        for candidate in re.findall(
            r"\(([A-Z]{2,})\)|\b([A-Z]{2,})\b|((?:[A-Z][\w\-]+\s?)+)", title
        ):
            for part in candidate:
                if not part:
                    continue
                for actor in self.find_actors(part.strip()):
                    if actor.kind == "organisation":
                        return actor.id
        return None

    def country_of_title(self, title: str) -> str | None:
        """The country a title names: "Prime Minister of Japan", "Russian Foreign Minister",
        "Japan's foreign minister" (capitalised country words, "of X" first)."""
        match = re.search(r"\bof (?:the )?((?:[A-Z][\w.'’\-]*\s?)+)", title)
        if match:
            code = self.country_code(match.group(1).strip())
            if code:
                return code
        # "Ambassador to Kenya", "envoy to the UN": where the office is held, not whose it is
        posted = re.sub(r"\bto\s+(?:the\s+)?(?:[A-Z][\w.'’\-]*\s?)+", " ", title)
        words = re.findall(r"[A-Z][\w.\-]*", re.sub(r"['’]s\b", "", posted))
        for i, word in enumerate(words):
            # two-word names first ("South African", "New Zealand"), then the word alone
            for phrase in ([f"{word} {words[i + 1]}"] if i + 1 < len(words) else []) + [word]:
                code = self.demonym_country(phrase) or self.country_code(phrase)
                if code:
                    return code
        return None

    def demonym_country(self, word: str) -> str | None:
        """ISO3 for an adjective/demonym only (``"Russian"`` → RUS)."""
        return self._demonyms.get(fold(word))

    def country_name(self, iso3: str) -> str:
        """The short English name of a country code."""
        country = self.countries.get(iso3)
        return country.name if country else iso3

    def place(self, name: str) -> Place | None:
        """A known place (venue, city, capital) by name."""
        return self._places.get(re.sub(r"^the ", "", fold(name)))

    def places(self) -> list[Place]:
        """Every known place (venues, cities, capitals)."""
        return list(self._places.values())

    # --- summits, topics, publishers ----------------------------------------------------------
    def summit(
        self, phrase: str, day: dt.date | None
    ) -> tuple[SummitSeries, SummitInstance | None] | None:
        """The summit series named in ``phrase`` and its instance at ``day`` if known."""
        low = f" {fold(phrase)} "
        best: SummitSeries | None = None
        best_len = 0
        for series in self.summits:
            for alias in [series.name, *series.aliases]:
                key = fold(alias)
                if key and f" {key} " in low and len(key) > best_len:
                    best, best_len = series, len(key)
        if best is None:
            return None
        return best, best.instance_on(day)

    def publisher(self, publisher: str | None, url: str | None) -> PublisherProfile | None:
        """The profile of a publisher by site name or URL domain."""
        low = fold(publisher or "")
        host = re.sub(r"^https?://", "", (url or "").lower()).split("/")[0]
        for profile in self.publishers:
            if host and any(host == d or host.endswith("." + d) for d in profile.domains):
                return profile
            names = [profile.name, *profile.site_names]
            if low and any(fold(n) == low for n in names):
                return profile
        return None
