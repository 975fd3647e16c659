"""What the read path returns: typed records (plain dicts at run time, so they go to JSON,
pandas and the API's response models unchanged)."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

__all__ = [
    "ActorProfile",
    "ActorSummary",
    "CitedDocument",
    "Companion",
    "Counterpart",
    "DocumentDetail",
    "DocumentEvidence",
    "DocumentSummary",
    "EvidenceSpan",
    "ExportMeeting",
    "ExportStatement",
    "MeetingDetail",
    "MeetingEvidence",
    "MeetingFields",
    "MeetingRecord",
    "OccasionCount",
    "Party",
    "Role",
    "SearchHit",
    "StatementRecord",
    "TopicCount",
]


class Span(TypedDict):
    start: int
    end: int
    text: str


class EvidenceSpan(Span):
    """An evidence span of a statement."""


class MeetingEvidence(Span):
    """An evidence span of a meeting, with the document it is in."""

    document_id: str


class DocumentEvidence(Span):
    """An evidence span of a document, with the fact it is evidence of."""

    meeting_id: str | None
    statement_id: str | None


class Party(TypedDict):
    """A principal of a meeting."""

    name: str
    actor_id: str | None
    country: str | None
    role: str | None
    side: str | None


class Companion(TypedDict):
    """Someone who accompanied a principal."""

    name: str
    country: str | None


class MeetingFields(TypedDict):
    """A meeting's own fields and its parties."""

    id: str
    status: str
    mode: str
    date: str | None
    place: str | None
    country: str | None
    occasion: str | None
    scope: str | None
    topics: list[str]
    cameo: str | None
    plover: dict[str, Any] | None
    participants: list[Party]
    accompanying: list[Companion]


class MeetingRecord(MeetingFields):
    """A meeting of a list: with its number of sources and their paths (or URLs)."""

    sources: int
    documents: list[str]


class StatementRecord(TypedDict):
    """A statement with its evidence spans."""

    id: str
    date: str | None
    speakers: list[dict[str, Any]]
    cue: str | None
    text: str
    topics: list[str]
    cameo: str | None
    plover: dict[str, Any] | None
    meeting_id: str | None
    document_id: str
    evidence: list[EvidenceSpan]


class DocumentSummary(TypedDict):
    """A document without its text."""

    id: str
    path: str | None
    url: str | None
    title: str | None
    published: str | None
    publisher: str | None
    original_source: str | None


class CitedDocument(DocumentSummary):
    """A document as an export cites it."""

    language: str | None
    ingested_at: dt.datetime | None


class MeetingDetail(MeetingRecord):
    """One meeting with its statements, source documents and evidence."""

    statements: list[StatementRecord]
    source_documents: list[DocumentSummary]
    evidence: list[MeetingEvidence]


class ExportMeeting(MeetingFields):
    """A meeting as an export reads it: its cited sources (oldest first) and evidence."""

    source_documents: list[CitedDocument]
    sources: int
    evidence: list[MeetingEvidence]


class ExportStatement(StatementRecord):
    """A statement as an export reads it: its document and the meeting it was said at."""

    source_document: CitedDocument | None
    meeting: MeetingFields | None


class DocumentDetail(DocumentSummary):
    """One document with its text, sections, the facts it reports and their evidence."""

    text: str
    location: str | None
    language: str | None
    sections: list[dict[str, Any]]
    meetings: list[str]
    statements: list[str]
    evidence: list[DocumentEvidence]


class ActorSummary(TypedDict):
    """A corpus actor and its numbers of meetings and statements."""

    id: str
    name: str
    country: str | None
    aliases: list[str]
    in_kb: bool
    meetings: int
    statements: int


class Role(TypedDict):
    """An office an actor held, from the knowledge base or as the documents title it."""

    title: str
    office: str | None
    country: str | None
    organisation: str | None
    start: str | None
    end: str | None
    source: str
    mentions: int | None


class Counterpart(TypedDict):
    """An actor met on the other side, and how often."""

    id: str
    name: str
    country: str | None
    meetings: int


class TopicCount(TypedDict):
    """A topic and its numbers of meetings and statements."""

    topic: str
    meetings: int
    statements: int


class OccasionCount(TypedDict):
    """An occasion and its number of meetings."""

    occasion: str | None
    meetings: int


class ActorProfile(TypedDict):
    """One actor: roles, counterparts, topics, latest meetings and statements."""

    id: str
    name: str
    country: str | None
    aliases: list[str]
    in_kb: bool
    roles: list[Role]
    #: the most met (at most :data:`~sidelines.store.read.actors.COUNTERPARTS`)
    counterparts: list[Counterpart]
    #: how many counterparts there are in all
    counterparts_total: int
    topics: list[TopicCount]
    meetings: list[MeetingRecord]
    statements: list[StatementRecord]


class SearchHit(TypedDict):
    """A document, meeting or statement a search found."""

    kind: str
    id: str
    title: str | None
    snippet: str
