"""The statements not reported by a cue verb with its subject: "according to X", a passive
with no agent ("It was agreed to ..."), a statement noun ("the comments made by X"), a sentence
that continues reported speech, and the turns of a transcript."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from sidelines.extract.statement_candidates import StatementCandidate
from sidelines.extract.statement_content import cue_text, paragraph_of
from sidelines.extract.statement_speakers import party_subject, unique_parties
from sidelines.extract.turns import Turn
from sidelines.kb import KnowledgeBase
from sidelines.kb.loader import load_lexicon
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import ResolvedMention
from sidelines.types import Evidence, Participant

#: the words around statement cues: the ``statements`` section of ``kb/data/cues.yaml``
_WORDS = load_lexicon().statements
#: a speaker turn shorter than this (in words) says nothing a user would look up
_MIN_TURN_WORDS = 5


def according_to(
    doc: Doc,
    sent: Span,
    by_token: dict[int, ResolvedMention],
    paragraph: int,
    is_cue: Callable[[Token], bool],
) -> list[StatementCandidate]:
    """ "According to Brandt, the two countries will ...": the rest of the sentence is what
    the party named after "according to" said."""
    out: list[StatementCandidate] = []
    for token in sent:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None:
            continue
        phrase = list(to.subtree)
        speakers = unique_parties(
            [
                by_token[t.i].party
                for t in phrase
                if t.i in by_token
                and by_token[t.i].party is not None
                and by_token[t.i].mention.kind in {"name", "title", "organisation", "side"}
            ]
        )
        if not speakers:
            continue
        after = max(t.i for t in phrase) + 1
        if after < sent.end and doc[after].text == ",":
            after += 1
        follows = any(
            t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "VBN"}
            for t in doc[after : sent.end]
        )
        if token.i == sent.start or (doc[token.i - 1].text in {",", ";"} and follows):
            # the clause follows: "According to X, ..."; not "..., according to X, after
            # the meeting", whose clause came before
            start, end = after, sent.end
        else:
            start, end = sent.start, token.i  # "..., according to X."
            if any(is_cue(t) and party_subject(t, by_token) for t in doc[start:end]):
                continue  # "Y said ..., according to X": X is the source of Y's words
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end - start < 3:
            continue
        content = doc[start:end].text
        out.append(
            StatementCandidate(
                speakers=speakers,
                cue="according to",
                cue_lemma="say",
                text=content.strip(" ,;"),
                evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
                position=token.idx,
                paragraph=paragraph,
            )
        )
    return out


def agentless(
    doc: Doc,
    sent: Span,
    cue: Token,
    meeting_parties: list[tuple[int, list[Participant]]],
    paragraph: int,
) -> StatementCandidate | None:
    """ "It was agreed to ...", "The importance of ... was noted": in a readout, said by the
    parties of the meeting it reports."""
    passive = any(c.dep_ == "auxpass" for c in cue.children) or (
        cue.dep_ == "acomp" and cue.head.lemma_ == "be"  # "was underscored" read as ADJ
    )
    if not passive or any(c.dep_ == "agent" for c in cue.children):
        return None
    prior = [p for off, p in meeting_parties if off <= sent.start_char]
    parties = prior[-1] if prior else (meeting_parties[0][1] if meeting_parties else [])
    if not parties:
        return None
    return StatementCandidate(
        speakers=list(parties),
        cue=cue_text(cue),
        cue_lemma=cue.lemma_.lower(),
        text=sent.text.strip(),
        evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
        position=sent.start_char,
        paragraph=paragraph,
    )


def noun_statements(
    doc: Doc,
    sent: Span,
    by_token: dict[int, ResolvedMention],
    paragraph: int,
    nouns: frozenset[str],
    verbs: frozenset[str],
) -> list[StatementCandidate]:
    """ "The comments made by President X stressed ...", "In the remarks made by X, ...": the
    sentence says what X said; elsewhere in a sentence, only a cue participle after the noun
    does ("the comments made by X, opposing the use of force"). ``verbs`` are the cue lemmas."""
    out = []
    for token in sent:
        if token.lower_ not in nouns or token.pos_ != "NOUN":
            continue
        speaker = None
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in _WORDS.noun_cue_verbs:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for t in agent.subtree:
                            item = by_token.get(t.i)
                            if item and item.party:
                                speaker = item.party
                                break
        if speaker is None:
            continue
        start = token.left_edge.idx
        if _reports_content(token):
            span = (sent.start_char, sent.end_char)
        else:
            # "... the misrepresentation of the comments made by X, ..., opposing the use of
            # force": what the comments said is the cue participle after them, not the sentence
            said = next(
                (
                    t
                    for t in doc[token.right_edge.i + 1 : sent.end]
                    if t.tag_ == "VBG" and t.lemma_.lower() in verbs
                ),
                None,
            )
            if said is None:
                continue
            span = (said.idx, doc[said.right_edge.i].idx + len(doc[said.right_edge.i]))
        text = doc_text(doc)[span[0] : span[1]]
        out.append(
            StatementCandidate(
                speakers=[speaker],
                cue=token.text,
                cue_lemma=token.lemma_.lower(),
                text=text,
                evidence=[Evidence(span[0], span[1], text)],
                position=start,
                paragraph=paragraph,
            )
        )
    return out


def _reports_content(noun: Token) -> bool:
    """A statement noun whose sentence says what was said: the subject of its clause ("The
    comments made by X stressed ..."), or a frame before it ("In the remarks made by X, ...")."""
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return True
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in _WORDS.frame_prepositions
        and prep.head.dep_ == "ROOT"
        and prep.i < prep.head.i
    )


