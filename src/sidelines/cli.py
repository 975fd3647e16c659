"""The ``sidelines`` command line: thin wrappers over library functions.

A user's mistake (a missing file, an unknown model) prints one line starting with an error code and
exits non-zero; it never shows a traceback.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from sidelines.errors import SidelinesError
from sidelines.kb.commands import kb_app
from sidelines.types import Extraction

app = typer.Typer(
    name="sidelines",
    help="Turn diplomatic reporting into sourced records of who met whom and what each side said.",
    no_args_is_help=True,
    add_completion=False,
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
    """Extract meetings and statements from documents and print them (ARCHITECTURE.md contract)."""
    from sidelines.core import extract_many
    from sidelines.errors import InputError
    from sidelines.ingest import iter_documents
    from sidelines.nlp import load_pipeline
    from sidelines.types import Document

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
    """Score the extractor against gold annotations (../shared/eval/README.md)."""
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


def main() -> None:
    """Entry point for ``python -m sidelines``."""
    app()


if __name__ == "__main__":
    main()
