"""Open a corpus database and write extractions into it, one transaction per document.

``Store.open()`` uses ``$SIDELINES_DB_URL`` or an embedded SQLite file ``./sidelines.db`` (in WAL
mode); any SQLAlchemy URL works (``postgresql+psycopg://...`` with the driver installed). Writing
is idempotent: a document already stored (same content hash) is skipped, so ingesting a corpus
twice, or again after an interrupted run, gives the same database as one clean run.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, exists, inspect, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from sidelines.errors import SidelinesError
from sidelines.resolve import party_key
from sidelines.store.schema import (
    Base,
    DocumentRow,
    EvidenceRow,
    IngestErrorRow,
    MeetingRow,
    MeetingSourceRow,
    ParticipantRow,
    ReviewRow,
    SchemaMigration,
    StatementRow,
)
from sidelines.types import Evidence, Extraction, Meeting

DEFAULT_URL = "sqlite:///sidelines.db"
#: two reports of one meeting may date it a day apart (time zones, "yesterday")
SAME_MEETING_DAYS = 1


class StoreError(SidelinesError):
    """The database cannot be opened or written."""

    code = "E030"


#: named schema changes, applied in order, each once
MIGRATIONS: list[tuple[str, Callable[[Any], None]]] = [
    ("0001_initial", lambda connection: Base.metadata.create_all(connection)),
    ("0003_reviews", lambda connection: ReviewRow.__table__.create(connection, checkfirst=True)),
]


class Store:
    """A corpus database: write extractions, query meetings and statements."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.migrate()

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating and migrating when needed) the database at ``url``."""
        url = url or os.environ.get("SIDELINES_DB_URL") or DEFAULT_URL
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as err:
            raise StoreError(f"cannot open database {url!r}: {err}") from err
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            return cls(engine)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot open database {url!r}: {err}") from err

    def migrate(self) -> list[str]:
        """Apply the schema changes not applied yet; return their names."""
        applied: list[str] = []
        table = Base.metadata.tables[SchemaMigration.__tablename__]
        with self.engine.begin() as connection:
            table.create(connection, checkfirst=True)
        for name, change in MIGRATIONS:
            try:
                with self.engine.begin() as connection:
                    done = connection.execute(
                        select(SchemaMigration.name).where(SchemaMigration.name == name)
                    ).first()
                    if done is not None:
                        continue
                    change(connection)
                    connection.execute(
                        table.insert().values(name=name, applied_at=dt.datetime.now(dt.UTC))
                    )
                    applied.append(name)
            except IntegrityError:
                continue  # another process applied it at the same moment
        return applied

    def tables(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        with self.sessions() as session, session.begin():
            yield session

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
            return self._save(extraction)
        except SQLAlchemyError as err:
            name = extraction.document.path or extraction.document.url or extraction.document.id
            raise StoreError(
                f"{name}: not stored: {err.__class__.__name__}: {err.orig if hasattr(err, 'orig') else err}"
            ) from err

    def _save(self, extraction: Extraction) -> bool:
        doc = extraction.document
        with self.session() as session:
            if session.get(DocumentRow, doc.id) is not None:
                return False
            session.add(_document_row(extraction))
            session.flush()
            meeting_ids: dict[str, str] = {}
            for meeting in extraction.meetings:
                row = _same_meeting(session, meeting, doc.id) or _new_meeting(session, meeting)
                if row.id not in meeting_ids.values():  # two reports in one document: one source
                    session.add(MeetingSourceRow(meeting_id=row.id, document_id=doc.id))
                meeting_ids[meeting.id] = row.id
                session.add_all(_evidence_rows(doc.id, meeting.evidence, meeting_id=row.id))
            for statement in extraction.statements:
                session.add(
                    StatementRow(
                        id=statement.id,
                        document_id=doc.id,
                        meeting_id=meeting_ids.get(statement.meeting_id or ""),
                        speakers=[
                            {"name": p.name, "actor_id": p.actor_id, "country": p.country}
                            for p in statement.speakers
                        ],
                        speaker_names=" | ".join(p.name for p in statement.speakers),
                        speaker_countries=" | ".join(p.country or "" for p in statement.speakers),
                        cue=statement.cue,
                        text=statement.text,
                        topics=list(statement.topics),
                        cameo=statement.cameo,
                        plover=statement.plover,
                        date=doc.published,
                    )
                )
                session.flush()
                session.add_all(
                    _evidence_rows(doc.id, statement.evidence, statement_id=statement.id)
                )
        return True

    def record_error(self, item: str, code: str, message: str) -> None:
        """Record why ``item`` could not be ingested (once: a rerun adds no second row)."""
        with self.session() as session:
            known = session.scalars(
                select(IngestErrorRow.id).where(
                    IngestErrorRow.item == item,
                    IngestErrorRow.code == code,
                    IngestErrorRow.message == message,
                )
            ).first()
            if known is None:
                session.add(IngestErrorRow(item=item, code=code, message=message))

    # --- reading --------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table (documents, meetings, sources, statements, evidence, errors)."""
        from sqlalchemy import func

        tables = {
            "documents": DocumentRow,
            "meetings": MeetingRow,
            "meeting_sources": MeetingSourceRow,
            "participants": ParticipantRow,
            "statements": StatementRow,
            "evidence": EvidenceRow,
            "ingest_errors": IngestErrorRow,
        }
        with self.sessions() as session:
            return {
                name: int(session.scalar(select(func.count()).select_from(model)) or 0)
                for name, model in tables.items()
            }

    def meetings(self, **filters: Any) -> list[dict[str, Any]]:
        """Meetings matching the filters of :func:`sidelines.store.query.meetings`."""
        from sidelines.store.query import meetings

        with self.sessions() as session:
            return meetings(session, **filters)

    def statements(self, **filters: Any) -> list[dict[str, Any]]:
        """Statements matching the filters of :func:`sidelines.store.query.statements`."""
        from sidelines.store.query import statements

        with self.sessions() as session:
            return statements(session, **filters)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _evidence_rows(
    document_id: str,
    evidence: list[Evidence],
    meeting_id: str | None = None,
    statement_id: str | None = None,
) -> list[EvidenceRow]:
    return [
        EvidenceRow(
            document_id=document_id,
            meeting_id=meeting_id,
            statement_id=statement_id,
            start=ev.start,
            end=ev.end,
            text=ev.text,
        )
        for ev in evidence
    ]


