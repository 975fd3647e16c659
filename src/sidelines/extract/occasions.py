"""The summit or forum a sentence places a meeting at ("on the sidelines of the G20 summit",
"during the UN General Assembly"), named by its series and edition. The words are
``meeting_rules.yaml``'s ``occasion`` section."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from sidelines.kb import KnowledgeBase
from sidelines.resolve.places import resolve_occasion


def sentence_occasion(
    kb: KnowledgeBase, doc: Doc, sent: Span, day: dt.date | None
) -> tuple[str | None, str | None, str | None]:
    """The occasion a sentence names, with its city and country: ``(None, None, None)`` if none."""
    words = kb.lexicon.meetings.occasion
    text = sent.text
    for match in words.phrase_pattern.finditer(text):
        phrase = match.group("occ")
        if len(phrase.split()) > 10 or words.not_occasion_pattern.search(phrase):
            continue  # "a joint news conference following talks with ...": no forum
        if not words.cue_pattern.search(match.group(0)) and not words.forum_pattern.search(phrase):
            continue
        name, city, country = resolve_occasion(kb, phrase, text + " " + doc.text[:2000], day)
        if name:
            return name, city, country
    return None, None, None
