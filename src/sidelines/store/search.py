"""Full-text search over documents and statements, with the database's own text index.

SQLite keeps an FTS5 table (``search_index``) written in the same transaction as the rows it
indexes; PostgreSQL uses GIN indexes over ``to_tsvector`` of the same columns. Words are
matched, case- and accent-insensitively, all of them (``Lavrov Astana`` finds texts with both);
ranking is the index's own. Where neither is available the caller falls back to a substring scan.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

__all__ = ["create_search_index", "index_texts", "search_ids"]

FTS_TABLE = "search_index"
#: PostgreSQL text-search configuration: no stemming, so names match as written
PG_CONFIG = "simple"


def create_search_index(connection: Any) -> None:
    """Create the index (and fill it from the stored rows) when the database supports one."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        try:
            connection.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                    "kind UNINDEXED, ref UNINDEXED, title, body, "
                    "tokenize='unicode61 remove_diacritics 2')"
                )
            )
        except Exception:  # an SQLite built without FTS5: search scans instead
            return
        connection.execute(text(f"DELETE FROM {FTS_TABLE}"))
        connection.execute(
            text(
                f"INSERT INTO {FTS_TABLE} (kind, ref, title, body) "
                "SELECT 'document', id, coalesce(title, ''), text FROM documents"
            )
        )
        connection.execute(
            text(
                f"INSERT INTO {FTS_TABLE} (kind, ref, title, body) "
                "SELECT 'statement', id, speaker_names, text FROM statements"
            )
        )
        connection.execute(
            text(
                f"INSERT INTO {FTS_TABLE} (kind, ref, title, body) "
                "SELECT 'meeting', m.id, coalesce((SELECT group_concat(p.name, ' | ') "
                "FROM participants p WHERE p.meeting_id = m.id), ''), "
                "coalesce(m.place, '') || ' ' || coalesce(m.occasion, '') FROM meetings m"
            )
        )
    elif dialect == "postgresql":
        for table, title in (("documents", "title"), ("statements", "speaker_names")):
            connection.execute(
                text(
                    f"CREATE INDEX IF NOT EXISTS ix_{table}_fulltext ON {table} USING gin "
                    f"(to_tsvector('{PG_CONFIG}', coalesce({title}, '') || ' ' || text))"
                )
            )


def _has_fts(session: Session) -> bool:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": FTS_TABLE},
    ).first()
    return found is not None


def index_texts(session: Session, rows: list[tuple[str, str, str, str]]) -> None:
    """Add ``(kind, ref, title, body)`` rows to the SQLite index (PostgreSQL indexes itself)."""
    if rows and _has_fts(session):
        session.execute(
            text(f"INSERT INTO {FTS_TABLE} (kind, ref, title, body) VALUES (:k, :r, :t, :b)"),
            [{"k": k, "r": r, "t": t, "b": b} for k, r, t, b in rows],
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
        rows = session.execute(
            text(
                f"SELECT ref FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m AND kind = :k "
                "ORDER BY rank LIMIT :n"
            ),
            {"m": _match_expression(q), "k": kind, "n": limit},
        )
        return [str(r[0]) for r in rows]
    if dialect == "postgresql":
        table, title = (
            ("documents", "title") if kind == "document" else ("statements", "speaker_names")
        )
        # the same expression as the index, written out, so the planner uses the index
        vector = f"to_tsvector('{PG_CONFIG}', coalesce({title}, '') || ' ' || text)"
        query = f"plainto_tsquery('{PG_CONFIG}', :q)"
        rows = session.execute(
            text(
                f"SELECT id FROM {table} WHERE {vector} @@ {query} "
                f"ORDER BY ts_rank({vector}, {query}) DESC, id LIMIT :n"
            ),
            {"q": q, "n": limit},
        )
        return [str(r[0]) for r in rows]
    return None
