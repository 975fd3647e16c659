"""The extract stage as spaCy components: meetings (``sidelines_meetings_v1``) and statements
(``sidelines_statements_v1``) found in a parsed, resolved Doc, kept on the Doc for ``core`` to
turn into the extraction's facts.

Each reads its document (``doc._.sl_document``: sections, title, published date, location) and
the resolve stage's output (``doc._.sl_resolved``, ``doc._.sl_resolver``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sidelines.extract.meetings import MeetingExtractor
from sidelines.extract.merging import merge_candidates, share_setting
from sidelines.extract.mode import mode_from_title
from sidelines.extract.setting import (
    date_from_lead,
    date_occasions,
    headline_place,
    place_from_dateline,
    place_from_headline,
    place_from_location,
    place_remote,
)
from sidelines.extract.statements import StatementExtractor
from sidelines.kb import KnowledgeBase
from sidelines.nlp.pipeline import KB_CONFIG
from sidelines.resolve.component import document_day
from sidelines.structure.dateline import find_dateline
from sidelines.structure.sections import fact_spans
from sidelines.types import Document

__all__ = ["MeetingFinder", "StatementFinder"]

#: ``sl_meetings``: the meetings of the Doc (merged, with their date, place and occasion);
#: ``sl_meeting_parties``: (offset, parties) of every meeting reported as held, before merging,
#: which statements read to expand "the two sides"; ``sl_statements``: the statements
for _name in ("sl_meetings", "sl_meeting_parties", "sl_statements"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_RESOLVED = ["doc._.sl_document", "doc._.sl_resolved", "doc._.sl_resolver"]


def _title_end(document: Document) -> int:
    return document.title_span[1] if document.title_span else 0


@Language.factory(
    "sidelines_meetings_v1",
    requires=[
        *_RESOLVED,
        "doc._.sl_dates",
        "doc._.sl_places",
        "token.dep",
        "token.lemma",
        "token.pos",
    ],
    assigns=["doc._.sl_meetings", "doc._.sl_meeting_parties"],
    default_config=KB_CONFIG,
)
def make_meeting_finder(nlp: Language, name: str, kb: KnowledgeBase) -> MeetingFinder:
    """Factory of the meetings component (see :class:`MeetingFinder`)."""
    return MeetingFinder(kb)


class MeetingFinder:
    """Find the meetings a Doc reports, merge the reports of one meeting, and set each one's
    date, occasion and place from the sentence, the page's location line and the dateline."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.extractor = MeetingExtractor(kb)

    def __call__(self, doc: Doc) -> Doc:
        document: Document = doc._.sl_document
        day = document_day(document)
        title_end = _title_end(document)
        candidates = self.extractor.extract(
            doc,
            doc._.sl_resolved,
            doc._.sl_resolver,
            day,
            fact_spans(document.sections),
            title_end,
            text=document.text,
        )
        merged = merge_candidates(candidates)
        mode_from_title(merged, document.text[:title_end], self.kb.lexicon.meetings)
        date_from_lead(doc, merged, day, self.kb.lexicon.meetings)
        date_occasions(self.kb, merged)
        place_from_location(self.kb, merged, document.location, day)
        headline = headline_place(
            document.text, doc._.sl_places or [], title_end, self.kb.lexicon.meetings
        )
        place_from_headline(self.kb, merged, headline, day)
        place_from_dateline(self.kb, merged, find_dateline(document.text, title_end), day)
        share_setting(merged)
        place_remote(merged)
        doc._.sl_meetings = merged
        doc._.sl_meeting_parties = [
            (c.evidence[0].start, c.parties) for c in candidates if c.status == "held"
        ]
        return doc


@Language.factory(
    "sidelines_statements_v1",
    requires=[*_RESOLVED, "doc._.sl_meeting_parties", "token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.sl_statements"],
    default_config=KB_CONFIG,
)
def make_statement_finder(nlp: Language, name: str, kb: KnowledgeBase) -> StatementFinder:
    """Factory of the statements component (see :class:`StatementFinder`)."""
    return StatementFinder(kb)


class StatementFinder:
    """Find the statements a Doc reports, with their speakers; "the two sides" are the parties
    of the meeting reported last before the statement."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.extractor = StatementExtractor(kb)

    def __call__(self, doc: Doc) -> Doc:
        document: Document = doc._.sl_document
        doc._.sl_statements = self.extractor.extract(
            doc,
            doc._.sl_resolved,
            doc._.sl_resolver,
            fact_spans(document.sections),
            _title_end(document),
            doc._.sl_meeting_parties,
        )
        return doc
