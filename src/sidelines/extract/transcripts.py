"""Meetings referred to in transcripts: an earlier (or planned) encounter a speaker mentions ("we met
in Osaka", "our last meeting took place during the World Cup", "you came to India last year").
The words are ``meeting_rules.yaml``'s ``transcripts`` section."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from sidelines.extract.candidates import MeetingCandidate, unique_parties
from sidelines.extract.mode import meeting_mode
from sidelines.extract.occasions import sentence_occasion
from sidelines.extract.sides import assign_sides
from sidelines.extract.tense import is_past, is_planned, meeting_date
from sidelines.extract.triggers import is_visit, phrase_span
from sidelines.extract.turns import Turn
from sidelines.extract.visits import visited_state
from sidelines.kb import KnowledgeBase
from sidelines.kb.lexicon import MeetingRules
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import resolve_place
from sidelines.types import Evidence, MeetingMode, MeetingStatus


def spoken_reference(
    kb: KnowledgeBase,
    doc: Doc,
    sent: Span,
    trigger: Token,
    turn: Turn,
    found: list[MeetingCandidate],
    day: dt.date | None,
) -> MeetingCandidate | None:
    """The encounter a speaker's trigger refers to, if it is one the speaker took part in.

    "we"/"our" are the speaker and the people the speaker is talking to (the other side of the
    document's meeting the speaker takes part in); "you"/"your" the latter, "I"/"my" the former.
    The meeting being transcribed ("I am glad to meet you", "we had constructive talks") is not
    a new one: a held encounter needs a sign that it is another one (see ``_another_encounter``).
    """
    rules = kb.lexicon.meetings
    words = rules.transcripts
    pronoun = _pronoun_party(trigger, rules)
    if pronoun is None:
        return None
    current = _current_meeting(turn, found)
    if current is None:
        return None
    speaker_side = current.sides.get(turn.speaker.key)
    addressees = [p for p in current.parties if current.sides.get(p.key) != speaker_side]
    speaker = [turn.speaker]
    status: MeetingStatus = "planned" if is_planned(trigger, sent, rules) else "held"
    visit_state = None
    if pronoun in words.both_pronouns:
        side_a, side_b = speaker, addressees
    else:
        visitors = addressees if pronoun in words.listener_pronouns else speaker
        hosts = speaker if visitors is addressees else addressees
        if not is_visit(trigger, rules):
            return None
        visit_state = visited_state(kb, doc, trigger, visitors)
        if visit_state is None:
            return None
        side_a = visitors
        side_b = [h for h in hosts if h.country == visit_state.country] or [visit_state]
    parties = unique_parties(side_a + side_b)
    sides = assign_sides(side_a, side_b)
    if len(parties) < 2 or len(set(sides.values())) < 2:
        return None
    phrase = phrase_span(doc, sent, trigger)
    mode = meeting_mode(trigger, phrase, sent, rules)
    place = resolve_place(kb, doc_text(doc), doc._.sl_places or [], trigger.idx, sent.end_char)
    country = place.country or (visit_state.country if visit_state is not None else None)
    date = meeting_date(doc, sent, trigger, day, False, rules)
    if status == "held" and not (
        is_past(trigger, rules)
        and _another_encounter(trigger, current, mode, place.place, country, date, rules)
    ):
        return None
    occasion, occ_city, occ_country = sentence_occasion(kb, doc, sent, None)
    return MeetingCandidate(
        parties=parties,
        accompanying=[],
        status=status,
        mode=mode,
        date=date,
        place=place.place or (occ_city if occasion else None),
        country=country or (occ_country if occasion else None),
        occasion=occasion,
        evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
        main=False,
        weak_mode=mode == "in_person"
        and not is_visit(trigger, rules)
        and trigger.lemma_.lower() not in rules.mode.meeting_lemmas
        and trigger.lower_ not in rules.mode.meeting_words,
        verb_trigger=trigger.pos_ not in {"NOUN", "PROPN"},
        past_reference=status == "held",
        sides=sides,
    )


def _pronoun_party(trigger: Token, rules: MeetingRules) -> str | None:
    """The first- or second-person pronoun that is a trigger's subject or possessor, if any."""
    deps = {"nsubj", "nsubjpass", "poss"}
    for child in trigger.children:
        if child.dep_ in deps and child.lower_ in rules.transcripts.pronouns:
            return child.lower_
    return None


def _current_meeting(turn: Turn, found: list[MeetingCandidate]) -> MeetingCandidate | None:
    """The meeting a transcript's speaker is taking part in: the first one reported so far that
    has the speaker as a party."""
    key = turn.speaker.key
    for cand in found:
        if cand.status == "held" and not cand.past_reference and key in cand.party_keys():
            return cand
    return None


def _another_encounter(
    trigger: Token,
    current: MeetingCandidate,
    mode: MeetingMode,
    place: str | None,
    country: str | None,
    date: dt.date | None,
    rules: MeetingRules,
) -> bool:
    """Whether a speaker's "we met"/"our meeting" is another encounter than the one transcribed:
    it is marked as earlier ("last", "previous", "ago"), repeated ("several times"), held another
    way (a phone call mentioned at a meeting), elsewhere, or on another date."""
    words = rules.transcripts
    clause = (
        " ".join(t.lower_ for t in trigger.subtree)
        + " "
        + " ".join(
            t.lower_ for t in trigger.head.children if t.dep_ in {"advmod", "npadvmod", "prep"}
        )
    )
    said = set(clause.split()) | {t.lower_ for t in trigger.sent if t.dep_ == "npadvmod"}
    if said & words.earlier_words or words.repeated_pattern.search(clause):
        return True
    if mode != current.mode:
        return True
    if country is not None and current.country is not None and country != current.country:
        return True
    if (
        place
        and current.place
        and place.lower() not in current.place.lower()
        and (current.place.lower() not in place.lower())
    ):
        return True
    return date is not None and current.date is not None and date != current.date
