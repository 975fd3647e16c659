"""How a meeting was held: in person, by phone or by video, from the trigger and the words of its
phrase ("spoke by telephone", "held a videoconference", "paid a courtesy call on" is a visit). The
words are ``meeting_rules.yaml``'s ``mode`` section. A headline's mode holds for the body's reports
that do not say one."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sidelines.extract.candidates import MeetingCandidate
from sidelines.extract.triggers import visiting_call
from sidelines.kb.lexicon import MeetingRules
from sidelines.types import MeetingMode


def meeting_mode(trigger: Token, phrase: Span, sent: Span, rules: MeetingRules) -> MeetingMode:
    """The mode the trigger, its phrase and (for "spoke"/"talked") its sentence say."""
    words = rules.mode
    said = {t.lower_ for t in phrase} | {trigger.lower_}
    if trigger.lemma_.lower() in words.visit_lemmas or said & words.visit_words:
        return "in_person"  # "paid a courtesy call on": a visit, not a telephone call
    if trigger.lemma_.lower() in rules.triggers.call_verbs and visiting_call(
        trigger, rules.triggers.visiting_call_prepositions
    ):
        return "in_person"  # "called on President X at the palace"
    near = {t.lower_ for t in trigger.subtree if t.i - trigger.i < 6}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
        near |= _manner_words(trigger.head, words.manner_prepositions)
    compounds = {c.lower_ for c in trigger.children}
    if (said | compounds | near) & words.video_words:
        return "video"
    if trigger.lower_ in words.call_forms or (compounds | near) & words.phone_words:
        return "phone"
    lemma = trigger.lemma_.lower()
    if (
        trigger.pos_ == "VERB"
        and lemma in rules.triggers.talk_verbs
        and any(t.lower_ in words.phone_words for t in sent)
    ):
        return "phone"
    return "in_person"


def _manner_words(verb: Token, prepositions: frozenset[str]) -> set[str]:
    """The words of the phrases saying how ``verb`` was done ("were held via videoconference",
    "took place by telephone", "were held online")."""
    return {
        t.lower_
        for child in verb.children
        if (child.dep_ == "prep" and child.lower_ in prepositions) or child.dep_ == "advmod"
        for t in child.subtree
    }


def unspecific_mode(mode: MeetingMode, trigger: Token, rules: MeetingRules) -> bool:
    """A mode that is only the default of a trigger that does not say how ("spoke", "held talks"),
    so another report of the meeting may set it."""
    return mode == "in_person" and trigger.lemma_.lower() in rules.mode.unspecific_triggers


def title_mode(title: str, rules: MeetingRules) -> MeetingMode | None:
    """The mode a headline gives the story's encounter ("Telephone conversation with ...",
    "Readout of the President's Call with ...", "... hold video talks"), or None ("Leaders meet
    after phone call", "... calls for a ceasefire")."""
    words = rules.mode
    if not title or words.title_other_pattern.search(title):
        return None
    if words.title_video_pattern.search(title):
        return "video"
    if words.title_phone_pattern.search(title):
        return "phone"
    return None


def mode_from_title(candidates: list[MeetingCandidate], title: str, rules: MeetingRules) -> None:
    """Give the headline's mode to the body's reports of the story's encounter that do not say
    one ("Telephone conversation with X ... Putin had a conversation with X"): held, not earlier,
    with a party the headline names (or a headline that names none)."""
    mode = title_mode(title, rules)
    if mode is None:
        return
    named = {w.lower().strip(".,:;'’\"") for w in title.split()}
    for cand in candidates:
        if cand.status != "held" or cand.past_reference or not cand.weak_mode:
            continue
        surnames = {p.name.split()[-1].lower() for p in cand.parties if p.name.split()}
        if surnames & named or not any(w[:1].isupper() for w in title.split()[1:]):
            cand.mode, cand.weak_mode = mode, False
