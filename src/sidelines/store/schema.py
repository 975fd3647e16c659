"""The corpus database: tables for documents, meetings and their sources, participants, statements,
evidence spans and ingest errors (SQLAlchemy 2 declarative models).

A meeting reported by several documents is one row with one ``meeting_sources`` row per document
and evidence from each. Lists that are only ever read whole (sections, topics, PLOVER codes) are
JSON columns.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every sidelines table."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SchemaMigration(Base):
    """A named schema change and when it was applied (applied once, safe to run again)."""

    __tablename__ = "schema_migrations"
    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class DocumentRow(Base):
    """One ingested document, keyed by the content hash of its text."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    publisher: Mapped[str | None] = mapped_column(Text)
    original_source: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class MeetingRow(Base):
    """A meeting, possibly reported by several documents."""

    __tablename__ = "meetings"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str] = mapped_column(String(16), index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    place: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    occasion: Mapped[str | None] = mapped_column(Text, index=True)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    cameo: Mapped[str | None] = mapped_column(String(8))
    plover: Mapped[dict[str, str] | None] = mapped_column(JSON)
    #: ``international`` or ``domestic`` (:func:`sidelines.store.scope.meeting_scope`)
    scope: Mapped[str | None] = mapped_column(String(16), index=True)
    #: sorted party keys: what two reports of one meeting share
    party_key: Mapped[str] = mapped_column(Text, index=True)
    participants: Mapped[list[ParticipantRow]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    sources: Mapped[list[MeetingSourceRow]] = relationship(cascade="all, delete-orphan")


class MeetingSourceRow(Base):
    """A document that reports a meeting (GDELT's NumSources counts these)."""

    __tablename__ = "meeting_sources"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)


class ParticipantRow(Base):
    """A principal (or a companion) of a meeting."""

    __tablename__ = "participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    actor_id: Mapped[str | None] = mapped_column(String(120), index=True)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    role: Mapped[str | None] = mapped_column(Text)
    side: Mapped[str | None] = mapped_column(String(40))
    accompanying: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the corpus actor (``actors.id``) this name was identified with
    actor_key: Mapped[str | None] = mapped_column(String(160), index=True)
    meeting: Mapped[MeetingRow] = relationship(back_populates="participants")


class StatementRow(Base):
    """A statement of one document."""

    __tablename__ = "statements"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    speakers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    speaker_names: Mapped[str] = mapped_column(Text, index=True)  # " | "-joined, for filtering
    speaker_countries: Mapped[str] = mapped_column(Text)
    cue: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    cameo: Mapped[str | None] = mapped_column(String(8))
    plover: Mapped[dict[str, str] | None] = mapped_column(JSON)
    date: Mapped[str | None] = mapped_column(String(10), index=True)


class EvidenceRow(Base):
    """A span of a document's text that states a meeting or a statement."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    statement_id: Mapped[str | None] = mapped_column(ForeignKey("statements.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ActorRow(Base):
    """A person, state or organisation of the corpus: one row however many spellings it goes by.

    The id is the knowledge-base id when the KB knows the actor, else ``name:<slug>`` of the
    first spelling seen (later spellings become ``aliases``).
    """

    __tablename__ = "actors"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    in_kb: Mapped[bool] = mapped_column(Boolean, default=False)
    #: meetings as a principal and statements as a speaker, kept up to date by every write so
    #: "busiest actors" is an index scan, not a count over all participants
    meetings: Mapped[int] = mapped_column(Integer, default=0, index=True)
    statements: Mapped[int] = mapped_column(Integer, default=0)
    #: how many of those meetings are international (the rest are domestic)
    international: Mapped[int] = mapped_column(Integer, default=0, index=True)


class ActorKeyRow(Base):
    """A lookup key of one of an actor's spellings (:func:`sidelines.evaluate.names.match_keys`):
    an actor filter finds its few candidates through this index, then compares names."""

    __tablename__ = "actor_keys"
    key: Mapped[str] = mapped_column(String(16), primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True)


class RoleRow(Base):
    """A title a document gives an actor, with the first and last date it was seen."""

    __tablename__ = "roles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    #: the first document that gave the title
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))
    mentions: Mapped[int] = mapped_column(Integer, default=1)


class StatementSpeakerRow(Base):
    """A speaker of a statement, identified with a corpus actor."""

    __tablename__ = "statement_speakers"
    statement_id: Mapped[str] = mapped_column(ForeignKey("statements.id"), primary_key=True)
    actor_key: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True)


class TopicRow(Base):
    """A topic of the taxonomy that some meeting or statement is about."""

    __tablename__ = "topics"
    name: Mapped[str] = mapped_column(String(120), primary_key=True)


class MeetingTopicRow(Base):
    """A meeting is about a topic."""

    __tablename__ = "meeting_topics"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    topic: Mapped[str] = mapped_column(ForeignKey("topics.name"), primary_key=True, index=True)


class StatementTopicRow(Base):
    """A statement is about a topic."""

    __tablename__ = "statement_topics"
    statement_id: Mapped[str] = mapped_column(ForeignKey("statements.id"), primary_key=True)
    topic: Mapped[str] = mapped_column(ForeignKey("topics.name"), primary_key=True, index=True)


class IngestErrorRow(Base):
    """An item that could not be ingested, and why."""

    __tablename__ = "ingest_errors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class TopicCountRow(Base):
    """A topic's numbers of meetings and statements (:mod:`sidelines.store.aggregates` keeps
    them as the links are written, so the topic list reads 1 row a topic, not every link)."""

    __tablename__ = "topic_counts"
    topic: Mapped[str] = mapped_column(String(120), primary_key=True)
    meetings: Mapped[int] = mapped_column(Integer, default=0)
    statements: Mapped[int] = mapped_column(Integer, default=0)


class OccasionCountRow(Base):
    """An occasion's number of meetings, of any status (kept as meetings are written)."""

    __tablename__ = "occasion_counts"
    occasion: Mapped[str] = mapped_column(Text, primary_key=True)
    meetings: Mapped[int] = mapped_column(Integer, default=0)


