"""Full-text search over documents and statements, with the database's own text index.

SQLite keeps an FTS5 table per kind (``search_document``, ``search_meeting``,
``search_statement``) written in the same transaction as the rows it indexes; PostgreSQL uses GIN
indexes over ``to_tsvector`` of the same columns. Words are matched, case- and
accent-insensitively, all of them (``Lavrov Astana`` finds texts with both). Only the top
matches are ranked, by the index's own ranking: :data:`RANKED` matches of a kind (SQLite's most
recently indexed, PostgreSQL's first found), as a word in a hundred thousand texts would
otherwise rank them all to show twenty. PostgreSQL finds meetings by a substring of their
occasion or place through trigram indexes (``pg_trgm``) and by participant through the actors'
spellings. Where no index is available the caller falls back to a substring scan.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

__all__ = [
    "RANKED",
    "create_meeting_text_index",
    "create_search_index",
    "index_texts",
    "search_ids",
    "split_search_index",
]

#: the SQLite index of each kind of text
FTS_TABLES = {kind: f"search_{kind}" for kind in ("document", "meeting", "statement")}
#: the table of the 0005 migration, with the kinds in one column (what 0010 splits)
SHARED_FTS_TABLE = "search_index"
#: how many matches of a kind are ranked, at most
RANKED = 1_000
#: what each SQLite index holds, as (ref, title, body) of the stored rows
_INDEXED = {
    "document": "SELECT id, coalesce(title, ''), text FROM documents",
    "statement": "SELECT id, speaker_names, text FROM statements",
    "meeting": "SELECT m.id, coalesce((SELECT group_concat(p.name, ' | ') FROM participants p "
    "WHERE p.meeting_id = m.id), ''), coalesce(m.place, '') || ' ' || coalesce(m.occasion, '') "
    "FROM meetings m",
}
#: PostgreSQL text-search configuration: no stemming, so names match as written
PG_CONFIG = "simple"


def _create_fts(connection: Any) -> bool:
    """Create the SQLite tables (empty when new); False on an SQLite built without FTS5."""
    try:
        for table in FTS_TABLES.values():
            connection.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5("
                    "ref UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
                )
            )
    except Exception:  # an SQLite built without FTS5: search scans instead
        return False
    return True


def create_search_index(connection: Any) -> None:
    """Create the index (and fill it from the stored rows) when the database supports one."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        if not _create_fts(connection):
            return
        for kind, table in FTS_TABLES.items():
            connection.execute(text(f"DELETE FROM {table}"))
            connection.execute(text(f"INSERT INTO {table} (ref, title, body) {_INDEXED[kind]}"))
    elif dialect == "postgresql":
        for table, title in (("documents", "title"), ("statements", "speaker_names")):
            connection.execute(
                text(
                    f"CREATE INDEX IF NOT EXISTS ix_{table}_fulltext ON {table} USING gin "
                    f"(to_tsvector('{PG_CONFIG}', coalesce({title}, '') || ' ' || text))"
                )
            )


#: the meeting columns a search matches by substring on PostgreSQL, each with a trigram index
MEETING_TEXT = ("occasion", "place")


def create_meeting_text_index(connection: Any) -> None:
    """0014: on PostgreSQL, trigram (``pg_trgm``) GIN indexes of the meetings' occasion and
    place, so the substring match a meeting search makes there (``ILIKE '%word%'``) is an index
    lookup, not a walk over every meeting; nothing elsewhere (SQLite's meetings have their FTS5
    table). Where the extension cannot be created (not installed, no right to) the search
    scans, as before."""
    if connection.dialect.name != "postgresql":
        return
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception:  # no pg_trgm here: the search scans
        return
    for column in MEETING_TEXT:
        connection.execute(
            text(
                f"CREATE INDEX IF NOT EXISTS ix_meetings_{column}_trigram ON meetings "
                f"USING gin ({column} gin_trgm_ops)"
            )
        )


def split_search_index(connection: Any) -> None:
    """0010: the SQLite index of the 0005 migration, one table for every kind, becomes a table
    per kind (a search of one kind no longer walks the matches of the others)."""
    if connection.dialect.name != "sqlite":
        return
    shared = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": SHARED_FTS_TABLE},
    ).first()
    if not _create_fts(connection):
        return
    for kind, table in FTS_TABLES.items():
        connection.execute(text(f"DELETE FROM {table}"))
        source = (
            f"SELECT ref, title, body FROM {SHARED_FTS_TABLE} WHERE kind = '{kind}'"
            if shared
            else _INDEXED[kind]
        )
        connection.execute(text(f"INSERT INTO {table} (ref, title, body) {source}"))
    connection.execute(text(f"DROP TABLE IF EXISTS {SHARED_FTS_TABLE}"))


def _has_fts(session: Session) -> bool:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": FTS_TABLES["document"]},
    ).first()
    return found is not None


def index_texts(session: Session, rows: list[tuple[str, str, str, str]]) -> None:
    """Add ``(kind, ref, title, body)`` rows to the SQLite index (PostgreSQL indexes itself)."""
    if rows and _has_fts(session):
        for kind, table in FTS_TABLES.items():
            values = [{"r": r, "t": t, "b": b} for k, r, t, b in rows if k == kind]
            if values:
                session.execute(
                    text(f"INSERT INTO {table} (ref, title, body) VALUES (:r, :t, :b)"), values
                )


def _match_expression(q: str) -> str:
    """Every word of ``q`` as a quoted FTS5 term (so no user text is read as query syntax)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in q.split())


def search_ids(session: Session, kind: str, q: str, limit: int) -> list[str] | None:
    """Ids of the documents, statements or meetings (``kind``; a meeting by its participants'
    names, place and occasion) matching every word of ``q``, best first; None when the database
    has no text index for them (the caller scans instead)."""
    dialect = session.get_bind().dialect.name
    if kind == "meeting" and dialect != "sqlite":
        return None
    if dialect == "sqlite":
        if not _has_fts(session):
            return None
        table = FTS_TABLES[kind]
        # the newest RANKED matches, by the index's own order; only those are ranked
        rows = session.execute(
            text(
                f"SELECT ref FROM (SELECT ref, rank, rowid AS i FROM {table} WHERE {table} "
                "MATCH :m ORDER BY rowid DESC LIMIT :ranked) ORDER BY rank, i LIMIT :n"
            ),
            {"m": _match_expression(q), "ranked": RANKED, "n": limit},
        )
        return [str(r[0]) for r in rows]
    if dialect == "postgresql":
        table, title = (
            ("documents", "title") if kind == "document" else ("statements", "speaker_names")
        )
        # the same expression as the index, written out, so the planner uses the index
        vector = f"to_tsvector('{PG_CONFIG}', coalesce({title}, '') || ' ' || text)"
        query = f"plainto_tsquery('{PG_CONFIG}', :q)"
        # the first RANKED matches the index yields; only those are ranked
        rows = session.execute(
            text(
                f"SELECT id FROM (SELECT id, {vector} AS v FROM {table} WHERE {vector} @@ {query} "
                f"LIMIT :ranked) AS found ORDER BY ts_rank(v, {query}) DESC, id LIMIT :n"
            ),
            {"q": q, "n": limit, "ranked": RANKED},
        )
        return [str(r[0]) for r in rows]
    return None
