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
