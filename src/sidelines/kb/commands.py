"""``sidelines kb ...``: ask the knowledge base who held an office on a date, and show a timeline."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sidelines.errors import SidelinesError
from sidelines.kb import KnowledgeBase
from sidelines.kb.query import resolve_text, timeline
from sidelines.kb.userdata import add_file, import_file

kb_app = typer.Typer(
    help="Query the knowledge base of people, offices and countries.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class QueryFormat(StrEnum):
    """Output formats of ``sidelines kb`` commands."""

    json = "json"
    table = "table"


class DateError(SidelinesError):
    """A date option is not YYYY-MM-DD."""

    code = "E021"


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DateError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _fail(error: SidelinesError) -> typer.Exit:
    Console(stderr=True).print(f"[red]error[/red] {error}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


@kb_app.command("resolve")
def resolve_cli(
    text: Annotated[str, typer.Argument(help='A name or title: "the Chinese foreign minister".')],
    date: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO3 code for a title without a country.")
    ] = None,
    output: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.json,
) -> None:
    """Who a name or title refers to on a date, with office, country and confidence."""

    try:
        day = _day(date)
    except SidelinesError as error:
        raise _fail(error) from None
    found = resolve_text(KnowledgeBase.default(), text, day, country.upper() if country else None)
    if output == QueryFormat.json:
        sys.stdout.write(json.dumps([r.to_dict() for r in found], indent=2) + "\n")
    else:
        table = Table("name", "office", "title", "country", "from", "to", "matched", "confidence")
        for r in found:
            table.add_row(
                r.name,
                r.office or "",
                r.title or "",
                r.country or "",
                r.start or "",
                r.end or "",
                r.matched,
                f"{r.confidence:.2f}",
            )
        Console().print(table)
    if not found:
        raise typer.Exit(code=1)


@kb_app.command("show")
def show_cli(
    name: Annotated[str, typer.Argument(help="A person's name or short name.")],
    output: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
) -> None:
    """A person's roles over time (every person the name may refer to)."""

    people = timeline(KnowledgeBase.default(), name)
    if output == QueryFormat.json:
        records = [
            {
                "actor_id": actor.id,
                "name": actor.name,
                "aliases": actor.aliases,
                "country": actor.country,
                "roles": [
                    {
                        "office": r.office,
                        "title": r.title,
                        "country": r.country,
                        "start": r.start.isoformat() if r.start else None,
                        "end": r.end.isoformat() if r.end else None,
                    }
                    for r in roles
                ],
            }
            for actor, roles in people
        ]
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    else:
        console = Console()
        for actor, roles in people:
            console.print(
                f"[bold]{actor.name}[/bold]  ({actor.id}; also {', '.join(actor.aliases[:4])})"
            )
            table = Table("from", "to", "office", "title", "country")
            for r in roles:
                table.add_row(
                    r.start.isoformat() if r.start else "?",
                    r.end.isoformat() if r.end else "now",
                    r.office,
                    r.title,
                    r.country or "",
                )
            console.print(table)
    if not people:
        Console(stderr=True).print(f"no person known as {name!r}")
        raise typer.Exit(code=1)


class ImportFormat(StrEnum):
    """Public leader-list formats ``sidelines kb import`` reads."""

    reign = "reign"
    cameo_actors = "cameo-actors"


@kb_app.command("add")
def add_cli(
    path: Annotated[Path, typer.Argument(help="A people .yaml file or a .csv file.")],
) -> None:
    """Add your own actors (YAML in the seed's people format, or CSV) to your knowledge base."""
    try:
        dest, count = add_file(path)
    except SidelinesError as error:
        raise _fail(error) from None
    KnowledgeBase.refresh()
    Console().print(f"added {count} people to {dest}")


@kb_app.command("import")
def import_cli(
    path: Annotated[Path, typer.Argument(help="The leader list to import.")],
    fmt: Annotated[ImportFormat, typer.Option("--format", help="The file's format.")],
) -> None:
    """Import a REIGN-style leader CSV or a CAMEO/Phoenix actor dictionary into your knowledge base."""
    try:
        dest, count = import_file(path, fmt.value)
    except SidelinesError as error:
        raise _fail(error) from None
    KnowledgeBase.refresh()
    Console().print(f"imported {count} people to {dest}")
