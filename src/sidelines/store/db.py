"""Open a corpus database and write extractions into it, one transaction per document.

``Store.open()`` uses ``$SIDELINES_DB_URL`` or an embedded SQLite file ``./sidelines.db`` (in WAL
mode); any SQLAlchemy URL works (``postgresql+psycopg://...`` with the driver installed). Writing
is idempotent: a document already stored (same content hash) is skipped, so ingesting a corpus
twice, or again after an interrupted run, gives the same database as one clean run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Engine,
    bindparam,
    create_engine,
    event,
    exists,
    func,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, load_only, sessionmaker

from sidelines.errors import SidelinesError
from sidelines.kb import KnowledgeBase
from sidelines.settings import Settings
from sidelines.store import query
from sidelines.store.actors import identify, kb_spellings, key_rows, observe_role
from sidelines.store.schema import (
    ActorKeyRow,
    ActorRow,
    Base,
    DocumentRow,
    EvidenceRow,
    IngestErrorRow,
    MeetingRow,
    MeetingSourceRow,
    MeetingTopicRow,
    ParticipantRow,
    ReviewRow,
    RoleRow,
    SchemaMigration,
    StatementRow,
    StatementSpeakerRow,
    StatementTopicRow,
    TopicRow,
)
from sidelines.store.scope import meeting_scope
from sidelines.store.search import create_search_index, index_texts
from sidelines.store.tables import participant_rows
from sidelines.types import Evidence, Extraction, Meeting, Participant

DEFAULT_URL = "sqlite:///sidelines.db"
#: two reports of one meeting may date it a day apart (time zones, "yesterday")
SAME_MEETING_DAYS = 1


class Records(list[dict[str, Any]]):
    """Query results: a list of plain dicts, which ``to_pandas()`` turns into a DataFrame."""

    def participants(self) -> Records:
        """Meetings as their tidy table: one record per meeting and participant (principals,
        then companions; ``principal`` tells which), with the meeting's date, mode, place and
        occasion: ``corpus.meetings(...).participants().to_pandas()``."""
        if any("participants" not in record for record in self):
            raise SidelinesError("participants() tabulates meetings: corpus.meetings(...)")
        return Records(row for meeting in self for row in participant_rows(meeting))

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` with one row per record (nested lists and dicts kept as
        objects)."""
        try:
            import pandas
        except ImportError as err:
            raise SidelinesError(
                'to_pandas() needs pandas: pip install "sidelines[pandas]"'
            ) from err
        return pandas.DataFrame.from_records(list(self))


class StoreError(SidelinesError):
    """The database cannot be opened or written."""

    code = "E030"


def _actors_and_topics(connection: Any) -> None:
    """0002: actors, roles, statement speakers and topic tables, filled from the stored rows."""
    Base.metadata.create_all(connection)  # only the tables that are missing
    columns = {c["name"] for c in inspect(connection).get_columns("participants")}
    if "actor_key" not in columns:
        connection.execute(text("ALTER TABLE participants ADD COLUMN actor_key VARCHAR(160)"))
        connection.execute(
            text("CREATE INDEX ix_participants_actor_key ON participants (actor_key)")
        )
    with Session(bind=connection) as session:
        # only the columns of this version: later migrations add the others
        meetings = session.scalars(
            select(MeetingRow).options(load_only(MeetingRow.id, MeetingRow.date, MeetingRow.topics))
        ).all()
        for meeting in meetings:
            for row in meeting.participants:
                if row.actor_key is None:
                    party = Participant(name=row.name, actor_id=row.actor_id, country=row.country)
                    row.actor_key = identify(session, party)
                    observe_role(session, row.actor_key, row.role, meeting.date, None)
            _link_topics(session, MeetingTopicRow, "meeting_id", meeting.id, meeting.topics)
        for statement in session.scalars(select(StatementRow)).all():
            _link_speakers(
                session,
                statement.id,
                [
                    Participant(
                        name=s["name"], actor_id=s.get("actor_id"), country=s.get("country")
                    )
                    for s in statement.speakers
                ],
            )
            _link_topics(session, StatementTopicRow, "statement_id", statement.id, statement.topics)
        session.flush()
        session.commit()


