"""The core: ``Document -> Extraction``, a pure function of the text and its metadata.

Ingestion, storage and engines wrap it; the same call runs in a test, the CLI, a web worker or a
Ray task. The stages run in order: structure → nlp → resolve → extract → code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from sidelines.code import code_meeting, code_statement
from sidelines.extract import (
    MeetingCandidate,
    MeetingExtractor,
    StatementCandidate,
    StatementExtractor,
    merge_candidates,
    tag_topics,
)
from sidelines.extract.candidates import to_meeting_fields
from sidelines.extract.merging import share_setting
from sidelines.extract.setting import (
    date_occasions,
    place_from_dateline,
    place_from_location,
    place_remote,
)
from sidelines.ingest.title import attach_title
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline
from sidelines.resolve import ActorResolver, ResolvedMention, party_key
from sidelines.structure import split_sections
from sidelines.structure.dateline import find_dateline
from sidelines.structure.sections import fact_spans
from sidelines.types import Document, Evidence, Extraction, Meeting, Statement

__all__ = ["extract", "extract_many", "nlp_text", "prepare"]

_LONE_NEWLINE = re.compile(r"(?<![\n])[ \t]*\n(?![ \t]*\n)")


def prepare(document: Document, kb: KnowledgeBase | None = None) -> Document:
    """Structure stage: attach the title, split sections, name the original source."""
    kb = kb or KnowledgeBase.default()
    document = attach_title(document)
    sections, original = split_sections(document.text)
    return dataclasses.replace(
        document, sections=sections, original_source=original or document.original_source
    )


def extract(
    document: Document, nlp: Language | None = None, kb: KnowledgeBase | None = None
) -> Extraction:
    """Extract the meetings and statements of one document."""
    kb = kb or KnowledgeBase.default()
    nlp = nlp or load_pipeline()
    prepared = prepare(document, kb)
    return _extract_parsed(prepared, nlp(nlp_text(prepared.text)), kb)


def extract_many(
    documents: Iterable[Document],
    nlp: Language | None = None,
    kb: KnowledgeBase | None = None,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Extract many documents, parsing them in batches with ``nlp.pipe``."""
    kb = kb or KnowledgeBase.default()
    for document, doc in parse_many(documents, nlp, kb, batch_size):
        yield _extract_parsed(document, doc, kb)


def nlp_text(text: str) -> str:
    """The text spaCy reads: a lone line break (a hard wrap) becomes a space, offsets unchanged.

    Wrapped readouts break names across lines ("Abdel Fattah\nAl-Sisi"); paragraph breaks (blank
    lines) stay, so sentence boundaries at paragraphs are kept.
    """
    out: list[str] = []
    for block in re.split(r"(\n[ \t]*\n)", text):
        if _lines_are_paragraphs(block):
            out.append(block)  # a page that puts each paragraph on a line of its own
        else:
            out.append(_LONE_NEWLINE.sub(lambda m: " " * len(m.group()), block))
    return "".join(out)


#: no hard-wrapped line is this short, but every line of a list or signature block is
_SHORT_LINE = 40
#: a line that ends a sentence or a heading, not one a hard wrap cut mid-sentence
_LINE_END = re.compile(r"[.!?:;\"”’)\]|]\s*$")


def _lines_are_paragraphs(block: str) -> bool:
    """Whether the lines of a block between blank lines are paragraphs, not hard wraps: most end
    a sentence, or they are of very different lengths (wrapped lines fill the width)."""
    lines = [line for line in block.split("\n") if line.strip()]
    if len(lines) >= 2 and max(len(line.strip()) for line in lines) <= _SHORT_LINE:
        return True  # a list or a signature block ("Amara Mensah / Foreign Minister of Ghana")
    if len(lines) < 3:
        return False
    ended = sum(1 for line in lines[:-1] if _LINE_END.search(line))
    return ended >= 0.6 * (len(lines) - 1)


def _evidence_from(document: Document, spans: list[Evidence]) -> list[Evidence]:
    """Evidence with the document's own characters (the parse saw wraps as spaces)."""
    unique = {(e.start, e.end) for e in spans}
    return [Evidence(s, e, document.text[s:e]) for s, e in sorted(unique)]


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve_mentions(
    document: Document, doc: Doc, kb: KnowledgeBase
) -> tuple[ActorResolver, list[ResolvedMention]]:
    """Resolve stage: every actor mention of a parsed document to a party on its date."""
    publisher = kb.publisher(document.publisher, document.url)
    resolver = ActorResolver(kb, _day(document.published), publisher)
    resolved: list[ResolvedMention] = []
    for mention in doc._.sl_actors or []:
        resolved.append(ResolvedMention(mention, resolver.resolve(mention, resolved)))
    resolver.resolve_ahead(resolved)
    return resolver, resolved