class CounterpartRow(Base):
    """How many meetings an actor had with a principal on another side (kept as meetings are
    written): the counterparts of an actor's profile."""

    __tablename__ = "actor_counterparts"
    actor_key: Mapped[str] = mapped_column(String(160), primary_key=True)
    counterpart_key: Mapped[str] = mapped_column(String(160), primary_key=True)
    meetings: Mapped[int] = mapped_column(Integer, default=0)


class CounterpartSpellingRow(Base):
    """How many of those meetings name the counterpart so (its name and country, ``""`` for
    none): the profile shows the first name and country in sort order, as a grouped query would."""

    __tablename__ = "actor_counterpart_spellings"
    actor_key: Mapped[str] = mapped_column(String(160), primary_key=True)
    counterpart_key: Mapped[str] = mapped_column(String(160), primary_key=True)
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    country: Mapped[str] = mapped_column(String(3), primary_key=True)
    meetings: Mapped[int] = mapped_column(Integer, default=0)


class ActorTopicRow(Base):
    """An actor's meetings and statements on a topic (kept as they are written)."""

    __tablename__ = "actor_topics"
    actor_key: Mapped[str] = mapped_column(String(160), primary_key=True)
    topic: Mapped[str] = mapped_column(String(120), primary_key=True)
    meetings: Mapped[int] = mapped_column(Integer, default=0)
    statements: Mapped[int] = mapped_column(Integer, default=0)


class MeetingCountryRow(Base):
    """Kept on write (:mod:`sidelines.store.aggregates`): each country among a meeting's
    principals, with the meeting's date, so a page of one country's meetings, newest first, is
    a walk of the (country, date, meeting) index (migration 0011) instead of a probe of every
    meeting."""

    __tablename__ = "meeting_countries"
    meeting_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    country: Mapped[str] = mapped_column(String(3), primary_key=True)
    date: Mapped[str | None] = mapped_column(String(10))


class MeetingTotalRow(Base):
    """How many meetings of a status a list filter of one kind selects (kept on write,
    :mod:`sidelines.store.aggregates`), so a page's ``count`` is one row, not a count of every
    match: ``facet`` ``all`` (value ``""``: every meeting), ``actor`` (a principal's actor key),
    ``country`` (a principal's country), ``occasion``, ``scope`` or ``topic`` (a label)."""

    __tablename__ = "meeting_totals"
    facet: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    meetings: Mapped[int] = mapped_column(Integer, default=0)


class StatementTotalRow(Base):
    """How many statements a list filter of one kind selects (kept on write): ``facet``
    ``all`` (value ``""``), ``speaker`` (an actor key) or ``topic`` (a label)."""

    __tablename__ = "statement_totals"
    facet: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    statements: Mapped[int] = mapped_column(Integer, default=0)


class StoreVersionRow(Base):
    """One row: a number every write transaction raises, so a process may keep what it
    computed from the store (a list's total) until the store changes."""

    __tablename__ = "store_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


Index("ix_participants_meeting_country", ParticipantRow.meeting_id, ParticipantRow.country)
# a page of one scope's meetings walks ix_meetings_scope_newest (scope, date, id: migration 0012)
#: indexes of the 0009 migration: a speaker's statements and a document's meetings are found by
#: index, not by a walk over every link (their primary keys lead with the other column)
QUERY_INDEXES = (
    Index(
        "ix_statement_speakers_actor_key",
        StatementSpeakerRow.actor_key,
        StatementSpeakerRow.statement_id,
    ),
    Index("ix_meeting_sources_document_id", MeetingSourceRow.document_id),
    #: a page of one occasion's meetings, newest first, without sorting all of them
    Index("ix_meetings_occasion_date", MeetingRow.occasion, MeetingRow.date),
)


class ReviewRow(Base):
    """An analyst's review of a fact: a confirmation, a correction (with the value before and
    after) or an annotation; the audit trail of every change made to a stored fact."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fact_type: Mapped[str] = mapped_column(String(16))
    fact_id: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[str | None] = mapped_column(String(40))
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)
    note: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