def _actor_counts(connection: Any) -> None:
    """0004: each actor's numbers of meetings and statements, as columns."""
    columns = {c["name"] for c in inspect(connection).get_columns("actors")}
    for column in ("meetings", "statements"):
        if column not in columns:
            connection.execute(
                text(f"ALTER TABLE actors ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
            )
    indexes = {i["name"] for i in inspect(connection).get_indexes("actors")}
    if "ix_actors_meetings" not in indexes:
        connection.execute(text("CREATE INDEX ix_actors_meetings ON actors (meetings)"))
    recount_actors(connection)


def recount_actors(connection: Any) -> None:
    """Set every actor's meeting and statement counts from the participant and speaker rows."""
    meetings = (
        select(func.count(func.distinct(ParticipantRow.meeting_id)))
        .where(ParticipantRow.actor_key == ActorRow.id, ParticipantRow.accompanying.is_(False))
        .scalar_subquery()
    )
    statements = (
        select(func.count())
        .select_from(StatementSpeakerRow)
        .where(StatementSpeakerRow.actor_key == ActorRow.id)
        .scalar_subquery()
    )
    connection.execute(update(ActorRow).values(meetings=meetings, statements=statements))


def _columns(connection: Any, table: str) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns(table)}


def _index(connection: Any, table: str, column: str) -> None:
    """Index ``table.column`` as ``ix_<table>_<column>`` unless it is indexed already."""
    name = f"ix_{table}_{column}"
    if name not in {i["name"] for i in inspect(connection).get_indexes(table)}:
        connection.execute(text(f"CREATE INDEX {name} ON {table} ({column})"))


def _actor_spellings(connection: Any) -> None:
    """0006: every actor's aliases (the knowledge base's, for the actors it knows) and the
    lookup keys of all its spellings in ``actor_keys``."""
    Base.metadata.tables[ActorKeyRow.__tablename__].create(connection, checkfirst=True)
    have: dict[str, set[str]] = {}
    for actor_id, key in connection.execute(select(ActorKeyRow.actor_id, ActorKeyRow.key)):
        have.setdefault(actor_id, set()).add(key)
    for actor_id, name, aliases, in_kb in connection.execute(
        select(ActorRow.id, ActorRow.name, ActorRow.aliases, ActorRow.in_kb)
    ).all():
        spellings = [name, *(aliases or []), *(kb_spellings(actor_id) if in_kb else [])]
        others = [s for s in dict.fromkeys(spellings) if s and s != name]
        if others != (aliases or []):
            connection.execute(
                update(ActorRow).where(ActorRow.id == actor_id).values(aliases=others)
            )
        missing = {row["key"] for row in key_rows(actor_id, spellings)} - have.get(actor_id, set())
        if missing:
            connection.execute(
                Base.metadata.tables[ActorKeyRow.__tablename__].insert(),
                [{"key": key, "actor_id": actor_id} for key in sorted(missing)],
            )


#: meetings whose scope the 0007 migration computes per round trip
SCOPE_BATCH = 2_000


def _meeting_scope(connection: Any) -> None:
    """0007: each meeting's scope (international or domestic) and each actor's number of
    international meetings, as indexed columns; meetings.occasion indexed (its filter lists the
    distinct occasions first)."""
    if "scope" not in _columns(connection, "meetings"):
        connection.execute(text("ALTER TABLE meetings ADD COLUMN scope VARCHAR(16)"))
    _index(connection, "meetings", "scope")
    _index(connection, "meetings", "occasion")
    if "international" not in _columns(connection, "actors"):
        connection.execute(
            text("ALTER TABLE actors ADD COLUMN international INTEGER NOT NULL DEFAULT 0")
        )
    _index(connection, "actors", "international")
    last = ""
    while True:
        ids = list(
            connection.scalars(
                select(MeetingRow.id)
                .where(MeetingRow.id > last, MeetingRow.scope.is_(None))
                .order_by(MeetingRow.id)
                .limit(SCOPE_BATCH)
            )
        )
        if not ids:
            break
        principals: dict[str, list[Any]] = {i: [] for i in ids}
        for party in connection.execute(
            select(
                ParticipantRow.meeting_id, ParticipantRow.country, ParticipantRow.actor_id
            ).where(ParticipantRow.meeting_id.in_(ids), ParticipantRow.accompanying.is_(False))
        ):
            principals[party.meeting_id].append(party)
        for scope in ("international", "domestic"):
            chosen = [i for i in ids if meeting_scope(principals[i]) == scope]
            if chosen:
                connection.execute(
                    update(MeetingRow).where(MeetingRow.id.in_(chosen)).values(scope=scope)
                )
        last = ids[-1]
    recount_international(connection)


