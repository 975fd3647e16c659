"""The store commands as a user runs them: ingest, then meetings, statements, actors, actor."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sidelines.api.app import create_app
from sidelines.cli import app
from sidelines.store import Store
from sidelines.types import Participant

from ..conftest import SAMPLES
from .conftest import NewDatabase
from .test_filters import _extraction

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
    assert bad.exit_code == 2 and "'international', 'domestic'" in bad.output  # the choices
    export = runner.invoke(app, ["export", "-", "-f", "csv", "--db", db, "--scope", "domestic"])
    assert export.exit_code == 0, export.output


def test_where_a_meeting_was_held_is_a_filter_of_every_command(db: str) -> None:
    def run(command: str, *options: str) -> list[dict[str, object]]:
        result = runner.invoke(app, [command, "--db", db, "-f", "json", *options])
        assert result.exit_code == 0, result.output
        found: list[dict[str, object]] = json.loads(result.stdout)
        return found

    kazakhstan = run("meetings", "--held-in", "Kazakhstan")
    assert kazakhstan and {m["country"] for m in kazakhstan} == {"KAZ"}
    # a code in any case, a name or a demonym, as --country reads them
    for value in ("KAZ", "kaz", "Kazakh", "Republic of Kazakhstan"):
        assert run("meetings", "--held-in", value) == kazakhstan, value
    places = {m["place"] for m in kazakhstan}
    place = sorted(p for p in places if isinstance(p, str))[0]
    assert run("meetings", "--place", place) == [m for m in kazakhstan if m["place"] == place]
    assert run("meetings", "--held-in", "NOR", "--place", place) == []
    said = run("statements", "--held-in", "Kazakhstan")
    assert said and {s["meeting_id"] for s in said} <= {m["id"] for m in kazakhstan}
    export = runner.invoke(app, ["export", "-", "-f", "csv", "--db", db, "--held-in", "KAZ"])
    assert export.exit_code == 0, export.output
    assert [r["id"] for r in csv.DictReader(io.StringIO(export.stdout))] == [
        m["id"] for m in kazakhstan
    ]
    bad = runner.invoke(app, ["meetings", "--db", db, "--held-in", "Kazakstan"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "[E031] unknown country 'Kazakstan'" in bad.output and "'Kazakhstan'" in bad.output


def test_the_status_option_lists_planned_and_any_meetings(db: str) -> None:
    def run(*options: str) -> list[dict[str, object]]:
        result = runner.invoke(app, ["meetings", "--db", db, "-f", "json", *options])
        assert result.exit_code == 0, result.output
        found: list[dict[str, object]] = json.loads(result.stdout)
        return found

    held, planned, every = run(), run("--status", "planned"), run("--status", "any")
    assert {m["status"] for m in held} == {"held"}
    assert all(m["status"] == "planned" for m in planned)
    assert len(every) == len(held) + len(planned) + len(run("--status", "not_held"))
    table = runner.invoke(app, ["meetings", "--db", db, "--status", "any"], terminal_width=200)
    assert table.exit_code == 0 and "status" in table.stdout  # which status each one is
    bad = runner.invoke(app, ["meetings", "--db", db, "--status", "cancelled"])
    assert bad.exit_code == 2 and "not_held" in bad.output


def undated_store(path: Path) -> str:
    """A database of two Lavrov–Wang Yi meetings, one of them without a date; its URL."""
    url = f"sqlite:///{path}"
    store = Store.open(url)
    parties = [
        Participant("Sergey Lavrov", "sergey-lavrov", "RUS"),
        Participant("Wang Yi", "wang-yi", "CHN"),
    ]
    assert store.save(_extraction("dated", "2023-05-01", parties, None, None))
    undated = _extraction("undated", "2023-06-01", parties, None, None)
    undated.meetings[0] = dataclasses.replace(undated.meetings[0], date=None)
    assert store.save(undated)
    store.engine.dispose()
    return url


def test_a_date_range_says_how_many_undated_meetings_it_leaves_out(tmp_path: Path) -> None:
    url = undated_store(tmp_path / "undated.db")
    ranged = runner.invoke(app, ["meetings", "--db", url, "--since", "2023-01-01", "-f", "json"])
    assert ranged.exit_code == 0, ranged.output
    assert [m["date"] for m in json.loads(ranged.stdout)] == ["2023-05-01"]
    assert "note: 1 matching meeting without a date left out by --since/--until" in ranged.stderr
    every = runner.invoke(app, ["meetings", "--db", url, "-f", "json"])
    assert len(json.loads(every.stdout)) == 2 and "without a date" not in every.stderr
    # the dashboard says so too
    client = TestClient(create_app(store=Store.open(url)))
    for route in ("/meetings", "/network", "/map"):
        page = client.get(route, params={"since": "2023-01-01"}).text
        assert "1 more without a date is left out by the date range." in page, route
        assert "left out by the date range" not in client.get(route).text, route
