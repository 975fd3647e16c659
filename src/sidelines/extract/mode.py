"""How a meeting was held: in person, by phone or by video, from the trigger and the words of its
phrase ("spoke by telephone", "held a videoconference", "paid a courtesy call on" is a visit). The
words are ``meeting_rules.yaml``'s ``mode`` section."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sidelines.kb.lexicon import MeetingRules
from sidelines.types import MeetingMode


def meeting_mode(trigger: Token, phrase: Span, sent: Span, rules: MeetingRules) -> MeetingMode:
    """The mode the trigger, its phrase and (for "spoke"/"talked") its sentence say."""
    words = rules.mode
    said = {t.lower_ for t in phrase} | {trigger.lower_}
    if trigger.lemma_.lower() in words.visit_lemmas or said & words.visit_words:
        return "in_person"  # "paid a courtesy call on": a visit, not a telephone call
    near = {t.lower_ for t in trigger.subtree if t.i - trigger.i < 6}
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


def unspecific_mode(mode: MeetingMode, trigger: Token, rules: MeetingRules) -> bool:
    """A mode that is only the default of a trigger that does not say how ("spoke", "held talks"),
    so another report of the meeting may set it."""
    return mode == "in_person" and trigger.lemma_.lower() in rules.mode.unspecific_triggers
