"""Participant lists: "Participants in today's meeting included:" and one name per bulleted line.

Readouts of convenings and roundtables often name the other side only in such a list, after the
sentence that reports the meeting ("Jennifer Klein and Tom Perez convened legislative leaders ...").
A list headed by the host's own people ("Administration participants included:") names companions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from sidelines.extract.candidates import MeetingCandidate, unique_parties
from sidelines.extract.tense import meeting_date
from sidelines.kb.lexicon import MeetingRules
from sidelines.kb.model import PublisherProfile
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import ResolvedMention
from sidelines.structure.sections import in_spans
from sidelines.types import Evidence, Participant

_ITEM = re.compile(r"[ \t]*(?:[-*•·▪]|\d{1,2}[.)])[ \t]+(?P<item>\S[^\n]*)")


@dataclass
class Roster:
    """A participant list: where its header is, whose side it names, and the people it names."""

    start: int
    end: int
    host_side: bool
    members: list[Participant]

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.start, self.end, "")


def find_rosters(
    text: str,
    resolved: list[ResolvedMention],
    fact_spans: list[tuple[int, int]],
    rules: MeetingRules,
    publisher: PublisherProfile | None = None,
) -> list[Roster]:
    """The participant lists in the fact-bearing parts of ``text`` with the people they name.

    A list whose header has an own-side word (``meeting_rules.yaml``'s, or the publisher's own in
    ``publishers.yaml``: "Administration participants included:") names the host's people."""
    own_side = _own_side_pattern(
        rules.groups.own_side_words + (publisher.own_side_words if publisher else ())
    )
    rosters: list[Roster] = []
    for header in rules.groups.roster_header_pattern.finditer(text):
        if not in_spans(fact_spans, header.start()):
            continue
        items = _items(text, header.end())
        if not items:
            continue
        members: dict[str, Participant] = {}
        for start, end in items:
            person = next(
                (
                    r.party
                    for r in resolved
                    if r.party is not None
                    and r.party.kind == "person"
                    and start <= r.mention.start < end
                    and r.mention.kind == "name"
                ),
                None,
            )
            if person is not None:
                members.setdefault(person.key, person)
        if members:
            rosters.append(
                Roster(
                    start=header.start("head"),
                    end=items[-1][1],
                    host_side=bool(own_side.search(header.group("head"))),
                    members=list(members.values()),
                )
            )
    return rosters


def _items(text: str, offset: int) -> list[tuple[int, int]]:
    """The bulleted lines after ``offset`` (blank lines between them allowed)."""
    items: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]*(?:\n|$)", text[offset:]):
        body = line.group().rstrip("\n")
        if not body.strip():
            if line.group() == "":
                break
            continue
        match = _ITEM.match(body)
        if match is None:
            break
        start = offset + line.start() + match.start("item")
        items.append((start, offset + line.start() + len(body)))
    return items


@lru_cache(maxsize=64)
def _own_side_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


def attach_roster(
    doc: Doc,
    roster: Roster,
    found: list[MeetingCandidate],
    by_token: dict[int, ResolvedMention],
    fact_spans: list[tuple[int, int]],
    day: dt.date | None,
    rules: MeetingRules,
    page_dated: bool,
) -> None:
    """Add the people of a participant list to the meeting reported before it: companions of
    the host when the list is the host's own people, else the other side. With no meeting
    found yet, the list's meeting is the one its host convened ("X convened leaders ...")."""
    before = [
        c
        for c in found
        if c.status == "held"
        and c.main
        and not c.past_reference
        and c.evidence[0].start < roster.start
    ]
    target = (
        before[-1]
        if before
        else _convened(doc, roster, by_token, fact_spans, day, rules, page_dated)
    )
    if target is None:
        return
    if target not in found:
        found.append(target)
    keys = target.party_keys()
    host_label = target.sides.get(target.parties[0].key, "a")
    other = next((v for v in target.sides.values() if v != host_label), "participants")
    for member in roster.members:
        key = member.key
        if key in keys:
            continue
        if roster.host_side:
            if key not in {p.key for p in target.accompanying}:
                target.accompanying.append(member)
            continue
        target.parties.append(member)
        target.sides[key] = other
    ev = Evidence(roster.start, roster.end, doc_text(doc)[roster.start : roster.end])
    if ev not in target.evidence:
        target.evidence.append(ev)


def _convened(
    doc: Doc,
    roster: Roster,
    by_token: dict[int, ResolvedMention],
    fact_spans: list[tuple[int, int]],
    day: dt.date | None,
    rules: MeetingRules,
    page_dated: bool,
) -> MeetingCandidate | None:
    """The meeting a non-host participant list belongs to when no meeting with named parties
    was reported: its hosts are the named subjects of the first "convened"/"hosted"/"met"
    sentence before the list."""
    if roster.host_side:
        return None
    for sent in doc.sents:
        if sent.start_char >= roster.start:
            break
        if not in_spans(fact_spans, sent.start_char):
            continue
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.groups.convene_verbs:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            named = [by_token[t.i] for t in subject.subtree if t.i in by_token]
            hosts = unique_parties(
                [
                    r.party
                    for r in named
                    if r.party is not None and r.mention.kind in {"name", "title"}
                ]
            )
            if not hosts:
                continue
            label = hosts[0].country or "hosts"
            return MeetingCandidate.main_report(
                sent,
                hosts,
                {h.key: label for h in hosts},
                mode="in_person",
                date=meeting_date(doc, sent, verb, day, page_dated, rules),
                weak_mode=False,
                verb_trigger=True,
            )
    return None
