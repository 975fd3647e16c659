"""Resolve actor mentions to parties on the document's date, against the knowledge base.

A name resolves to the KB person of that name active on the date (spelling variants folded); a bare
title ("the Russian President", "the Vice President" on a White House page) to the holder of the
office on that date; "the Russian side" to the document's Russian party; a pronoun to the person
last mentioned before it. Unknown people keep the name as written and the country their title says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from sidelines.kb import KnowledgeBase, PublisherProfile, office_of_title
from sidelines.kb.model import Actor
from sidelines.names import name_key
from sidelines.nlp.mentions import ActorMention
from sidelines.types import Participant


@dataclass
class ResolvedMention:
    """A mention with the party it refers to (one party; groups are expanded by the extractors)."""

    mention: ActorMention
    party: Participant | None

    @property
    def key(self) -> str | None:
        """Identity of the party within a document (KB id, else folded name)."""
        return self.party.key if self.party else None


class ActorResolver:
    """Resolve the mentions of one document (holds the document's date and publisher)."""

    def __init__(
        self,
        kb: KnowledgeBase,
        day: dt.date | None,
        publisher: PublisherProfile | None = None,
    ) -> None:
        self.kb = kb
        self.day = day
        self.publisher = publisher
        self._by_name: dict[str, Participant] = {}

    def principal(self) -> Participant | None:
        """The publisher's principal on the document's date (Kremlin → the Russian President)."""
        profile = self.publisher
        if profile is None or not profile.principal_office or not profile.principal_country:
            return None
        title = {
            "head_of_state": "President",
            "head_of_government": "Prime Minister",
            "foreign_minister": "Foreign Minister",
        }.get(profile.principal_office, profile.principal_office)
        held = self.kb.holder(profile.principal_country, title, self.day)
        if held is None:
            return None
        return self.participant(held[0], held[1].title if held[1] else None)

    def participant(self, actor: Actor, title: str | None = None) -> Participant:
        """A :class:`Participant` for a KB actor, with role and country on the document's date."""
        role = self.kb.role_on(actor, self.day)
        held = role is not None and role.holds_on(self.day)
        country = actor.country
        if role and held and role.office == "leader":
            country = None  # an organisation's leader speaks for it, not for a country
        elif role and role.country in self.kb.countries and (held or country is None):
            country = role.country  # the office's country (a monarch's realm, a dual national)
        return Participant(
            name=actor.name,
            actor_id=actor.id,
            country=country,
            role=role.title if role else title,
            kind="organisation" if actor.kind == "organisation" else "person",
        )

    def resolve(self, mention: ActorMention, earlier: list[ResolvedMention]) -> Participant | None:
        """The party a single mention refers to (None for groups and unresolvable references)."""
        if mention.kind in {"name", "organisation"}:
            return self._resolve_name(mention)
        if mention.kind == "title":
            return self._resolve_title(mention, earlier)
        if mention.kind == "pronoun" and mention.text.lower() in {"he", "she"}:
            # the latest person named, preferring the subject of a recent clause: in "The Vice
            # President thanked President Sisi ... She emphasized", "she" continues the subject
            people = [
                prior
                for prior in reversed(earlier)
                if prior.party and prior.party.kind == "person" and prior.mention.kind != "pronoun"
            ][:4]
            chosen = next((p for p in people if p.mention.subject), people[0] if people else None)
            return chosen.party if chosen else None
        if mention.kind == "side" and mention.country_hint:
            for prior in reversed(earlier):
                if (
                    prior.party
                    and prior.party.country == mention.country_hint
                    and prior.party.kind == "person"
                ):
                    return prior.party
            return Participant(
                name=self.kb.country_name(mention.country_hint),
                actor_id=None,
                country=mention.country_hint,
                kind="state",
            )
        return None

    def resolve_ahead(self, resolved: list[ResolvedMention], window: int = 600) -> None:
        """A country named for its representative before the person is ("The top diplomats of
        South Korea and China held talks. ... Park Jin and his counterpart Wang Yi ...") is the
        person of that country named within the next ``window`` characters."""
        for i, item in enumerate(resolved):
            party = item.party
            if item.mention.kind != "side" or party is None or party.kind != "state":
                continue
            for later in resolved[i + 1 :]:
                if later.mention.start - item.mention.end > window:
                    break
                found = later.party
                if (
                    found is not None
                    and found.kind == "person"
                    and found.country == party.country
                    and later.mention.kind == "name"
                ):
                    item.party = found
                    break

    def _resolve_name(self, mention: ActorMention) -> Participant | None:
        name = mention.name or mention.text
        key = name_key(name)
        if key in self._by_name and not mention.actor_id:
            return self._by_name[key]
        actor: Actor | None = None
        if mention.actor_id:
            actor = self.kb.actors.get(mention.actor_id)
        else:
            candidates = self.kb.find_actors(name, self.day)
            words = name.split()
            if not candidates and len(words) == 2:
                # the family name first, as some lists write it ("Lavrov Sergei")
                candidates = self.kb.find_actors(f"{words[1]} {words[0]}", self.day)
            if mention.country_hint:
                same = [a for a in candidates if a.country == mention.country_hint]
                candidates = same or candidates
            if not candidates and len(name.split()) == 1:
                candidates = self.kb.find_by_short(name, self.day)
                if self.day is not None:
                    # a surname alone is someone in office about then: "Green" in a story of
                    # 2024 is no foreign minister of 1999
                    candidates = [a for a in candidates if a.roles_on(self.day)] or [
                        a for a in candidates if len(candidates) == 1 and a.was_active(self.day)
                    ]
                if mention.country_hint:
                    candidates = [
                        a for a in candidates if a.country == mention.country_hint
                    ] or candidates
                if len(candidates) > 1:
                    candidates = []
            if len(candidates) >= 1:
                actor = candidates[0]
        if actor is None and mention.title and mention.name:
            # an unknown spelling of the office holder: "Prime Minister Naftali Benet of Israel"
            held = self.kb.holder(mention.country_hint, mention.title, self.day)
            if held and _surname_close(held[0].name, mention.name):
                actor = held[0]
        if actor is not None:
            party = self.participant(actor, mention.title)
        else:
            country = mention.country_hint
            if (
                country is None
                and not mention.org_hint
                and self.publisher
                and self.publisher.principal_office
            ):
                # a person the KB does not know, named on a government's own site with nothing
                # saying otherwise, is one of its nationals (officials, legislators, guests)
                country = self.publisher.principal_country
            party = Participant(
                name=name,
                actor_id=None,
                country=country,
                role=mention.title,
                kind="person",
            )
        self._by_name.setdefault(key, party)
        return party

    def _counterpart(
        self, country: str, mention: ActorMention, earlier: list[ResolvedMention]
    ) -> Participant | None:
        for prior in reversed(earlier):
            party = prior.party
            if (
                party is None
                or party.kind != "person"
                or prior.mention.sent_start != mention.sent_start
            ):
                continue
            phrase = _office_phrase(party.role)
            held = self.kb.holder(country, phrase, self.day) if phrase else None
            if held:
                return self.participant(held[0], held[1].title if held[1] else None)
            # an office the knowledge base does not hold there ("her Japanese counterpart" of a
            # vice minister): the counterpart's country stands for them
            return Participant(
                name=self.kb.country_name(country), actor_id=None, country=country, kind="state"
            )
        return None

    @staticmethod
    def _named_before(title: str, earlier: list[ResolvedMention]) -> Participant | None:
        """A bare title ("the minister", "the President") refers to the last person named
        before it whose role has that word."""
        head = title.split()[-1].lower()
        for prior in reversed(earlier):
            party = prior.party
            if prior.mention.kind == "name" and party and head in (party.role or "").lower():
                return party
        return None

    def _resolve_title(
        self, mention: ActorMention, earlier: list[ResolvedMention]
    ) -> Participant | None:
        title = mention.title or mention.text
        country = mention.country_hint
        if mention.org_hint:
            held = self.kb.holder(None, title, self.day, organisation=mention.org_hint)
            if held:
                return self.participant(held[0], title)
            org = self.kb.actors.get(mention.org_hint)
            if org is not None and mention.name is None and mention.country_hint is None:
                return self.participant(org)  # no holder known then: the body stands for them
        found = office_of_title(title)
        if found is None and country and re.search(r"\bcounterparts?\b", title, re.I):
            # "his Qatari counterpart": the holder, in that country, of the office of the person
            # named last before it (the sentence's subject)
            return self._counterpart(country, mention, earlier)
        if found is None:
            return self._named_before(title, earlier) if country is None else None
        if country is None:
            # "the President" / "the Vice President": a person of that title named earlier, else
            # the publisher's country
            for prior in reversed(earlier):
                party = prior.party
                if party and party.role and _same_office(found, party.role):
                    return party
            if self.publisher and self.publisher.principal_country:
                country = self.publisher.principal_country
        if country is None:
            return None
        held = self.kb.holder(country, title, self.day)
        if held:
            return self.participant(held[0], title)
        for prior in reversed(earlier):
            party = prior.party
            if party and party.country == country and party.role and found[1] in party.role.lower():
                return party
        return None


def _same_office(found: tuple[str, str], role: str) -> bool:
    """Whether a role is the office a title names ("the foreign minister" and "External
    Affairs Minister" are one office; "the Vice President" is not the President)."""
    held = office_of_title(role)
    return found[1] in role.lower() or (held is not None and held[0] == found[0])


def _office_phrase(role: str | None) -> str | None:
    found = office_of_title(role or "")
    return found[1] if found else None


def _surname_close(a: str, b: str) -> bool:
    """Two spellings of one office holder's name: the surnames close, and the given names (when
    both are written out) not another person's ("Kofi Addo" is not "Nana Akufo-Addo")."""
    x, y = name_key(a).split(), name_key(b).split()
    if fuzz.ratio(x[-1], y[-1]) < 80 and not (x[-1].endswith(y[-1]) or y[-1].endswith(x[-1])):
        return False
    if len(x) > 1 and len(y) > 1 and len(x[0]) > 1 and len(y[0]) > 1:
        first, other = x[0], y[0]
        if first[0] != other[0] and fuzz.ratio(first, other) < 50:
            return False  # "Joe"/"Joseph", "Sergey"/"Sergei" are one person; "Kofi"/"Nana" not
    return True
