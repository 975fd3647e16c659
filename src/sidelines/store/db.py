"""Open a corpus database, write extractions into it, and read it: the :class:`Store`.

``Store.open()`` uses ``$SIDELINES_DB_URL`` or an embedded SQLite file ``./sidelines.db`` (in WAL
mode); any SQLAlchemy URL works (``postgresql+psycopg://...`` with the driver installed). Writing
is idempotent: a document already stored (same content hash) is skipped, so ingesting a corpus
twice, or again after an interrupted run, gives the same database as one clean run. The schema
changes are :mod:`sidelines.store.migrations`, the writes :mod:`sidelines.store.write`, the reads
:mod:`sidelines.store.read`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from sidelines.filters import MeetingFilter, StatementFilter
from sidelines.kb import KnowledgeBase
from sidelines.settings import Settings
from sidelines.store import migrations, write
from sidelines.store.filters import KB_INFO, knowledge_base
from sidelines.store.read import actors, counted, documents, meetings, search, statements, topics
from sidelines.store.read.pages import PageKey
from sidelines.store.read.results import (
    ActorProfile,
    DocumentDetail,
    MeetingDetail,
    StatementRecord,
)
from sidelines.store.records import Records
from sidelines.store.schema import (
    ActorRow,
    DocumentRow,
    EvidenceRow,
    IngestErrorRow,
    MeetingRow,
    MeetingSourceRow,
    ParticipantRow,
    RoleRow,
    StatementRow,
    TopicRow,
)
from sidelines.store.totals import Totals, bump
from sidelines.store.write import StoreError
from sidelines.types import Extraction

__all__ = ["DEFAULT_URL", "Records", "Store", "StoreError"]

DEFAULT_URL = "sqlite:///sidelines.db"


def _meeting_filter(given: MeetingFilter | None, named: dict[str, Any]) -> MeetingFilter:
    return given if given is not None else MeetingFilter(**named)


def _statement_filter(given: StatementFilter | None, named: dict[str, Any]) -> StatementFilter:
    return given if given is not None else StatementFilter(**named)


class Store:
    """A corpus database: write extractions, query meetings and statements.

    The list methods take a filter object (:class:`~sidelines.store.filters.MeetingFilter`,
    :class:`~sidelines.store.filters.StatementFilter`) or its fields by name:
    ``store.meetings(country="RUS", limit=10)`` is ``store.meetings(MeetingFilter(country="RUS"),
    limit=10)``.
    """

    def __init__(self, engine: Engine, kb: KnowledgeBase | None = None) -> None:
        self.engine = engine
        #: the knowledge base the store reads actors' spellings, countries and summits from
        #: (its sessions carry it in ``info``); the default one when none is handed
        self.kb = kb if kb is not None else knowledge_base()
        self.sessions = sessionmaker(engine, expire_on_commit=False, info={KB_INFO: self.kb})
        #: list totals and table counts, kept until the store changes
        self.totals = Totals()
        self.migrate()

    @classmethod
    def open(cls, url: str | None = None, kb: KnowledgeBase | None = None) -> Store:
        """Open (creating and migrating when needed) the database at ``url``, reading actors,
        countries and summits from ``kb`` (the default knowledge base when None)."""
        url = url or Settings.load().db_url or DEFAULT_URL
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as err:
            raise StoreError(f"cannot open database {url!r}: {err}") from err
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            return cls(engine, kb)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot open database {url!r}: {err}") from err

    def migrate(self) -> list[str]:
        """Apply the schema changes not applied yet; return their names."""
        return migrations.migrate(self.engine, self.kb)

    def tables(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all (a write: the store's
        version goes up with it, so the totals kept from before are computed again)."""
        with self.sessions() as session, session.begin():
            yield session
            bump(session)

    # --- writing --------------------------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        with self.sessions() as session:
            return session.get(DocumentRow, document_id) is not None

    def save(self, extraction: Extraction) -> bool:
        """Store one document's extraction in one transaction; False if it was already stored.

        Raises:
            StoreError: ``[E030]`` when the database refuses the write (nothing is written).
        """
        try:
            with self.session() as session:
                return write.save_extraction(session, extraction)
        except SQLAlchemyError as err:
            name = extraction.document.path or extraction.document.url or extraction.document.id
            raise StoreError(
                f"{name}: not stored: {err.__class__.__name__}: {err.orig if hasattr(err, 'orig') else err}"
            ) from err

    def record_error(self, item: str, code: str, message: str) -> None:
        """Record why ``item`` could not be ingested (once: a rerun adds no second row)."""
        with self.session() as session:
            write.record_error(session, item, code, message)

    # --- reading --------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table (documents, meetings, sources, statements, evidence, errors)."""
        tables = {
            "documents": DocumentRow,
            "meetings": MeetingRow,
            "meeting_sources": MeetingSourceRow,
            "participants": ParticipantRow,
            "actors": ActorRow,
            "roles": RoleRow,
            "statements": StatementRow,
            "evidence": EvidenceRow,
            "topics": TopicRow,
            "ingest_errors": IngestErrorRow,
        }
        with self.sessions() as session:
            return dict(
                self.totals.get(
                    session,
                    "counts",
                    lambda: {
                        name: int(session.scalar(select(func.count()).select_from(model)) or 0)
                        for name, model in tables.items()
                    },
                )
            )

    def meetings(
        self,
        filters: MeetingFilter | None = None,
        /,
        limit: int | None = None,
        offset: int = 0,
        after: PageKey | None = None,
        **named: str | None,
    ) -> Records:
        """The meetings the filters select, newest first (held ones unless ``status`` says),
        from ``offset`` or after the meeting ``after`` (its date and id: the next page)."""
        with self.sessions() as session:
            found = meetings.meetings(
                session, _meeting_filter(filters, named), limit, offset, after
            )
        return Records(found)

    def count_meetings(self, filters: MeetingFilter | None = None, /, **named: str | None) -> int:
        """How many meetings the filters select (those of :meth:`meetings`)."""
        chosen = _meeting_filter(filters, named)
        with self.sessions() as session:
            kept = counted.kept_meetings(session, chosen)  # kept on write: never cold
            if kept is not None:
                return kept
            return self.totals.get(
                session, ("meetings", chosen), lambda: meetings.count_meetings(session, chosen)
            )

    def meeting(self, meeting_id: str) -> MeetingDetail | None:
        """One meeting with its statements, source documents and evidence."""
        with self.sessions() as session:
            return meetings.meeting(session, meeting_id)

    def statement(self, statement_id: str) -> StatementRecord | None:
        """One statement with its evidence."""
        with self.sessions() as session:
            return statements.statement(session, statement_id)

    def statements(
        self,
        filters: StatementFilter | None = None,
        /,
        limit: int | None = None,
        offset: int = 0,
        meeting_id: str | None = None,
        actor_key: str | None = None,
        after: PageKey | None = None,
        **named: str | None,
    ) -> Records:
        """The statements the filters select (of one meeting, or by one corpus actor, when
        given), newest first, from ``offset`` or after the statement ``after`` (its date and
        id)."""
        with self.sessions() as session:
            found = statements.statements(
                session,
                _statement_filter(filters, named),
                limit,
                offset,
                meeting_id,
                actor_key,
                after,
            )
        return Records(found)

    def count_statements(
        self, filters: StatementFilter | None = None, /, **named: str | None
    ) -> int:
        """How many statements the filters select (those of :meth:`statements`)."""
        chosen = _statement_filter(filters, named)
        with self.sessions() as session:
            kept = counted.kept_statements(session, chosen)
            if kept is not None:
                return kept
            return self.totals.get(
                session,
                ("statements", chosen),
                lambda: statements.count_statements(session, chosen),
            )

    def actors(
        self,
        country: str | None = None,
        name: str | None = None,
        scope: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Records:
        """Actors (of a ``country``, by ``name``, with meetings of a ``scope``), busiest first."""
        with self.sessions() as session:
            found = actors.actors(session, country, name, scope, limit, offset)
        return Records(found)

    def count_actors(
        self, country: str | None = None, name: str | None = None, scope: str | None = None
    ) -> int:
        """How many actors match (``country``, ``name``, ``scope``)."""
        with self.sessions() as session:
            return self.totals.get(
                session,
                ("actors", country, name, scope),
                lambda: actors.count_actors(session, country, name, scope),
            )

    def actor(self, name_or_id: str) -> ActorProfile | None:
        """An actor's roles, the counterparts met most (and how many there are), topics,
        latest meetings and statements."""
        with self.sessions() as session:
            return actors.actor(session, name_or_id, kb=self.kb)

    def counterparts(
        self, name_or_id: str, limit: int | None = None, offset: int = 0
    ) -> tuple[Records, int] | None:
        """An actor's counterparts, most met first, ``limit`` of them from ``offset``, and how
        many there are; None if no actor matches (as :meth:`actor` finds one)."""
        with self.sessions() as session:
            row = actors.find_actor(session, name_or_id, self.kb)
            if row is None:
                return None
            page = actors.counterparts(session, row.id, limit, offset)
            return Records(page), actors.count_counterparts(session, row.id)

    def documents(
        self, limit: int | None = None, offset: int = 0, after: PageKey | None = None
    ) -> Records:
        """Documents without their text, newest first (from ``offset`` or after the document
        ``after``: its published date and id)."""
        with self.sessions() as session:
            found = documents.documents(session, limit, offset, after)
        return Records(found)

    def count_documents(self) -> int:
        """How many documents are stored."""
        with self.sessions() as session:
            return self.totals.get(session, "documents", lambda: documents.count_documents(session))

    def document(self, document_id: str) -> DocumentDetail | None:
        """One document with its text, sections, facts and evidence spans."""
        with self.sessions() as session:
            return documents.document(session, document_id)

    def topics(self) -> Records:
        """Topics with their numbers of meetings and statements."""
        with self.sessions() as session:
            return Records(topics.topics(session))

    def occasions(self) -> Records:
        """Occasions with their numbers of meetings."""
        with self.sessions() as session:
            return Records(topics.occasions(session))

    def search(self, q: str, limit: int = 20) -> Records:
        """Documents, meetings and statements containing ``q``."""
        with self.sessions() as session:
            return Records(search.search(session, q, limit=limit))


#: SQLite's page cache per connection (KiB, as a negative cache_size) and the bytes of the file
#: it reads through a memory map (pages shared by every connection of every process, no copy
#: per read); the defaults, 2 MiB and none, make each query of a large store read its index
#: pages again
SQLITE_CACHE_KIB = 64 * 1024
SQLITE_MMAP_BYTES = 1 << 30


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # in WAL mode NORMAL loses no committed transaction on a crash of the process, only on a
    # power loss, and spares a sync per commit
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()