def parse_many(
    documents: Iterable[Document],
    nlp: Language | None = None,
    kb: KnowledgeBase | None = None,
    batch_size: int = 16,
) -> Iterator[tuple[Document, Doc]]:
    """Prepared documents with their spaCy parse, in batches (what ``extract_many`` reads)."""
    kb = kb or KnowledgeBase.default()
    nlp = nlp or load_pipeline()
    prepared = (prepare(d, kb) for d in documents)
    pairs = ((nlp_text(p.text), p) for p in prepared)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, doc


def _extract_parsed(document: Document, doc: Doc, kb: KnowledgeBase) -> Extraction:
    day = _day(document.published)
    resolver, resolved = resolve_mentions(document, doc, kb)
    spans = fact_spans(document.sections)
    title_end = document.title_span[1] if document.title_span else 0
    candidates = MeetingExtractor(kb).extract(
        doc, resolved, resolver, day, spans, title_end, text=document.text
    )
    merged = merge_candidates(candidates)
    date_occasions(kb, merged)
    place_from_location(kb, merged, document.location, day)
    place_from_dateline(kb, merged, find_dateline(document.text, title_end), day)
    share_setting(merged)
    place_remote(merged)
    meetings = _distinct_ids([_meeting(document, c, kb) for c in merged])
    meeting_parties = [(c.evidence[0].start, c.parties) for c in candidates if c.status == "held"]
    statements_found = StatementExtractor(kb).extract(
        doc, resolved, resolver, spans, title_end, meeting_parties
    )
    statements = _distinct_ids([_statement(document, s, meetings, kb) for s in statements_found])
    for meeting in meetings:
        topics = list(meeting.topics)
        for statement in statements:
            if statement.meeting_id == meeting.id:
                topics.extend(statement.topics)
        meeting.topics = list(dict.fromkeys(topics))
    return Extraction(document=document, meetings=meetings, statements=statements)


_Fact = TypeVar("_Fact", Meeting, Statement)


def _distinct_ids(facts: list[_Fact]) -> list[_Fact]:
    """Make ids unique within a document: two facts reported in one span with one cue get the
    same hash, so a repeat gets a suffix (stable: same input, same ids)."""
    seen: set[str] = set()
    for fact in facts:
        base, n = fact.id, 1
        while fact.id in seen:
            fact.id = _stable_id(base, n)
            n += 1
        seen.add(fact.id)
    return facts


def _stable_id(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _meeting(document: Document, cand: MeetingCandidate, kb: KnowledgeBase) -> Meeting:
    fields = to_meeting_fields(cand)
    meeting = Meeting(
        id=_stable_id(
            document.id,
            "meeting",
            sorted(cand.party_keys()),
            cand.date,
            cand.mode,
            cand.evidence[0].start,
        ),
        status=cand.status,
        mode=cand.mode,
        participants=fields["participants"],
        accompanying=fields["accompanying"],
        date=cand.date.isoformat() if cand.date else None,
        place=cand.place,
        country=cand.country,
        occasion=cand.occasion,
        topics=tag_topics(kb, " ".join(e.text for e in cand.evidence)),
        evidence=_evidence_from(document, cand.evidence),
    )
    reported = " ".join([*(e.text for e in meeting.evidence), meeting.occasion or ""])
    meeting.cameo, meeting.plover = code_meeting(meeting, cand.country, reported)
    return meeting


def _statement(
    document: Document, cand: StatementCandidate, meetings: list[Meeting], kb: KnowledgeBase
) -> Statement:
    speakers = cand.speakers
    keys = {party_key(p) for p in speakers}
    link = None
    held = [m for m in meetings if m.status == "held"]
    for meeting in sorted(held, key=lambda m: m.evidence[0].start):
        parties = {p.actor_id or party_key(p) for p in meeting.participants}
        if keys & parties and meeting.evidence[0].start <= cand.position:
            link = meeting
    if link is None:
        link = next((m for m in held if keys & {party_key(p) for p in m.participants}), None)
    context = cand.evidence[0].text if cand.evidence else ""
    cameo, plover = code_statement(cand.cue_lemma, kb.cues, cand.text, context)
    return Statement(
        id=_stable_id(document.id, "statement", cand.evidence[0].start, cand.cue),
        speakers=speakers,
        cue=cand.cue,
        text=cand.text,
        topics=tag_topics(kb, cand.text),
        meeting_id=link.id if link else None,
        cameo=cameo,
        plover=plover,
        evidence=_evidence_from(document, cand.evidence),
    )
