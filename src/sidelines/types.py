"""The records that flow between pipeline stages.

A :class:`Document` comes out of ``ingest``; ``structure`` adds its :class:`Section` list; ``extract``
and ``resolve`` produce an :class:`Extraction`. All of them serialise to the JSON contract of
ARCHITECTURE.md through ``to_dict``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from sidelines.names import name_key

SectionKind = Literal["preface", "original", "body", "boilerplate"]
MeetingStatus = Literal["held", "planned"]
MeetingMode = Literal["in_person", "phone", "video"]


def content_hash(text: str) -> str:
    """Return the document id: the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Section:
    """A part of a document's text: ``text[start:end]`` is of the given kind."""

    kind: SectionKind
    start: int
    end: int


@dataclass
class Document:
    """One input document, as ingested: its text and what the source says about it."""

    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    publisher: str | None = None
    language: str | None = "en"
    original_source: str | None = None
    #: where the page says the reported event took place (its own markup, e.g. a "p-location"
    #: line under the headline), as written; not a dateline of where a story was filed
    location: str | None = None
    sections: list[Section] = field(default_factory=list)
    #: text offset where the body starts, when the title was prepended to the text by ingest
    title_span: tuple[int, int] | None = None

    @property
    def id(self) -> str:
        """The content hash of the text (stable across re-ingestion)."""
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        """Serialise as the ``document`` object of the extract contract."""
        return {
            "id": self.id,
            "path": self.path,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "original_source": self.original_source,
            "location": self.location,
            "language": self.language,
            "sections": [asdict(s) for s in self.sections],
        }


@dataclass(frozen=True)
class Evidence:
    """A span of the document's text that states a fact."""

    start: int
    end: int
    text: str


@dataclass
class Participant:
    """A party to a meeting or the speaker of a statement, resolved where the KB allows."""

    name: str
    actor_id: str | None = None
    country: str | None = None
    role: str | None = None
    side: str | None = None
    kind: Literal["person", "state", "organisation", "group"] = "person"

    @property
    def key(self) -> str:
        """The identity of the party within a document: its KB id, else its folded name."""
        return self.actor_id or name_key(self.name) or self.name.lower()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "actor_id": self.actor_id,
            "country": self.country,
            "role": self.role,
            "side": self.side,
        }


@dataclass
class Meeting:
    """An encounter between two or more parties, with the evidence that reports it."""

    id: str
    status: MeetingStatus
    mode: MeetingMode
    participants: list[Participant]
    accompanying: list[Participant] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    country: str | None = None
    occasion: str | None = None
    topics: list[str] = field(default_factory=list)
    cameo: str | None = None
    #: PLOVER ``event``, ``mode``, ``context``, ``intensity``, ``goldstein`` (and for a visit
    #: ``actor_side``/``recipient_side``: visitor and host)
    plover: dict[str, Any] | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "mode": self.mode,
            "participants": [p.to_dict() for p in self.participants],
            "accompanying": [p.to_dict() for p in self.accompanying],
            "date": self.date,
            "place": self.place,
            "country": self.country,
            "occasion": self.occasion,
            "topics": list(self.topics),
            "cameo": self.cameo,
            "plover": self.plover,
            "evidence": [asdict(e) for e in self.evidence],
        }


@dataclass
class Statement:
    """Something a party is reported to have said, with its cue verb and evidence."""

    id: str
    speakers: list[Participant]
    cue: str
    text: str
    topics: list[str] = field(default_factory=list)
    meeting_id: str | None = None
    cameo: str | None = None
    #: PLOVER ``event``, ``mode``, ``context``, ``intensity``, ``goldstein`` (and for a visit
    #: ``actor_side``/``recipient_side``: visitor and host)
    plover: dict[str, Any] | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speakers": [
                {"name": p.name, "actor_id": p.actor_id, "country": p.country}
                for p in self.speakers
            ],
            "cue": self.cue,
            "text": self.text,
            "topics": list(self.topics),
            "meeting_id": self.meeting_id,
            "cameo": self.cameo,
            "plover": self.plover,
            "evidence": [asdict(e) for e in self.evidence],
        }


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    meetings: list[Meeting] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Serialise to the ``sidelines extract`` JSON contract."""
        return {
            "document": self.document.to_dict(),
            "meetings": [m.to_dict() for m in self.meetings],
            "statements": [s.to_dict() for s in self.statements],
        }
