"""Named schema changes, applied in order, each once (safe to run twice): each migration
brings a database of the version before it to the current tables, columns and indexes, and
fills what it adds from the stored rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, bindparam, func, inspect, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, load_only

from sidelines.kb import KnowledgeBase
from sidelines.store import aggregates
from sidelines.store.actors import identify, kb_spellings, key_rows, observe_role
from sidelines.store.filters import KB_INFO, store_kb
from sidelines.store.schema import (
    QUERY_INDEXES,
    ActorKeyRow,
    ActorRow,
    Base,
    MeetingCountryRow,
    MeetingRow,
    MeetingTopicRow,
    ParticipantRow,
    ReviewRow,
    SchemaMigration,
    StatementRow,
    StatementSpeakerRow,
    StatementTopicRow,
    StoreVersionRow,
)
from sidelines.store.scope import meeting_scope
from sidelines.store.search import (
    create_meeting_text_index,
    create_search_index,
    split_search_index,
)
from sidelines.store.totals import bump
from sidelines.store.write import link_speakers, link_topics
from sidelines.types import Participant

__all__ = ["MIGRATIONS", "migrate", "recount_actors", "recount_international"]


def _actors_and_topics(connection: Any) -> None:
    """0002: actors, roles, statement speakers and topic tables, filled from the stored rows."""
    Base.metadata.create_all(connection)  # only the tables that are missing
    columns = {c["name"] for c in inspect(connection).get_columns("participants")}
    if "actor_key" not in columns:
        connection.execute(text("ALTER TABLE participants ADD COLUMN actor_key VARCHAR(160)"))
        connection.execute(
            text("CREATE INDEX ix_participants_actor_key ON participants (actor_key)")
        )
    with Session(bind=connection, info=dict(connection.info)) as session:
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
            link_topics(session, MeetingTopicRow, "meeting_id", meeting.id, meeting.topics)
        for statement in session.scalars(select(StatementRow)).all():
            link_speakers(
                session,
                statement.id,
                [
                    Participant(
                        name=s["name"], actor_id=s.get("actor_id"), country=s.get("country")
                    )
                    for s in statement.speakers
                ],
            )
            link_topics(session, StatementTopicRow, "statement_id", statement.id, statement.topics)
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
    """Set every actor's meeting and statement counts from the participant and speaker rows
    (grouped scans: a per-actor subquery walks all speakers for each actor)."""
    meetings = connection.execute(
        select(ParticipantRow.actor_key, func.count(func.distinct(ParticipantRow.meeting_id)))
        .where(ParticipantRow.actor_key.is_not(None), ParticipantRow.accompanying.is_(False))
        .group_by(ParticipantRow.actor_key)
    ).all()
    statements = connection.execute(
        select(StatementSpeakerRow.actor_key, func.count()).group_by(StatementSpeakerRow.actor_key)
    ).all()
    connection.execute(update(ActorRow).values(meetings=0, statements=0))
    _set_counts(connection, "meetings", meetings)
    _set_counts(connection, "statements", statements)


def _set_counts(connection: Any, column: str, counts: list[Any]) -> None:
    """Set ``actors.<column>`` of each ``(actor id, n)`` of ``counts``."""
    table = Base.metadata.tables[ActorRow.__tablename__]
    if counts:
        connection.execute(
            table.update().where(table.c.id == bindparam("key")).values({column: bindparam("n")}),
            [{"key": key, "n": int(n)} for key, n in counts],
        )


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
        spellings = [
            name,
            *(aliases or []),
            *(kb_spellings(actor_id, store_kb(connection)) if in_kb else []),
        ]
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
    _set_counts(connection, "international", counts)


#: the tables read newest first, and their date column
NEWEST_FIRST = (("meetings", "date"), ("statements", "date"), ("documents", "published"))


def _aggregates(connection: Any) -> None:
    """0009: the counts kept on write (:mod:`sidelines.store.aggregates`: topics, occasions,
    actors' counterparts and topics) built from the stored rows, the store's version, and the
    indexes of :data:`~sidelines.store.schema.QUERY_INDEXES` and a newest-first one per list."""
    for model in (*aggregates.COUNTS, StoreVersionRow):
        Base.metadata.tables[model.__tablename__].create(connection, checkfirst=True)
    for index in QUERY_INDEXES:
        index.create(connection, checkfirst=True)
    # newest first, undated last, then by id: the order of a page, so a page is a walk of the
    # index (PostgreSQL cannot walk an ascending index for DESC NULLS LAST)
    order = "DESC NULLS LAST" if connection.dialect.name == "postgresql" else "DESC"
    for table, date in NEWEST_FIRST:
        connection.execute(
            text(f"CREATE INDEX IF NOT EXISTS ix_{table}_newest ON {table} ({date} {order}, id)")
        )
    aggregates.rebuild(connection, aggregates.COUNTS)  # 0011 builds the countries, 0013 totals


def _meeting_countries(connection: Any) -> None:
    """0011: the meetings' countries kept with their dates
    (:class:`~sidelines.store.schema.MeetingCountryRow`), and the index a page of one
    country's meetings walks: by country, newest first, undated last, then by meeting."""
    Base.metadata.tables[MeetingCountryRow.__tablename__].create(connection, checkfirst=True)
    aggregates.rebuild_countries(connection)
    order = "DESC NULLS LAST" if connection.dialect.name == "postgresql" else "DESC"
    connection.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_meeting_countries_newest"
            f" ON meeting_countries (country, date {order}, meeting_id)"
        )
    )