def _document_row(extraction: Extraction) -> DocumentRow:
    doc = extraction.document
    return DocumentRow(
        id=doc.id,
        path=doc.path,
        url=doc.url,
        title=doc.title,
        published=doc.published,
        publisher=doc.publisher,
        original_source=doc.original_source,
        location=doc.location,
        language=doc.language,
        text=doc.text,
        sections=[{"kind": s.kind, "start": s.start, "end": s.end} for s in doc.sections],
    )


def _party_key(meeting: Meeting) -> str:
    return " | ".join(sorted(p.actor_id or party_key(p) for p in meeting.participants))


def _same_meeting(session: Session, meeting: Meeting, document_id: str) -> MeetingRow | None:
    """A stored meeting another document already reported: same principals and status,
    dates at most a day apart, the same mode (cross-document identity). Two meetings one
    document tells apart stay apart."""
    if meeting.date is None:
        return None
    day = dt.date.fromisoformat(meeting.date)
    window = [
        (day + dt.timedelta(days=d)).isoformat()
        for d in range(-SAME_MEETING_DAYS, SAME_MEETING_DAYS + 1)
    ]
    found = session.scalars(
        select(MeetingRow).where(
            MeetingRow.party_key == _party_key(meeting),
            MeetingRow.status == meeting.status,
            MeetingRow.date.in_(window),
            ~exists().where(
                MeetingSourceRow.meeting_id == MeetingRow.id,
                MeetingSourceRow.document_id == document_id,
            ),
        )
    ).first()
    if found is None or found.mode != meeting.mode:
        return None
    for attr in ("place", "country", "occasion"):
        if getattr(found, attr) is None and getattr(meeting, attr) is not None:
            setattr(found, attr, getattr(meeting, attr))
    found.topics = list(dict.fromkeys([*found.topics, *meeting.topics]))
    return found


def _new_meeting(session: Session, meeting: Meeting) -> MeetingRow:
    row = MeetingRow(
        id=meeting.id,
        status=meeting.status,
        mode=meeting.mode,
        date=meeting.date,
        place=meeting.place,
        country=meeting.country,
        occasion=meeting.occasion,
        topics=list(meeting.topics),
        cameo=meeting.cameo,
        plover=meeting.plover,
        party_key=_party_key(meeting),
    )
    companions = [(p, False) for p in meeting.participants] + [
        (p, True) for p in meeting.accompanying
    ]
    for party, accompanying in companions:
        row.participants.append(
            ParticipantRow(
                name=party.name,
                actor_id=party.actor_id,
                country=party.country,
                role=party.role,
                side=party.side,
                accompanying=accompanying,
            )
        )
    session.add(row)
    session.flush()
    return row
