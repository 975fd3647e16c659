"""Flat tables of the corpus for analysis tools: meetings, statements, and the tidy table of
meeting participants, as CSV (text, read back with ``dtype=str``) and Parquet (typed).

One schema per table (:data:`TABLES`): a column is ``text``, ``date`` (ISO in CSV, a date in
Parquet), ``int``, ``bool``, ``list`` (joined with ``"; "`` in CSV, a list of strings in Parquet)
or ``parties`` (the names in CSV, a list of structs in Parquet). Rows come sorted by date, then
id: a record the text does not date sorts by the earliest publication of its sources, and one
with neither comes last. Sorting spills runs of rows to temporary files, so memory stays flat
however large the export.
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sidelines.export.files import atomic_path
from sidelines.pairing import meeting_dyads, sides
from sidelines.store.keys import actor_key

__all__ = [
    "TABLES",
    "evidence_sentence",
    "meeting_row",
    "sorted_by_date",
    "statement_row",
    "write_csv",
    "write_parquet",
]

#: table -> (column, type) in order
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "meetings": (
        ("id", "text"), ("date", "date"), ("first_published", "date"), ("status", "text"),
        ("mode", "text"), ("place", "text"), ("country", "text"), ("occasion", "text"),
        ("participants", "parties"),
        ("side_a_names", "list"), ("side_a_ids", "list"), ("side_a_countries", "list"),
        ("side_b_names", "list"), ("side_b_ids", "list"), ("side_b_countries", "list"),
        ("other_names", "list"), ("other_ids", "list"), ("other_countries", "list"),
        ("topics", "list"), ("cameo", "text"), ("plover_event", "text"), ("plover_mode", "text"),
        ("sources", "int"), ("first_source_url", "text"), ("evidence_text", "text"),
    ),
    "statements": (
        ("id", "text"), ("date", "date"), ("speakers", "list"), ("speaker_ids", "list"),
        ("speaker_countries", "list"), ("cue", "text"), ("text", "text"), ("topics", "list"),
        ("cameo", "text"), ("plover_event", "text"), ("meeting_id", "text"),
        ("document_id", "text"), ("source_url", "text"),
    ),
    "participants": (
        ("meeting_id", "text"), ("date", "date"), ("mode", "text"), ("place", "text"),
        ("meeting_country", "text"), ("occasion", "text"), ("actor_id", "text"),
        ("name", "text"), ("country", "text"), ("role", "text"), ("side", "text"),
        ("principal", "bool"),
    ),
}  # fmt: skip
_PARTY_FIELDS = ("actor_id", "name", "country", "role", "side")
_SORT_RUN = 5_000  # rows sorted in memory before a run is spilled to disk (about 20 MB)


# --- rows ----------------------------------------------------------------------------------------
def _names(parties: list[dict[str, Any]], field: str) -> list[str]:
    values = (actor_key(p) if field == "id" else p.get(field) for p in parties)
    return list(dict.fromkeys(str(v) for v in values if v))


def meeting_row(meeting: dict[str, Any]) -> dict[str, Any]:
    """A stored meeting (as :func:`~sidelines.store.read.meetings.iter_meetings` reads it) as a row of
    the ``meetings`` table: side A is the visitor (or the side named first), side B the host
    (or the side named second), further sides are ``other``."""
    principals = meeting["participants"]
    first, second = meeting_dyads(meeting)[0]
    others = [p for side in sides(principals) for p in side if side not in (first, second)]
    plover = meeting["plover"] or {}
    documents = meeting.get("source_documents", [])
    evidence = evidence_sentence(meeting.get("evidence", []), documents)
    row: dict[str, Any] = {
        "id": meeting["id"],
        "date": meeting["date"],
        "first_published": min((d["published"] for d in documents if d["published"]), default=None),
        "status": meeting["status"],
        "mode": meeting["mode"],
        "place": meeting["place"],
        "country": meeting["country"],
        "occasion": meeting["occasion"],
        "participants": [{**{f: p.get(f) for f in _PARTY_FIELDS}, "actor_id": actor_key(p)}
                         for p in principals],
        "topics": list(meeting["topics"]),
        "cameo": meeting["cameo"],
        "plover_event": plover.get("event"),
        "plover_mode": plover.get("mode") or None,
        "sources": len(documents),
        "first_source_url": next((d["url"] for d in documents if d["url"]), None),
        "evidence_text": " ".join(evidence["text"].split()) if evidence else None,
    }  # fmt: skip
    for prefix, side in (("side_a", first), ("side_b", second), ("other", others)):
        row[f"{prefix}_names"] = [p["name"] for p in side]
        row[f"{prefix}_ids"] = _names(side, "id")
        row[f"{prefix}_countries"] = _names(side, "country")
    return row


def statement_row(statement: dict[str, Any]) -> dict[str, Any]:
    """A stored statement as a row of the ``statements`` table."""
    document = statement.get("source_document") or {}
    speakers = statement["speakers"]
    return {
        "id": statement["id"],
        "date": statement["date"] or (statement.get("meeting") or {}).get("date"),
        "speakers": [s["name"] for s in speakers],
        "speaker_ids": [actor_key(s) for s in speakers],
        "speaker_countries": _names(speakers, "country"),
        "cue": statement["cue"],
        "text": statement["text"],
        "topics": list(statement["topics"]),
        "cameo": statement["cameo"],
        "plover_event": (statement["plover"] or {}).get("event"),
        "meeting_id": statement["meeting_id"],
        "document_id": statement["document_id"],
        "source_url": document.get("url"),
    }


def evidence_sentence(
    spans: list[dict[str, Any]], documents: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The first evidence span that is a sentence of the text, not the headline (a readout's
    title says "Telephone conversation with ..."; the body says who talked about what), its
    text on one line (a hard-wrapped page breaks lines inside a sentence)."""
    titles = {d["id"]: " ".join((d.get("title") or "").split()) for d in documents}
    for span in spans:
        text = " ".join(span["text"].split())
        title = titles.get(span.get("document_id", ""), "")
        if text and not (title and text in title):
            return {**span, "text": text}
    return {**spans[0], "text": " ".join(spans[0]["text"].split())} if spans else None


