"""The core: ``Document -> Extraction``, a pure function of the text and its metadata.

Ingestion, storage and engines wrap it; the same call runs in a test, the CLI, a web worker or a
Ray task. The stages run in order: structure → nlp → resolve → extract → code. Structure prepares
the document; ``nlp.pipe`` runs the others as spaCy components (see
:mod:`sidelines.nlp.pipeline`), which leave what they find on the Doc; the extraction is built
from the Doc's attributes here, with stable ids and the codes of each fact.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from sidelines.code import code_meeting, code_statement
from sidelines.extract import MeetingCandidate, StatementCandidate, tag_topics
from sidelines.extract.candidates import to_meeting_fields
from sidelines.extract.components import MeetingFinder
from sidelines.extract.topics import statement_topics
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline
from sidelines.resolve.component import resolve_mentions
from sidelines.structure import prepare_document
from sidelines.types import Document, Evidence, Extraction, Meeting, Statement

__all__ = [
    "EXTRACTION_COMPONENTS",
    "build_extraction",
    "extract",
    "extract_many",
    "extraction_pipeline",
    "nlp_text",
    "parse_many",
    "prepare",
    "resolve_mentions",
]

_LONE_NEWLINE = re.compile(r"(?<![\n])[ \t]*\n(?![ \t]*\n)")

#: the components of the resolve and extract stages, (factory, name), in pipeline order
EXTRACTION_COMPONENTS = (
    ("sidelines_resolve_v1", "sl_resolve"),
    ("sidelines_meetings_v1", "sl_meetings"),
    ("sidelines_statements_v1", "sl_statements"),
)


def prepare(document: Document, kb: KnowledgeBase | None = None) -> Document:
    """Structure stage: attach the title, split sections, name the original source.

    ``kb`` is accepted for callers that pass one; structure reads no knowledge base."""
    return prepare_document(document)


def extract(
    document: Document, nlp: Language | None = None, kb: KnowledgeBase | None = None
) -> Extraction:
    """Extract the meetings and statements of one document."""
    return next(extract_many([document], nlp, kb, batch_size=1))


def extract_many(
    documents: Iterable[Document],
    nlp: Language | None = None,
    kb: KnowledgeBase | None = None,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Extract many documents, parsing them in batches with ``nlp.pipe``.

    The knowledge base is the pipeline's (its components are built with the ``sidelines.kb.v1``
    registry entry); ``kb``, when given, must be that one.
    """
    nlp = extraction_pipeline(nlp)
    kb = _pipeline_kb(nlp, kb)
    for _document, doc in parse_many(documents, nlp, kb, batch_size):
        yield build_extraction(doc, kb)


def extraction_pipeline(nlp: Language | None = None) -> Language:
    """``nlp`` (default :func:`~sidelines.nlp.load_pipeline`) with the resolve and extract
    components after its own, added in place the first time (the nlp stage cannot import the
    later stages that define them)."""
    nlp = nlp or load_pipeline()
    for factory, name in EXTRACTION_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(factory, name=name)
    return nlp


def parse_many(
    documents: Iterable[Document],
    nlp: Language | None = None,
    kb: KnowledgeBase | None = None,
    batch_size: int = 16,
    disable: Iterable[str] = (),
) -> Iterator[tuple[Document, Doc]]:
    """Prepared documents with their Doc, run through the whole pipeline in batches (but the
    components named in ``disable``).

    Each Doc is made before the pipe and carries its document as ``doc._.sl_document``, so the
    components read each document's own date, publisher, sections and title (spaCy's
    ``nlp.pipe`` takes Docs as well as texts).
    """
    nlp = extraction_pipeline(nlp)
    _pipeline_kb(nlp, kb)
    pairs = ((_doc_of(nlp, prepare(d)), d) for d in documents)
    for doc, _original in nlp.pipe(
        pairs, as_tuples=True, batch_size=batch_size, disable=list(disable)
    ):
        yield doc._.sl_document, doc


def _doc_of(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(nlp_text(document.text))
    doc._.sl_document = document
    return doc


def _pipeline_kb(nlp: Language, kb: KnowledgeBase | None = None) -> KnowledgeBase:
    """The knowledge base of the pipeline's components; ``kb``, when given, must be it."""
    finder = nlp.get_pipe("sl_meetings")
    assert isinstance(finder, MeetingFinder)
    if kb is not None and kb is not finder.kb:
        raise ValueError(
            "the knowledge base is the pipeline's (sidelines.kb.v1 in its components' config); "
            "pass no kb, or the one the pipeline was built with"
        )
    return finder.kb


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


def build_extraction(doc: Doc, kb: KnowledgeBase | None = None) -> Extraction:
    """The extraction of a Doc the whole pipeline ran over: its meetings and statements as facts
    with stable ids, topics and codes, each statement linked to the meeting it was said at."""
    kb = kb or KnowledgeBase.default()
    document: Document = doc._.sl_document
    meetings = _distinct_ids([_meeting(document, c, kb) for c in doc._.sl_meetings])
    statements = _distinct_ids([_statement(document, s, meetings, kb) for s in doc._.sl_statements])
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
    keys = {p.key for p in speakers}
    link = None
    held = [m for m in meetings if m.status == "held"]
    for meeting in sorted(held, key=lambda m: m.evidence[0].start):
        parties = {p.actor_id or p.key for p in meeting.participants}
        if keys & parties and meeting.evidence[0].start <= cand.position:
            link = meeting
    if link is None:
        link = next((m for m in held if keys & {p.key for p in m.participants}), None)
    context = cand.evidence[0].text if cand.evidence else ""
    cameo, plover = code_statement(cand.cue_lemma, kb.cues, cand.text, context)
    return Statement(
        id=_stable_id(document.id, "statement", cand.evidence[0].start, cand.cue),
        speakers=speakers,
        cue=cand.cue,
        text=cand.text,
        topics=statement_topics(kb, document.text, cand.text, cand.evidence[0].start),
        meeting_id=link.id if link else None,
        cameo=cameo,
        plover=plover,
        evidence=_evidence_from(document, cand.evidence),
    )