# --- continuations ------------------------------------------------------------------------
def continuation(
    doc: Doc,
    sent: Span,
    previous: StatementCandidate,
    by_token: dict[int, ResolvedMention],
    paragraph: int,
    kb: KnowledgeBase,
) -> StatementCandidate | None:
    """A sentence continuing reported speech: its subject is the speaker's country or side."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    countries = {p.country for p in previous.speakers if p.country}
    if not countries:
        return None
    text = doc[subject.left_edge.i : subject.i + 1].text
    code = kb.country_code(text)
    item = by_token.get(subject.i)
    if item is not None and item.mention.kind == "side":
        code = item.mention.country_hint
    if code is None or code not in countries:
        return None
    if (
        root.lemma_.lower() in kb.lexicon.meetings.triggers.verbs
        and root.lemma_.lower() not in _WORDS.continuing_meeting_verbs
    ):
        return None
    return StatementCandidate(
        speakers=list(previous.speakers),
        cue=previous.cue,
        cue_lemma=previous.cue_lemma,
        text=sent.text.strip(),
        evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
        position=sent.start_char,
        paragraph=paragraph,
    )


# --- transcripts --------------------------------------------------------------------------
def turn_statements(
    turns: list[Turn], text: str, paragraphs: list[int]
) -> tuple[list[StatementCandidate], list[tuple[int, int]]]:
    """One statement per speaker turn (what the speaker says, with the turn as evidence)."""
    out: list[StatementCandidate] = []
    ranges: list[tuple[int, int]] = []
    for turn in turns:
        body = text[turn.content_start : turn.end]
        ranges.append((turn.start, turn.end))
        if len(re.findall(r"\w+", body)) < _MIN_TURN_WORDS:
            continue  # "Thank you.", "Good afternoon.": courtesies, not statements
        out.append(
            StatementCandidate(
                speakers=[turn.speaker],
                cue="said",
                cue_lemma="say",
                text=body,
                evidence=[Evidence(turn.content_start, turn.end, body)],
                position=turn.start,
                paragraph=paragraph_of(paragraphs, turn.start),
            )
        )
    return out, ranges
