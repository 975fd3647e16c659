"""The store commands as a user runs them: ingest, then meetings, statements, actors, actor."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sidelines.cli import app

from ..conftest import SAMPLES
from .conftest import NewDatabase

runner = CliRunner()


@pytest.fixture(scope="module")
def db(module_db: NewDatabase) -> str:
    url = module_db("cli")
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def test_actors_lists_the_busiest_first(db: str) -> None:
    result = runner.invoke(app, ["actors", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    actors = json.loads(result.stdout)
    assert actors and actors[0]["meetings"] >= actors[-1]["meetings"]
    result = runner.invoke(app, ["actors", "--db", db, "--country", "RUS", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["country"] for r in rows} == {"RUS"}


def test_actor_shows_roles_counterparts_and_statements(db: str) -> None:
    result = runner.invoke(app, ["actor", "Lavrov", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["id"] == "sergey-lavrov"
    assert {r["source"] for r in page["roles"]} == {"kb", "documents"}
    assert page["counterparts"] and page["statements"]
    table = runner.invoke(app, ["actor", "Sergey Lavrov", "--db", db])
    assert table.exit_code == 0 and "Wang Yi" in table.stdout


def test_unknown_actor_is_one_clear_line(db: str) -> None:
    result = runner.invoke(app, ["actor", "Nobody Atall", "--db", db])
    assert result.exit_code == 1
    assert "no actor 'Nobody Atall'" in result.output and "Traceback" not in result.output


def test_statements_take_the_meeting_filters(db: str, tmp_path: Path) -> None:
    every = json.loads(runner.invoke(app, ["statements", "--db", db, "-f", "json"]).stdout)
    china = json.loads(
        runner.invoke(app, ["statements", "--db", db, "--with", "CHN", "-f", "json"]).stdout
    )
    assert 0 < len(china) < len(every)


def test_kb_learns_from_the_database_without_saving_on_dry_run(db: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["kb", "learn", "--db", db, "--dry-run", "--format", "json"],
        env={"SIDELINES_KB_DIR": str(tmp_path / "kb")},
    )
    assert result.exit_code == 0, result.output
    learned = json.loads(result.stdout)
    assert all({"kind", "name", "value", "evidence", "source"} <= set(x) for x in learned)
    assert not (tmp_path / "kb").exists()
    both = runner.invoke(app, ["kb", "learn", "x.txt", "--db", db])
    assert both.exit_code == 2 and "give documents to learn from, or --db" in both.output


def test_filters_take_any_spelling_names_and_scope(db: str) -> None:
    def meetings(*options: str) -> list[dict[str, object]]:
        result = runner.invoke(app, ["meetings", "--db", db, "-f", "json", *options])
        assert result.exit_code == 0, result.output
        found: list[dict[str, object]] = json.loads(result.stdout)
        return found

    lavrov = meetings("--actor", "Sergey Lavrov")
    assert lavrov and meetings("--actor", "Sergei Lavrov") == lavrov
    assert meetings("--actor", "Sergey Viktorovich Lavrov") == lavrov
    assert meetings("--with", "Russian") == meetings("--with", "rus") == meetings("--with", "RUS")
    assert meetings("--country", "Russia") == meetings("--country", "RUS") != []
    assert meetings("--actor", "Erdoğan") == meetings("--actor", "Recep Tayyip Erdogan") != []
    assert all(m["scope"] == "international" for m in meetings("--scope", "international"))
    said = runner.invoke(
        app, ["statements", "--db", db, "--speaker", "Sergei Lavrov", "-f", "json"]
    )
    assert said.exit_code == 0 and json.loads(said.stdout)
    for command in ("meetings", "statements", "actors"):
        result = runner.invoke(app, [command, "--db", db, "--country", "Rusia"])
        assert result.exit_code == 2, result.output
        assert (
            "[E031] unknown country 'Rusia'" in result.output and "Traceback" not in result.output
        )
    bad = runner.invoke(app, ["meetings", "--db", db, "--scope", "global"])
    assert bad.exit_code == 2 and "[E031]" in bad.output
    export = runner.invoke(app, ["export", "-", "-f", "csv", "--db", db, "--scope", "domestic"])
    assert export.exit_code == 0, export.output