# --- order ---------------------------------------------------------------------------------------
def _date_key(row: dict[str, Any]) -> tuple[str, str]:
    day = row.get("date") or row.get("first_published") or "~"  # "~" sorts after digits
    return (str(day), str(row.get("id") or row.get("meeting_id") or ""))


def sorted_by_date(
    rows: Iterable[dict[str, Any]], run: int = _SORT_RUN
) -> Iterator[dict[str, Any]]:
    """``rows`` sorted by date then id, in runs of ``run`` rows merged from temporary files."""
    files: list[IO[str]] = []
    batch: list[dict[str, Any]] = []
    try:
        for row in rows:
            batch.append(row)
            if len(batch) >= run:
                files.append(_spill(batch))
                batch = []
        batch.sort(key=_date_key)
        if not files:
            yield from batch
            return
        files.append(_spill(batch))
        yield from heapq.merge(*(_read_run(f) for f in files), key=_date_key)
    finally:
        for handle in files:
            handle.close()


def _spill(batch: list[dict[str, Any]]) -> IO[str]:
    # closed (and so removed) by sorted_by_date once merged
    handle = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
    for row in sorted(batch, key=_date_key):
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    handle.seek(0)
    return handle


def _read_run(handle: IO[str]) -> Iterator[dict[str, Any]]:
    for line in handle:
        yield json.loads(line)


# --- CSV -----------------------------------------------------------------------------------------
def _csv_cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "parties":
        return "; ".join(p["name"] for p in value)
    if kind == "list":
        return "; ".join(str(v) for v in value)
    if kind == "bool":
        return "true" if value else "false"
    return value


def write_csv(rows: Iterable[dict[str, Any]], stream: IO[str], table: str) -> int:
    """Rows of ``table`` as CSV under a header; returns how many. Every value is text: read it
    back with ``pandas.read_csv(path, dtype=str)`` so CAMEO ``042`` stays ``"042"``."""
    columns = TABLES[table]
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    written = 0
    for row in rows:
        writer.writerow([_csv_cell(row.get(name), kind) for name, kind in columns])
        written += 1
    return written


# --- Parquet -------------------------------------------------------------------------------------
def _arrow_type(pa: Any, kind: str) -> Any:
    if kind == "parties":
        return pa.list_(pa.struct([(f, pa.string()) for f in _PARTY_FIELDS]))
    return {
        "text": pa.string(),
        "date": pa.date32(),
        "int": pa.int32(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }[kind]


def _arrow_value(value: Any, kind: str) -> Any:
    if kind == "date":
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:  # a bare year or a typo: no date, not a failed export
            return None
    return value


def write_parquet(
    rows: Iterable[dict[str, Any]],
    path: Path,
    table: str,
    require: Callable[[str], Any],
    group: int = 10_000,
) -> int:
    """Rows of ``table`` as a typed Parquet file (dates, integers, lists), written in row groups
    of ``group`` beside ``path`` and moved there when complete; returns how many rows.
    ``require(module)`` imports pyarrow or raises the error that names its extra."""
    pa = require("pyarrow")
    pq = require("pyarrow.parquet")
    columns = TABLES[table]
    schema = pa.schema([(name, _arrow_type(pa, kind)) for name, kind in columns])
    written = 0
    with atomic_path(path) as partial, pq.ParquetWriter(str(partial), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append({name: _arrow_value(row.get(name), kind) for name, kind in columns})
            if len(batch) >= group:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written += len(batch)
                batch = []
        # an empty export is still a readable file with the schema
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        written += len(batch)
    return written
