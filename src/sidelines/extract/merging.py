"""One meeting per encounter: several encounters reported in one phrase are split, repeated
reports of one encounter are merged, and meetings a story reports beside its first one share
that one's day, place and occasion."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from sidelines.extract.candidates import MeetingCandidate
from sidelines.kb.lexicon import MeetingRules


def separate_meetings(
    cand: MeetingCandidate, trigger: Token, sent: Span, rules: MeetingRules
) -> list[MeetingCandidate]:
    """One meeting per listed party when the text reports several encounters: "held bilateral
    meetings with A, B and C", "held separate talks with A and B", "met A, B, C and D" (three or
    more parties of different countries, nothing saying they met together), "meets A, B, C" (a
    comma list with no "and", as headlines write several meetings)."""
    host = cand.sides.get(cand.parties[0].key)
    others = [p for p in cand.parties if cand.sides.get(p.key) != host]
    hosts = [p for p in cand.parties if cand.sides.get(p.key) == host]
    words = rules.groups
    if len(others) < 2 or cand.together or words.together_pattern.search(sent.text):
        return [cand]
    said = {t.lower_ for t in trigger.subtree} | {t.lower_ for t in trigger.children}
    plural = (trigger.pos_ in {"NOUN", "PROPN"} and trigger.lower_ in words.plural_triggers) or any(
        c.dep_ == "dobj" and c.lower_ in words.plural_triggers for c in trigger.children
    )  # "held bilateral meetings with A and B"
    known = [p.country for p in others if p.country]
    distinct = len(set(known)) == len(known)
    # "met A, B, C and D"; a headline's "meets A, B, C" (a comma list with no "and")
    listed = (
        trigger.pos_ == "VERB"
        and distinct
        and (
            len(others) >= 3
            or (
                "," in said
                and not said & {"and", "&"}
                and all(p.kind == "person" and p.country for p in others)
            )
        )
    )
    if not (plural or said & words.separate_words or listed):
        return [cand]
    out = []
    for other in others:
        keys = {p.key for p in [*hosts, other]}
        out.append(
            dataclasses.replace(
                cand,
                parties=[*hosts, other],
                sides={k: v for k, v in cand.sides.items() if k in keys},
                evidence=list(cand.evidence),
                accompanying=list(cand.accompanying),
            )
        )
    return out


def inherit_report_date(found: list[MeetingCandidate]) -> None:
    """A held meeting reported like the document's main one ("X also met separately with Y") but
    undated happened on the day the text already fixed for the main one ("met today"); held in
    person that day with no place said, it was held where the main one was."""
    first: MeetingCandidate | None = None
    for cand in found:
        if cand.status != "held" or not cand.main or cand.past_reference:
            continue
        if first is None:
            if cand.date is not None:
                first = cand
            continue
        if cand.date is None and cand.verb_trigger and not cand.other_time:
            cand.date = first.date
        if (
            cand.date == first.date
            and cand.verb_trigger
            and cand.mode == first.mode == "in_person"
            and cand.place is None
            and cand.country is None
        ):
            cand.place, cand.country = first.place, first.country


def share_setting(candidates: list[MeetingCandidate]) -> None:
    """Meetings a story reports beside its first one ("Prior to meeting with X, he held bilateral
    meetings with ...", "the Quad ministers' meeting which included ...") on the first one's day,
    that the text does not place, were held where the first was, on the same occasion."""
    first = next(
        (
            c
            for c in candidates
            if c.status == "held"
            and c.main
            and not c.past_reference
            and c.mode == "in_person"
            and c.date is not None
            and (c.place or c.country or c.occasion)
        ),
        None,
    )
    if first is None:
        return
    for cand in candidates:
        if (
            cand is first
            or cand.status != "held"
            or cand.past_reference
            or cand.mode != "in_person"
            or cand.place is not None
            or cand.country is not None
            or cand.date != first.date
        ):
            continue
        cand.place, cand.country = first.place, first.country
        cand.occasion = cand.occasion or first.occasion


def merge_candidates(candidates: list[MeetingCandidate]) -> list[MeetingCandidate]:
    """Merge repeated reports of one meeting in a document (same parties, status and mode).

    Dated reports merge when their dates agree; an undated report joins a dated one unless it says
    it is an earlier meeting ("last year", "previous meeting"); undated reports merge together.
    """
    merged: list[MeetingCandidate] = []
    for cand in candidates:
        target = None
        for prev in merged:
            if prev.status != cand.status:
                continue
            if prev.mode != cand.mode and not (prev.weak_mode or cand.weak_mode):
                continue
            if not (
                prev.party_keys() <= cand.party_keys() or cand.party_keys() <= prev.party_keys()
            ):
                continue
            if prev.date and cand.date and prev.date != cand.date and not _defaulted(prev, cand):
                continue
            if (prev.other_time and cand.date) or (cand.other_time and prev.date):
                continue  # "visited Ghana in November" is not Monday's meeting
            if prev.country and cand.country and prev.country != cand.country:
                continue  # "our last meeting in Sochi" is not "your visit to India"
            if prev.past_reference != cand.past_reference and (prev.date is None) != (
                cand.date is None
            ):
                continue  # an undated earlier meeting is not the dated one the text reports
            target = prev
            break
        if target is None:
            merged.append(cand)
            continue
        _absorb(target, cand)
    return merged


def _defaulted(a: MeetingCandidate, b: MeetingCandidate) -> bool:
    """One report is dated only by default (a headline's "holds talks" on the page's day), the
    other by a written day up to three days before: one meeting, of the written day."""
    if a.date is None or b.date is None or a.date_by_default == b.date_by_default:
        return False
    default, written = (a, b) if a.date_by_default else (b, a)
    assert default.date is not None and written.date is not None
    return (default.main or written.main) and 0 < (default.date - written.date).days <= 3


def _absorb(target: MeetingCandidate, other: MeetingCandidate) -> None:
    keys = {p.key for p in target.parties}
    for party in other.parties:
        if party.key not in keys:
            target.parties.append(party)
            target.sides[party.key] = other.sides.get(party.key, party.country or "b")
    if target.mode != other.mode and target.weak_mode and not other.weak_mode:
        target.mode, target.weak_mode = other.mode, False
    if target.date_by_default and other.date is not None and not other.date_by_default:
        target.date, target.date_by_default = other.date, False  # the written day wins
    for attr in ("date", "place", "country", "occasion"):
        if getattr(target, attr) is None and getattr(other, attr) is not None:
            setattr(target, attr, getattr(other, attr))
    target.main = target.main or other.main
    target.past_reference = target.past_reference and other.past_reference
    target.other_time = target.other_time and other.other_time
    for ev in other.evidence:
        if ev not in target.evidence:
            target.evidence.append(ev)
    comp = {p.key for p in target.accompanying}
    target.accompanying.extend(p for p in other.accompanying if p.key not in comp)