def _scope_date_index(connection: Any) -> None:
    """0008: meetings indexed by (scope, date): a page of the rare scope, newest first."""
    if "ix_meetings_scope_date" not in {
        i["name"] for i in inspect(connection).get_indexes("meetings")
    }:
        connection.execute(text("CREATE INDEX ix_meetings_scope_date ON meetings (scope, date)"))


def recount_international(connection: Any) -> None:
    """Set every actor's number of international meetings from the participant rows (one
    grouped scan: a per-actor subquery may walk every international meeting for each actor)."""
    counts = connection.execute(
        select(ParticipantRow.actor_key, func.count(func.distinct(ParticipantRow.meeting_id)))
        .join(MeetingRow, MeetingRow.id == ParticipantRow.meeting_id)
        .where(
            ParticipantRow.actor_key.is_not(None),
            ParticipantRow.accompanying.is_(False),
            MeetingRow.scope == "international",
        )
        .group_by(ParticipantRow.actor_key)
    ).all()
    connection.execute(update(ActorRow).values(international=0))
    table = Base.metadata.tables[ActorRow.__tablename__]
    if counts:
        connection.execute(
            table.update()
            .where(table.c.id == bindparam("key"))
            .values(international=bindparam("n")),
            [{"key": key, "n": int(n)} for key, n in counts],
        )


