"""Speaker turns of transcripts: "President of Russia Vladimir Putin: Mr President, ...".

A turn runs from a line that starts with a speaker label (a name or title and a colon, optionally
"(retranslated)") to the next such line or the end of its section. Inside a turn "I", "we" and
"you" refer to the speaker and the people the speaker is talking to, which both the statement and
the meeting extractors need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sidelines.kb.lexicon import MeetingRules
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import ResolvedMention
from sidelines.types import Participant

#: a label longer than this many tokens is a sentence ending in a colon, not a speaker
_MAX_LABEL_TOKENS = 25
#: a label that names no actor we know has at most this many words
_MAX_UNKNOWN_LABEL_WORDS = 8


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label starts at ``start``, what is said is ``text[content_start:end]``."""

    start: int
    content_start: int
    end: int
    speaker: Participant


def find_turns(
    doc: Doc,
    by_token: dict[int, ResolvedMention],
    fact_spans: list[tuple[int, int]],
    rules: MeetingRules,
) -> list[Turn]:
    """The speaker turns in the fact-bearing parts of ``doc``, in text order (a label is
    ``meeting_rules.yaml``'s ``transcripts.turn_pattern``)."""
    text = doc_text(doc)
    labels: list[tuple[int, int, Participant | None]] = []
    for start, end in fact_spans:
        for line in re.finditer(r"[^\n]+", text[start:end]):
            match = rules.transcripts.turn_pattern.match(line.group())
            if not match:
                continue
            label_start = start + line.start()
            label_end = label_start + len(match.group("label"))
            span = doc.char_span(label_start, label_end, alignment_mode="expand")
            if span is None or len(span) > _MAX_LABEL_TOKENS:
                continue
            speaker = _label_speaker(span, by_token)
            if speaker is not None or _is_label(span):
                # a label we cannot name ("Question:", "Sberbank CEO German Gref:") still ends
                # the turn before it; its own turn gives no speaker
                labels.append((label_start, label_start + match.end() - 1, speaker))
    turns: list[Turn] = []
    for index, (label_start, content_start, speaker) in enumerate(labels):
        if speaker is None:
            continue
        limit = labels[index + 1][0] if index + 1 < len(labels) else None
        section_end = next((e for s, e in fact_spans if s <= label_start <= e), len(text))
        end = min(limit, section_end) if limit is not None else section_end
        body = text[content_start:end].rstrip()
        if len(body) < 2:
            continue
        turns.append(Turn(label_start, content_start, content_start + len(body), speaker))
    return turns


def turn_at(turns: list[Turn], offset: int) -> Turn | None:
    """The turn whose spoken text contains ``offset``, if any."""
    for turn in turns:
        if turn.content_start <= offset < turn.end:
            return turn
    return None


def _label_speaker(span: Span, by_token: dict[int, ResolvedMention]) -> Participant | None:
    parties = [by_token[t.i].party for t in span if t.i in by_token and by_token[t.i].party]
    parties = [p for p in parties if p is not None]
    if not parties:
        return None
    # every token of the label but one must belong to a mention (a label is only a name/title)
    covered = sum(1 for t in span if t.i in by_token)
    if covered < len(span) - 1:
        return None
    return parties[-1]


def _is_label(span: Span) -> bool:
    """A speaker label of a transcript though no actor: a few words of names and titles, no verb
    or pronoun ("Question", "Sberbank CEO German Gref", "Moderator"), not a sentence that ends in
    a colon ("The President said", "It reads")."""
    words = [t for t in span if not t.is_punct]
    return (
        0 < len(words) <= _MAX_UNKNOWN_LABEL_WORDS
        and all(t.pos_ not in {"VERB", "AUX", "PRON", "SCONJ"} for t in words)
        and all(
            t.is_title or t.is_upper or not t.is_alpha or t.pos_ in {"ADP", "DET", "CCONJ"}
            for t in words
        )
    )