def _scope_newest_index(connection: Any) -> None:
    """0012: meetings indexed by scope in the order of a page (newest first, undated last, then
    by id), in place of 0008's (scope, date): the page of the rarer scope is then a walk of
    that index whatever the planner's statistics say (SQLite's know only that a scope holds
    half the meetings on average, and chose to walk every meeting newest first instead)."""
    order = "DESC NULLS LAST" if connection.dialect.name == "postgresql" else "DESC"
    connection.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_meetings_scope_newest"
            f" ON meetings (scope, date {order}, id)"
        )
    )
    connection.execute(text("DROP INDEX IF EXISTS ix_meetings_scope_date"))


def _list_totals(connection: Any) -> None:
    """0013: the totals of the lists kept on write (:data:`~sidelines.store.aggregates.TOTALS`:
    every meeting, an actor's, a country's, an occasion's, a scope's, a topic's, per status;
    every statement, a speaker's, a topic's), so the first count after a write is as quick as
    the next."""
    for model in aggregates.TOTALS:
        Base.metadata.tables[model.__tablename__].create(connection, checkfirst=True)
    aggregates.rebuild(connection, aggregates.TOTALS)


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
    ("0009_aggregates", _aggregates),
    ("0010_search_index_per_kind", split_search_index),
    ("0011_meeting_countries", _meeting_countries),
    ("0012_meeting_scope_newest", _scope_newest_index),
    ("0013_list_totals", _list_totals),
    ("0014_meeting_text_index", create_meeting_text_index),
]


def migrate(engine: Engine, kb: KnowledgeBase | None = None) -> list[str]:
    """Apply the schema changes not applied yet; return their names. ``kb`` is the Store's
    knowledge base (actors it knows get its spellings)."""
    applied: list[str] = []
    table = Base.metadata.tables[SchemaMigration.__tablename__]
    with engine.begin() as connection:
        table.create(connection, checkfirst=True)
    for name, change in MIGRATIONS:
        try:
            with engine.begin() as connection:
                if kb is not None:
                    connection.info[KB_INFO] = kb
                done = connection.execute(
                    select(SchemaMigration.name).where(SchemaMigration.name == name)
                ).first()
                if done is not None:
                    continue
                change(connection)
                connection.execute(
                    table.insert().values(name=name, applied_at=dt.datetime.now(dt.UTC))
                )
                if name >= "0009":  # from then on the store has a version to raise
                    bump(connection)
                applied.append(name)
        except IntegrityError:
            continue  # another process applied it at the same moment
    return applied
