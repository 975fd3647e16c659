"""Response and request models of the API (``XPublic`` for one item, ``XsPublic`` for a page)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class EvidencePublic(BaseModel):
    """A span of a document's text that states a fact."""

    start: int
    end: int
    text: str


class SourceEvidencePublic(EvidencePublic):
    """An evidence span and the document it is in."""

    document_id: str


class ParticipantPublic(BaseModel):
    """A principal of a meeting."""

    name: str
    actor_id: str | None = None
    country: str | None = None
    role: str | None = None
    side: str | None = None


class CompanionPublic(BaseModel):
    """Someone who accompanied a principal."""

    name: str
    country: str | None = None


class MeetingPublic(BaseModel):
    """A meeting: who met whom, when, where, on what occasion; ``sources`` documents report it."""

    id: str
    status: str
    mode: str
    date: str | None = None
    place: str | None = None
    country: str | None = None
    occasion: str | None = None
    #: international (principals of two or more countries, or an international organisation)
    #: or domestic
    scope: str | None = None
    topics: list[str] = []
    cameo: str | None = None
    plover: dict[str, Any] | None = None  # event, mode, context; numeric scores too
    participants: list[ParticipantPublic] = []
    accompanying: list[CompanionPublic] = []
    sources: int = 0
    documents: list[str | None] = []


class MeetingsPublic(BaseModel):
    """A page of meetings; ``count`` matches the filters over all pages."""

    data: list[MeetingPublic]
    count: int
    next_cursor: str | None = None


class SpeakerPublic(BaseModel):
    """Who made a statement."""

    name: str
    actor_id: str | None = None
    country: str | None = None


class StatementPublic(BaseModel):
    """What a party said, with its cue verb and evidence."""

    id: str
    date: str | None = None
    speakers: list[SpeakerPublic] = []
    cue: str
    text: str
    topics: list[str] = []
    cameo: str | None = None
    plover: dict[str, Any] | None = None  # event, mode, context; numeric scores too
    meeting_id: str | None = None
    document_id: str
    evidence: list[EvidencePublic] = []


class StatementsPublic(BaseModel):
    """A page of statements."""

    data: list[StatementPublic]
    count: int
    next_cursor: str | None = None


class DocumentRefPublic(BaseModel):
    """A document in brief."""

    id: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None


class MeetingDetailPublic(MeetingPublic):
    """A meeting with its statements, the documents that report it and the evidence."""

    statements: list[StatementPublic] = []
    source_documents: list[DocumentRefPublic] = []
    evidence: list[SourceEvidencePublic] = []


class ActorPublic(BaseModel):
    """A person or party in the corpus and how often they appear."""

    id: str
    name: str
    country: str | None = None
    aliases: list[str] = []
    meetings: int = 0
    statements: int = 0


class ActorsPublic(BaseModel):
    """A page of actors."""

    data: list[ActorPublic]
    count: int
    next_cursor: str | None = None


class RolePublic(BaseModel):
    """A dated role of an actor."""

    title: str | None = None
    office: str | None = None
    country: str | None = None
    organisation: str | None = None
    start: str | None = None
    end: str | None = None
    source: str | None = None


class CounterpartPublic(BaseModel):
    """Someone an actor met, and how often."""

    id: str | None = None
    name: str
    country: str | None = None
    meetings: int = 0


class CounterpartsPublic(BaseModel):
    """A page of an actor's counterparts, most met first."""

    data: list[CounterpartPublic]
    count: int
    next_cursor: str | None = None


class TopicPublic(BaseModel):
    """A topic and how many meetings and statements are about it."""

    topic: str
    meetings: int = 0
    statements: int = 0


class ActorDetailPublic(BaseModel):
    """An actor: roles, counterparts, topics, latest statements and meetings."""

    id: str
    name: str
    country: str | None = None
    aliases: list[str] = []
    roles: list[RolePublic] = []
    counterparts: list[CounterpartPublic] = Field(
        default=[],
        description="The counterparts met most (at most 50); the rest are read a page at a time"
        " from /actors/{id}/counterparts.",
    )
    counterparts_total: int = Field(default=0, description="How many counterparts there are.")
    topics: list[TopicPublic] = []
    statements: list[StatementPublic] = []
    meetings: list[MeetingPublic] = []


class DocumentPublic(BaseModel):
    """A stored document, without its text."""

    id: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    original_source: str | None = None


class DocumentsPublic(BaseModel):
    """A page of documents."""

    data: list[DocumentPublic]
    count: int
    next_cursor: str | None = None


class SectionPublic(BaseModel):
    """A part of a document's text: preface, original, body or boilerplate."""

    kind: str
    start: int
    end: int


class DocumentEvidencePublic(EvidencePublic):
    """An evidence span of a document and the fact it supports."""

    meeting_id: str | None = None
    statement_id: str | None = None


class DocumentDetailPublic(DocumentPublic):
    """A document with its text (JSON-escaped, never HTML), sections, facts and evidence."""

    text: str
    sections: list[SectionPublic] = []
    meetings: list[str] = []
    statements: list[str] = []
    evidence: list[DocumentEvidencePublic] = []


class TopicsPublic(BaseModel):
    """Every topic, most frequent first."""

    data: list[TopicPublic]
    count: int


class OccasionPublic(BaseModel):
    """A summit or forum and how many meetings were held at it."""

    occasion: str
    meetings: int = 0


class OccasionsPublic(BaseModel):
    """Every occasion."""

    data: list[OccasionPublic]
    count: int


class SearchHitPublic(BaseModel):
    """A document, meeting or statement matching a search."""

    kind: Literal["document", "meeting", "statement"]
    id: str
    title: str | None = None
    snippet: str | None = None


class SearchPublic(BaseModel):
    """Search results, best first."""

    data: list[SearchHitPublic]
    count: int


class StatsPublic(BaseModel):
    """Rows per table of the store."""

    documents: int = 0
    meetings: int = 0
    meeting_sources: int = 0
    participants: int = 0
    actors: int = 0
    roles: int = 0
    statements: int = 0
    evidence: int = 0
    topics: int = 0
    ingest_errors: int = 0
    reviews: int = 0


class ReviewIn(BaseModel):
    """An analyst's review: confirm a fact, correct one field of it, or annotate it."""

    fact_type: Literal["meeting", "statement"]
    fact_id: str = Field(min_length=1, max_length=64)
    action: Literal["confirm", "correct", "annotate", "merge", "split"]
    field: str | None = Field(default=None, max_length=40)
    value: Any = None
    note: str | None = Field(default=None, max_length=10_000)
    reviewer: str | None = Field(default=None, max_length=200)


class ReviewPublic(BaseModel):
    """A recorded review with the value before and after (the audit trail)."""

    id: int
    fact_type: str
    fact_id: str
    action: str
    field: str | None = None
    before: Any = None
    after: Any = None
    note: str | None = None
    reviewer: str | None = None
    at: str | None = None


class ReviewsPublic(BaseModel):
    """A page of reviews, newest first."""

    data: list[ReviewPublic]
    count: int
    next_cursor: str | None = None


class IngestIn(BaseModel):
    """One document to ingest: a URL to fetch, or its text (plain, Markdown or HTML)."""

    url: str | None = Field(default=None, max_length=2048)
    text: str | None = Field(default=None, max_length=5_000_000)
    title: str | None = Field(default=None, max_length=1000)


class IngestPublic(BaseModel):
    """What ingesting a document did."""

    document_id: str
    stored: bool
    meetings: int
    statements: int