#: named schema changes, applied in order, each once
MIGRATIONS: list[tuple[str, Callable[[Any], None]]] = [
    ("0001_initial", lambda connection: Base.metadata.create_all(connection)),
    ("0002_actors_roles_topics", _actors_and_topics),
    (
        "0003_reviews",
        lambda connection: Base.metadata.tables[ReviewRow.__tablename__].create(
            connection, checkfirst=True
        ),
    ),
    ("0004_actor_counts", _actor_counts),
    ("0005_search_index", create_search_index),
    ("0006_actor_spellings", _actor_spellings),
    ("0007_meeting_scope", _meeting_scope),
    ("0008_meeting_scope_date", _scope_date_index),
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
        url = url or Settings.load().db_url or DEFAULT_URL
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
            meeting_dates = {m.id: m.date for m in extraction.meetings}
            for meeting in extraction.meetings:
                parties = [*meeting.participants, *meeting.accompanying]
                keys = [identify(session, party) for party in parties]
                row = _same_meeting(session, meeting, doc.id) or _new_meeting(
                    session, meeting, keys
                )
                if row.id not in meeting_ids.values():  # two reports in one document: one source
                    session.add(MeetingSourceRow(meeting_id=row.id, document_id=doc.id))
                meeting_ids[meeting.id] = row.id
                for party, key in zip(parties, keys, strict=True):
                    observe_role(session, key, party.role, meeting.date, doc.id)
                _link_topics(session, MeetingTopicRow, "meeting_id", row.id, meeting.topics)
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
                        # an undated page's statement is dated by the meeting it was made at
                        date=doc.published or meeting_dates.get(statement.meeting_id or ""),
                    )
                )
                session.flush()
                session.add_all(
                    _evidence_rows(doc.id, statement.evidence, statement_id=statement.id)
                )
                _link_speakers(session, statement.id, statement.speakers)
                _link_topics(
                    session, StatementTopicRow, "statement_id", statement.id, statement.topics
                )
            index_texts(
                session,
                [("document", doc.id, doc.title or "", doc.text)]
                + [
                    ("statement", st.id, " | ".join(p.name for p in st.speakers), st.text)
                    for st in extraction.statements
                ]
                + [
                    (
                        "meeting",
                        meeting_ids[m.id],
                        " | ".join(p.name for p in [*m.participants, *m.accompanying]),
                        f"{m.place or ''} {m.occasion or ''}",
                    )
                    for m in extraction.meetings
                ],
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
            return {
                name: int(session.scalar(select(func.count()).select_from(model)) or 0)
                for name, model in tables.items()
            }

    def _read(self, _query: str, /, *args: Any, **kwargs: Any) -> Any:
        with self.sessions() as session:
            return getattr(query, _query)(session, *args, **kwargs)

    def meetings(self, **filters: Any) -> Records:
        """Meetings matching the filters of :func:`sidelines.store.query.meetings`."""
        return Records(self._read("meetings", **filters))

    def count_meetings(self, **filters: Any) -> int:
        """How many meetings match (the filters of :meth:`meetings`)."""
        return int(self._read("count_meetings", **filters))

    def meeting(self, meeting_id: str) -> dict[str, Any] | None:
        """One meeting with its statements, source documents and evidence."""
        found: dict[str, Any] | None = self._read("meeting", meeting_id)
        return found

    def statement(self, statement_id: str) -> dict[str, Any] | None:
        """One statement with its evidence."""
        found: dict[str, Any] | None = self._read("statement", statement_id)
        return found

    def statements(self, **filters: Any) -> Records:
        """Statements matching the filters of :func:`sidelines.store.query.statements`."""
        return Records(self._read("statements", **filters))

    def count_statements(self, **filters: Any) -> int:
        """How many statements match (the filters of :meth:`statements`)."""
        return int(self._read("count_statements", **filters))

    def actors(self, **filters: Any) -> Records:
        """Actors (``country``, ``name``, ``scope``, ``limit``, ``offset``), busiest first."""
        return Records(self._read("actors", **filters))

    def count_actors(self, **filters: Any) -> int:
        """How many actors match (``country``, ``name``, ``scope``)."""
        return int(self._read("count_actors", **filters))

    def actor(self, name_or_id: str) -> dict[str, Any] | None:
        """An actor's roles, counterparts, topics, latest meetings and statements."""
        found: dict[str, Any] | None = self._read("actor", name_or_id, kb=KnowledgeBase.default())
        return found

    def documents(self, **filters: Any) -> Records:
        """Documents without their text (``limit``, ``offset``), newest first."""
        return Records(self._read("documents", **filters))

    def count_documents(self) -> int:
        """How many documents are stored."""
        return int(self._read("count_documents"))

    def document(self, document_id: str) -> dict[str, Any] | None:
        """One document with its text, sections, facts and evidence spans."""
        found: dict[str, Any] | None = self._read("document", document_id)
        return found

    def topics(self) -> Records:
        """Topics with their numbers of meetings and statements."""
        return Records(self._read("topics"))

    def occasions(self) -> Records:
        """Occasions with their numbers of meetings."""
        return Records(self._read("occasions"))

    def search(self, q: str, limit: int = 20) -> Records:
        """Documents, meetings and statements containing ``q``."""
        return Records(self._read("search", q, limit=limit))


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
    return " | ".join(sorted(p.key for p in meeting.participants))


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


def _new_meeting(session: Session, meeting: Meeting, keys: list[str]) -> MeetingRow:
    """A meeting row with its participants then companions, ``keys`` their corpus actors."""
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
        scope=meeting_scope(meeting.participants),
        party_key=_party_key(meeting),
    )
    companions = [(p, False) for p in meeting.participants] + [
        (p, True) for p in meeting.accompanying
    ]
    for (party, accompanying), key in zip(companions, keys, strict=True):
        row.participants.append(
            ParticipantRow(
                name=party.name,
                actor_id=party.actor_id,
                country=party.country,
                role=party.role,
                side=party.side,
                accompanying=accompanying,
                actor_key=key,
            )
        )
    session.add(row)
    session.flush()
    principals = {p.actor_key for p in row.participants if not p.accompanying and p.actor_key}
    for key in principals:
        counts = _counted(session, key)
        counts.meetings += 1
        if row.scope == "international":
            counts.international += 1
    return row


def _counted(session: Session, key: str) -> ActorRow:
    row = session.get(ActorRow, key)
    if row is None:  # identify() made it in this session
        raise StoreError(f"actor {key!r} vanished while writing")
    return row


def _link_speakers(session: Session, statement_id: str, speakers: list[Participant]) -> None:
    for key in dict.fromkeys(identify(session, party) for party in speakers):
        if session.get(StatementSpeakerRow, (statement_id, key)) is None:
            session.add(StatementSpeakerRow(statement_id=statement_id, actor_key=key))
            _counted(session, key).statements += 1


def _link_topics(
    session: Session, model: Any, column: str, fact_id: str, topics: list[str]
) -> None:
    for topic in dict.fromkeys(topics):
        if session.get(TopicRow, topic) is None:
            session.add(TopicRow(name=topic))
            session.flush()
        if session.get(model, (fact_id, topic)) is None:
            session.add(model(**{column: fact_id, "topic": topic}))
