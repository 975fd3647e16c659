"""The ``sidelines`` command line: thin wrappers over library functions.

A user's mistake (a missing file, an unknown model) prints one line starting with an error code and
exits non-zero; it never shows a traceback.

Each command's body imports the library it wraps when it runs: ``sidelines --help`` and ``sidelines
kb resolve`` then start without spaCy, SQLAlchemy or FastAPI (``tests/test_startup.py``). That, in
this module and ``sidelines.api.commands``, is the one place sidelines imports inside functions
besides optional extras (``tests/test_layers.py``).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from sidelines.api.commands import demo, reviews_app, serve
from sidelines.cli_options import filter_options
from sidelines.errors import InputError, SidelinesError
from sidelines.filters import MeetingFilter, StatementFilter
from sidelines.kb import KnowledgeBase
from sidelines.kb.commands import QueryFormat, kb_app
from sidelines.kb.learned import save
from sidelines.types import Document, Extraction

if TYPE_CHECKING:
    from sidelines.store import Store

app = typer.Typer(
    name="sidelines",
    help="Turn diplomatic reporting into sourced records of who met whom and what each side said.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # help is plain text: "sidelines[ray]" is an extra, not markup
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)
app.add_typer(kb_app, name="kb")


class OutputFormat(StrEnum):
    """Output formats of ``sidelines extract``."""

    json = "json"
    jsonl = "jsonl"
    table = "table"


def _fail(error: SidelinesError) -> typer.Exit:
    err_console.print(f"[red]error[/red] {error}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


@app.command("extract")
def extract_cli(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories, http(s) URLs, or - for stdin.")
    ],
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.json,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use.")] = None,
) -> None:
    """Extract meetings and statements from documents and print them (the JSON shown in
    README.md)."""
    from sidelines.core import extract_many
    from sidelines.ingest import iter_documents
    from sidelines.nlp import load_pipeline

    try:
        nlp = load_pipeline(model)
    except SidelinesError as error:
        raise _fail(error) from None
    failures = 0
    results: list[dict[str, Any]] = []

    def good_documents() -> Any:
        nonlocal failures
        for item in iter_documents(paths):
            if isinstance(item, InputError):
                failures += 1
                err_console.print(f"[red]skipped[/red] {item}", highlight=False, soft_wrap=True)
                continue
            assert isinstance(item, Document)
            yield item

    for extraction in extract_many(good_documents(), nlp=nlp):
        record = extraction.to_dict()
        if output is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif output is OutputFormat.table:
            _print_table(extraction)
        else:
            results.append(record)
    if output is OutputFormat.json:
        payload: Any = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if failures:
        raise typer.Exit(code=1)


def _print_table(extraction: Extraction) -> None:
    console = Console()
    doc = extraction.document
    console.print(
        f"[bold]{doc.title or doc.path}[/bold]  {doc.published or ''}  {doc.publisher or ''}"
    )
    table = Table("status", "mode", "date", "participants", "place", "occasion", show_lines=False)
    for meeting in extraction.meetings:
        people = "; ".join(f"{p.name} ({p.country or '?'})" for p in meeting.participants)
        table.add_row(
            meeting.status,
            meeting.mode,
            meeting.date or "",
            people,
            ", ".join(x for x in (meeting.place, meeting.country) if x),
            meeting.occasion or "",
        )
    console.print(table)
    stable = Table("speakers", "cue", "statement", "topics")
    for statement in extraction.statements:
        stable.add_row(
            ", ".join(s.name for s in statement.speakers),
            statement.cue,
            statement.text[:160],
            ", ".join(statement.topics),
        )
    console.print(stable)


@app.command("evaluate")
def evaluate_cli(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold *.json files.")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder of the documents they annotate.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    details: Annotated[
        bool, typer.Option("--details", help="List misses and false positives per document.")
    ] = False,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use.")] = None,
) -> None:
    """Score the extractor against gold annotations (a folder of <doc>.json files, as
    'sidelines reviews export-gold' writes them)."""
    from sidelines.evaluate import evaluate_dirs, format_details, format_table, to_json
    from sidelines.evaluate.runner import extract_path

    for folder in (gold, docs):
        if not folder.is_dir():
            raise _fail(SidelinesError(f"not a folder: {folder}"))
    try:
        score = evaluate_dirs(gold, docs, lambda path: extract_path(path, model))
    except SidelinesError as error:
        raise _fail(error) from None
    if as_json:
        sys.stdout.write(json.dumps(to_json(score), indent=2) + "\n")
    else:
        sys.stdout.write(format_table(score) + "\n")
        if details:
            sys.stdout.write(format_details(score) + "\n")


class EngineName(StrEnum):
    """Engines of ``sidelines ingest``."""

    local = "local"
    process = "process"
    ray = "ray"


@app.command("ingest")
def ingest_cli(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories, JSONL(.gz), RSS/Atom feeds, WARC(.gz), http(s) URLs, or -."
        ),
    ],
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default $SIDELINES_DB_URL or ./sidelines.db)."),
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use.")] = None,
    engine: Annotated[
        EngineName, typer.Option("--engine", help="Where extraction runs (ray: sidelines[ray]).")
    ] = EngineName.local,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Worker processes or Ray actors (default: CPUs)."),
    ] = None,
    ray_address: Annotated[
        str | None, typer.Option("--ray-address", help="Ray cluster to use (default: local).")
    ] = None,
) -> None:
    """Extract documents into the corpus database (idempotent: stored documents are skipped)."""
    from sidelines.corpus import IngestReport, estimate_total, ingest_documents, iter_items
    from sidelines.engines import make_engine
    from sidelines.nlp import load_pipeline
    from sidelines.nlp.pipeline import resolve_model_name
    from sidelines.store import Store

    try:
        store = Store.open(db)
        # workers load the pipeline themselves; here only the local engine needs it
        nlp = load_pipeline(model) if engine is EngineName.local else None
        resolve_model_name(model)
        runner = make_engine(engine.value, workers, ray_address, model, nlp)
    except SidelinesError as error:
        raise _fail(error) from None
    report = IngestReport()
    total = estimate_total(paths)
    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TextColumn("errors: {task.fields[errors]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=False) as progress:
        task = progress.add_task("ingest", total=total, rate="-", errors=len(report.failed))

        def done(count: int) -> None:
            progress.advance(task, count)
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = f"{progress.tasks[0].completed / elapsed:.1f}" if elapsed else "-"
            progress.update(task, rate=rate, errors=len(report.failed))

        documents = iter_items(paths, store, report, on_error=done)  # lazily: memory stays flat
        try:
            ingest_documents(documents, store, report, on_done=done, engine=runner)
        except SidelinesError as error:  # an engine lost its workers: what was stored stays
            raise _fail(error) from None
    err_console.print(
        f"stored {report.stored}, already stored {report.skipped}, failed {len(report.failed)}",
        highlight=False,
    )
    for message, _code in report.failed:
        err_console.print(f"[red]error[/red] {message}", highlight=False, soft_wrap=True)
    if report.failed:
        raise typer.Exit(code=1)


def _open_store(db: str | None) -> Store:
    from sidelines.store import Store

    try:
        return Store.open(db)
    except SidelinesError as error:
        raise _fail(error) from None


class QueryOutput(StrEnum):
    """Output formats of the query commands."""

    table = "table"
    json = "json"
    csv = "csv"


#: the filters' placeholder in a signature (their options, made from :mod:`sidelines.filters` by
#: :func:`sidelines.cli_options.filter_options`, replace it)
EVERY_MEETING = MeetingFilter()
DbOption = Annotated[str | None, typer.Option("--db", help="Database URL.")]


#: query columns that are short codes or dates
NO_WRAP = {
    "date",
    "start",
    "end",
    "status",
    "mode",
    "country",
    "sources",
    "meetings",
    "statements",
    "cue",
}


def _print_records(
    records: Sequence[Mapping[str, Any]], output: QueryOutput, columns: list[str]
) -> None:
    if output == QueryOutput.json:
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
        return
    rows = [[_cell(r.get(c)) for c in columns] for r in records]
    if output == QueryOutput.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
        return
    table = Table()
    for column in columns:  # short codes and dates stay whole, headings too; names and text wrap
        whole = column in NO_WRAP
        table.add_column(column, no_wrap=whole, min_width=len(column) if whole else None)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(
            f"{v['name']} ({v.get('country') or '?'})" if isinstance(v, dict) else str(v)
            for v in value
        )
    return str(value)


@app.command("meetings")
@filter_options(MeetingFilter)
def meetings_cli(
    filters: MeetingFilter,
    limit: Annotated[int | None, typer.Option("--limit")] = None,
    db: DbOption = None,
    output: Annotated[QueryOutput, typer.Option("--format", "-f")] = QueryOutput.table,
) -> None:
    """Meetings in the corpus database, newest first (the held ones unless a status is asked)."""
    store = _open_store(db)
    try:
        records = store.meetings(filters, limit=limit)
    except SidelinesError as error:
        raise _fail(error) from None
    columns = ["date", "mode", "participants", "place", "country", "occasion", "sources"]
    if filters.status != "held":  # other statuses, or any: say which each is
        columns.insert(1, "status")
    _print_records(records, output, columns)
    undated = _undated(store, filters)
    if undated:  # a date range leaves out what has no date: say so, on stderr
        err_console.print(
            f"note: {undated} matching meeting{'s' if undated > 1 else ''} without a date "
            "left out by --since/--until",
            highlight=False,
            soft_wrap=True,
        )


def _undated(store: Store, filters: MeetingFilter) -> int:
    """How many meetings of ``filters`` but for their dates have no date (0 without a range)."""
    if not (filters.since or filters.until):
        return 0
    every, dated = filters.dateless()
    return store.count_meetings(every) - store.count_meetings(dated)


@app.command("statements")
@filter_options(StatementFilter)
def statements_cli(
    filters: StatementFilter,
    limit: Annotated[int | None, typer.Option("--limit")] = None,
    db: DbOption = None,
    output: Annotated[QueryOutput, typer.Option("--format", "-f")] = QueryOutput.table,
) -> None:
    """Statements in the corpus database, newest first."""
    store = _open_store(db)
    try:
        records = store.statements(filters, limit=limit)
    except SidelinesError as error:
        raise _fail(error) from None
    _print_records(records, output, ["date", "speakers", "cue", "text", "topics"])


@app.command("actors")
def actors_cli(
    country: Annotated[
        str | None, typer.Option("--country", help="ISO3 code, country name or demonym.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="An actor id or any spelling of a name.")
    ] = None,
    scope: Annotated[
        str | None,
        typer.Option(
            "--scope", help="Only actors with international | domestic meetings (counted)."
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit")] = 50,
    db: DbOption = None,
    output: Annotated[QueryOutput, typer.Option("--format", "-f")] = QueryOutput.table,
) -> None:
    """Actors of the corpus database, busiest first, with their meetings and statements."""
    store = _open_store(db)
    try:
        records = store.actors(country=country, name=name, scope=scope, limit=limit)
    except SidelinesError as error:
        raise _fail(error) from None
    _print_records(records, output, ["id", "name", "country", "meetings", "statements", "aliases"])


@app.command("actor")
def actor_cli(
    name: Annotated[str, typer.Argument(help="A name (any spelling) or an actor id.")],
    db: DbOption = None,
    output: Annotated[QueryOutput, typer.Option("--format", "-f")] = QueryOutput.table,
) -> None:
    """One actor: roles over time, counterparts with counts, topics, latest statements."""
    store = _open_store(db)
    found = store.actor(name)
    if found is None:
        err_console.print(f"[red]error[/red] no actor {name!r} in the database", highlight=False)
        raise typer.Exit(code=1)
    if output == QueryOutput.json:
        sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
        return
    if output == QueryOutput.csv:  # every counterpart, not only the profile's most met
        everyone = store.counterparts(found["id"])
        met = list(everyone[0]) if everyone else found["counterparts"]
        _print_records(met, output, ["id", "name", "country", "meetings"])
        return
    console = Console()
    aliases = f" (also {', '.join(found['aliases'])})" if found["aliases"] else ""
    console.print(
        f"[bold]{found['name']}[/bold] {found['country'] or ''}{aliases}", highlight=False
    )
    _print_records(found["roles"], output, ["start", "end", "title", "source"])
    _print_records(found["counterparts"], output, ["name", "country", "meetings"])
    if found["counterparts_total"] > len(found["counterparts"]):
        console.print(
            f"the {len(found['counterparts'])} met most of {found['counterparts_total']}"
            " counterparts (--format csv lists all)",
            highlight=False,
        )
    _print_records(found["topics"], output, ["topic", "meetings", "statements"])
    _print_records(found["statements"][:10], output, ["date", "cue", "text", "topics"])


@app.command("export")
@filter_options(MeetingFilter, exclude=("status",))
def export_cli(
    out: Annotated[str, typer.Argument(help="Output file, or - for standard output.")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="plover-jsonl | polecat-tsv | gdelt-tsv | csv | parquet | graphml | gexf",
        ),
    ],
    what: Annotated[
        str | None,
        typer.Option(
            "--what",
            help="all | meetings | statements; csv and parquet: meetings (default) | statements"
            " | participants (one row per meeting and participant).",
        ),
    ] = None,
    header: Annotated[
        bool, typer.Option("--header", help="gdelt-tsv: write a header row (GDELT has none).")
    ] = False,
    filters: MeetingFilter = EVERY_MEETING,
    db: DbOption = None,
) -> None:
    """Export held meetings and statements as event data (PLOVER, POLECAT, GDELT), CSV, Parquet,
    or an actor network (GraphML, GEXF), with the filters of 'sidelines meetings'."""
    from sidelines.export import export

    store = _open_store(db)
    try:
        report = export(store, fmt, out, what=what, header=header, where=filters)
    except SidelinesError as error:
        raise _fail(error) from None
    except BrokenPipeError:  # `| head` stopped reading: quietly, as other Unix tools
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(code=1) from None
    err_console.print(report.summary(), highlight=False, soft_wrap=True)


@kb_app.command("learn")
def kb_learn_cli(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Documents to learn from (as for extract).")
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Learn from a corpus database (made by 'sidelines ingest') instead."
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be learned; save nothing.")
    ] = False,
    output: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
) -> None:
    """Learn new spellings, titles and people from documents, with the evidence for each."""
    from sidelines.ingest import iter_documents
    from sidelines.learning import learn, learn_from_corpus
    from sidelines.store import Store

    if bool(paths) == bool(db):
        Console(stderr=True).print("[red]error[/red] give documents to learn from, or --db URL")
        raise typer.Exit(code=2)
    if db:
        try:
            learned = learn_from_corpus(Store.open(db))
        except SidelinesError as error:
            Console(stderr=True).print(f"[red]error[/red] {error}", highlight=False)
            raise typer.Exit(code=1) from None
    else:
        documents: list[Document] = []
        for item in iter_documents(paths or []):
            if isinstance(item, InputError):
                Console(stderr=True).print(f"[red]skipped[/red] {item}", highlight=False)
            else:
                documents.append(item)
        learned = learn(documents)
    if output == QueryFormat.json:
        sys.stdout.write(
            json.dumps([x.to_dict() for x in learned], indent=2, ensure_ascii=False) + "\n"
        )
    else:
        table = Table("kind", "actor", "learned", "country", "seen", "evidence")
        for x in learned:
            table.add_row(x.kind, x.name, x.value, x.country or "", x.seen or "", x.evidence)
        Console().print(table)
    if learned and not dry_run:
        Console(stderr=True).print(f"saved {len(learned)} facts to {save(learned)}")
        KnowledgeBase.refresh()


app.command("serve")(serve)
app.command("demo")(demo)
app.add_typer(reviews_app, name="reviews")


def main() -> None:
    """Entry point for ``python -m sidelines``."""
    app()


if __name__ == "__main__":
    main()
