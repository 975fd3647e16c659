"""Export the corpus database in the formats analysts already read, a stage after the store.

One module per family of formats, each writing through :mod:`sidelines.export.files` (a file
appears under its name only when complete):

- :mod:`~sidelines.export.events`: event data, PLOVER JSON lines, POLECAT TSV, GDELT 2.0 TSV;
- :mod:`~sidelines.export.tables`: flat tables, CSV and Parquet (and the rows pandas reads);
- :mod:`~sidelines.export.graphs`: actor networks, GraphML and GEXF.

Records are read page by page (:func:`sidelines.store.read.meetings.iter_meetings`) with the
filters of ``sidelines meetings`` (:class:`sidelines.store.filters.MeetingFilter`) and written as
they come, so a corpus of any size exports in constant memory (the graph formats hold one entry
per actor and per pair of actors).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sidelines.export.events import (
    EVENT_WRITERS,
    GDELT_COLUMNS,
    PLOVER_FIELDS,
    POLECAT_COLUMNS,
    events,
    write_gdelt_tsv,
    write_plover_jsonl,
    write_polecat_tsv,
)
from sidelines.export.files import requirer, text_output
from sidelines.export.graphs import write_network
from sidelines.export.report import ExportError, ExportReport, MissingExtraError
from sidelines.export.tables import (
    TABLES,
    meeting_row,
    sorted_by_date,
    statement_row,
    write_csv,
    write_parquet,
)
from sidelines.filters import EXPORT_FILTERS, MeetingFilter, StatementFilter
from sidelines.store import Store
from sidelines.store.keys import with_actor_keys, with_speaker_keys
from sidelines.store.read.meetings import iter_meetings
from sidelines.store.read.statements import iter_statements
from sidelines.store.records import participant_rows

__all__ = [
    "CSV_MEETING_COLUMNS",
    "CSV_PARTICIPANT_COLUMNS",
    "CSV_STATEMENT_COLUMNS",
    "FORMATS",
    "GDELT_COLUMNS",
    "PLOVER_FIELDS",
    "POLECAT_COLUMNS",
    "ExportError",
    "ExportReport",
    "MissingExtraError",
    "export",
    "write_gdelt_tsv",
    "write_plover_jsonl",
    "write_polecat_tsv",
]

FORMATS = ("plover-jsonl", "polecat-tsv", "gdelt-tsv", "csv", "parquet", "graphml", "gexf")
#: what each format can hold (first: the default)
_KINDS = {
    "plover-jsonl": ("all", "meetings", "statements"),
    "polecat-tsv": ("all", "meetings", "statements"),
    "gdelt-tsv": ("all", "meetings", "statements"),
    "csv": ("meetings", "statements", "participants"),
    "parquet": ("meetings", "statements", "participants"),
    "graphml": ("meetings",),
    "gexf": ("meetings",),
}
#: the columns of the CSV and Parquet tables (their types: :data:`sidelines.export.tables.TABLES`)
CSV_MEETING_COLUMNS = tuple(name for name, _ in TABLES["meetings"])
CSV_STATEMENT_COLUMNS = tuple(name for name, _ in TABLES["statements"])
CSV_PARTICIPANT_COLUMNS = tuple(name for name, _ in TABLES["participants"])


def export(
    store: Store,
    fmt: str,
    out: str | Path,
    *,
    what: str | None = None,
    header: bool = False,
    page_size: int = 500,
    where: MeetingFilter | None = None,
    **filters: str | None,
) -> ExportReport:
    """Write the records matching ``where`` (or the ``filters`` named: those of ``sidelines
    meetings``, actor, country, with_, since, until, occasion, topic, mode, scope) to ``out`` (a
    path, or ``-`` for standard output) in format ``fmt`` (one of :data:`FORMATS`). ``what``
    picks meetings, statements or all. Meetings are the held ones.

    Raises:
        ExportError: ``[E040]`` for an unknown format, kind or filter, or parquet to ``-``.
        MissingExtraError: ``[E041]`` when the format's optional dependency is not installed.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}. Choose one of: {', '.join(FORMATS)}")
    kinds = _KINDS[fmt]
    what = what or kinds[0]
    if what not in kinds:
        raise ExportError(f"{fmt} exports {' | '.join(kinds)}, not {what!r}")
    unknown = set(filters) - set(EXPORT_FILTERS)
    if unknown:
        raise ExportError(
            f"unknown filter {sorted(unknown)[0]!r}. Filters: {', '.join(EXPORT_FILTERS)}"
        )
    target = str(out)
    report = ExportReport(fmt, target)
    meeting_filter = dataclasses.replace(where or MeetingFilter(**filters), status="held")
    try:
        with store.sessions() as session:
            _Records(session, meeting_filter, page_size).write(fmt, target, what, header, report)
    except BrokenPipeError:
        raise  # the reader stopped early (| head): not a failure to report
    except OSError as err:
        raise ExportError(f"cannot write {target}: {err.strerror or err}") from err
    return report


class _Records:
    """The meetings and statements an export reads, keyed, page by page."""

    def __init__(self, session: Session, filters: MeetingFilter, page_size: int) -> None:
        self.session = session
        self.filters = filters
        self.page_size = page_size

    def meetings(self) -> Iterator[dict[str, Any]]:
        found = iter_meetings(self.session, self.filters, page_size=self.page_size)
        return with_actor_keys(self.session, found, self.page_size)

    def statements(self) -> Iterator[dict[str, Any]]:
        # an export's actor and country filters are the statement's speakers'
        found = iter_statements(
            self.session, StatementFilter.said_at(self.filters), page_size=self.page_size
        )
        return with_speaker_keys(self.session, found, self.page_size)

    def table(self, what: str) -> Iterator[dict[str, Any]]:
        """The rows of table ``what``, sorted by date (see :mod:`sidelines.export.tables`)."""
        if what == "statements":
            return sorted_by_date(statement_row(s) for s in self.statements())
        if what == "participants":
            return sorted_by_date(row for m in self.meetings() for row in participant_rows(m))
        return sorted_by_date(meeting_row(m) for m in self.meetings())

    def write(self, fmt: str, target: str, what: str, header: bool, report: ExportReport) -> None:
        if fmt == "parquet":
            if target == "-":
                raise ExportError("parquet is binary: give a file name, not -")
            require = requirer(fmt)
            require("pyarrow")  # before any row is read
            report.written = write_parquet(self.table(what), Path(target), what, require)
            report.unit = "rows"
        elif fmt in {"graphml", "gexf"}:
            require = requirer(fmt)
            require("networkx")
            edges, nodes = write_network(self.meetings(), target, fmt, require)
            report.written = edges
            report.unit = f"edges between {nodes} actors"
        else:
            with text_output(target) as stream:
                if fmt == "csv":
                    report.written = write_csv(self.table(what), stream, what)
                    report.unit = "rows"
                else:
                    meetings = self.meetings() if what in {"all", "meetings"} else iter(())
                    statements = self.statements() if what in {"all", "statements"} else iter(())
                    EVENT_WRITERS[fmt](events(meetings, statements, report), stream, report, header)
