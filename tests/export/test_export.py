"""Exports read back as a user would: JSON lines, POLECAT and GDELT TSV, CSV, Parquet, graphs."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.parquet as pq
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from sidelines.cli import app
from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.export import (
    CSV_MEETING_COLUMNS,
    FORMATS,
    GDELT_COLUMNS,
    PLOVER_FIELDS,
    POLECAT_COLUMNS,
    ExportError,
    MissingExtraError,
    export,
)
from sidelines.store import Store

from ..conftest import SAMPLES
from ..store.conftest import NewDatabase

runner = CliRunner()
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


@pytest.fixture(scope="module")
def store(module_db: NewDatabase, nlp: Language) -> Store:
    opened = Store.open(module_db("export"))
    report = IngestReport()
    ingest_documents(read_items([str(SAMPLES)], opened, report), opened, report, nlp=nlp)
    assert report.stored >= 4 and not report.failed
    return opened


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def side_of(party: dict[str, Any]) -> str:
    return str(party["side"] or party["country"] or party["actor_id"] or party["name"])


def test_plover_jsonl_fields_in_order_and_visitor_host(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    report = export(store, "plover-jsonl", out)
    records = [json.loads(line) for line in lines(out)]
    assert report.written == len(records) > 0
    for record in records:
        assert tuple(record) == PLOVER_FIELDS
        assert record["id"] and record["date"] and record["actor"] and record["event"]
        assert record["event"] in PLOVER_TYPES
    meetings = {m["id"]: m for m in store.meetings()}
    by_id = {r["id"]: r for r in records}
    assert set(meetings) <= set(by_id)
    coded = [s for s in store.statements() if s["plover"]]
    assert len(records) == len(meetings) + len(coded)
    assert report.skipped == len(store.statements()) - len(coded)  # 010 has no PLOVER type
    riyadh = next(m for m in meetings.values() if m["place"] == "Riyadh")
    visit = by_id[riyadh["id"]]
    assert [a["entity_text"] for a in visit["actor"]] == ["Antony Blinken"]  # the visitor
    assert [a["code"] for a in visit["recipient"]] == ["SAU"]  # the host
    assert visit["event_loc"]["country_code"] == "SAU" and visit["mode"] == "visit"
    assert "Blinken" in visit["event_text"]
    assert visit["cite_info"]["url"] == "https://example.org/wire/1"
    call = by_id[next(m["id"] for m in meetings.values() if m["mode"] == "phone")]
    # no host: the side named first is the actor, the other the recipient (one dyad)
    people = [p["name"] for p in meetings[call["id"]]["participants"]]
    assert len(call["actor"]) == len(call["recipient"]) == 1
    assert sorted(a["entity_text"] for a in call["actor"] + call["recipient"]) == sorted(people)


def test_polecat_tsv_has_the_40_columns(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(store, "polecat-tsv", out)
    header, *rows = [line.split("\t") for line in lines(out)]
    assert tuple(header) == POLECAT_COLUMNS and len(header) == 40
    assert rows and all(len(row) == 40 for row in rows)
    column = {name: i for i, name in enumerate(header)}
    assert {row[column["Event Type"]] for row in rows} <= PLOVER_TYPES
    held = {m["id"]: m for m in store.meetings()}
    for row in rows:
        if row[column["Event ID"]] in held:
            meeting = held[row[column["Event ID"]]]
            assert row[column["Event Date"]] == meeting["date"]
            assert row[column["Country"]] == (meeting["country"] or "")
    for who in ("Actor", "Recipient"):
        # dyadic: one country a cell, never "RUS;TUR"
        assert all(";" not in r[column[f"{who} Country"]] for r in rows)
    germany = [
        r[column[f"{who} COW"]]
        for r in rows
        for who in ("Actor", "Recipient")
        if r[column[f"{who} Country"]] == "DEU"
    ]
    assert germany and set(germany) == {"255"}


def test_gdelt_tsv_has_61_columns_and_the_store_values(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    report = export(store, "gdelt-tsv", out)
    rows = [line.split("\t") for line in lines(out)]
    assert len(rows) == report.written and all(len(row) == 61 for row in rows)
    column = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    assert rows[0][0].isdigit()  # no header, as GDELT
    assert len({row[column["GLOBALEVENTID"]] for row in rows}) == len(rows)
    roots = [row for row in rows if row[column["IsRootEvent"]] == "1"]
    meetings = store.meetings()
    assert len(roots) == len(meetings)  # two-sided meetings: one row each
    assert sorted((r[column["SQLDATE"]], r[column["EventCode"]]) for r in roots) == sorted(
        (m["date"].replace("-", ""), m["cameo"]) for m in meetings
    )
    riyadh = next(m for m in meetings if m["place"] == "Riyadh")
    [row] = [r for r in roots if r[column["SQLDATE"]] == riyadh["date"].replace("-", "")]
    assert row[column["Actor1CountryCode"]] == "USA" and row[column["Actor2CountryCode"]] == "SAU"
    assert row[column["EventRootCode"]] == "04" and row[column["QuadClass"]] == "1"
    assert row[column["GoldsteinScale"]] == "1.9"  # CAMEO 042, make a visit
    assert row[column["NumSources"]] == str(riyadh["sources"])
    assert row[column["SOURCEURL"]] == "https://example.org/wire/1"
    assert row[column["MonthYear"]] == "202306" and row[column["Year"]] == "2023"

    with_header = tmp_path / "header.tsv"
    export(store, "gdelt-tsv", with_header, header=True)
    first = lines(with_header)[0].split("\t")
    assert tuple(first) == GDELT_COLUMNS and len(first) == 61


def test_csv_meetings_and_statements(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "meetings.csv"
    export(store, "csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_MEETING_COLUMNS
    meetings = {m["id"]: m for m in store.meetings()}
    assert {r["id"] for r in rows} == set(meetings)
    for row in rows:
        meeting = meetings[row["id"]]
        names = {p["name"] for p in meeting["participants"]}
        assert {row["side_a_names"], row["side_b_names"]} == names  # two-sided samples
        assert int(row["sources"]) == meeting["sources"] and row["cameo"] == meeting["cameo"]
    statements = tmp_path / "statements.csv"
    export(store, "csv", statements, what="statements")
    with statements.open(encoding="utf-8", newline="") as handle:
        said = list(csv.DictReader(handle))
    assert {r["id"] for r in said} == {s["id"] for s in store.statements()}


def test_parquet_has_a_row_per_meeting(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "meetings.parquet"
    report = export(store, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == report.written == len(store.meetings())
    assert tuple(table.column_names) == CSV_MEETING_COLUMNS
    assert sorted(table.column("id").to_pylist()) == sorted(m["id"] for m in store.meetings())


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_edges_weigh_the_meetings(store: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"actors.{fmt}"
    export(store, fmt, out)
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    expected: Counter[frozenset[str]] = Counter()
    taking_part: Counter[str] = Counter()
    for meeting in store.meetings():
        people = meeting["participants"]
        taking_part.update({p["actor_id"] for p in people})
        expected.update(
            {
                frozenset((a["actor_id"], b["actor_id"]))
                for a, b in combinations(people, 2)
                if side_of(a) != side_of(b)
            }
        )
    got = {frozenset((a, b)): int(data["weight"]) for a, b, data in graph.edges(data=True)}
    assert got == dict(expected) and got
    for node, data in graph.nodes(data=True):
        assert int(data["meetings"]) == taking_part[node]
    lavrov = graph.nodes["sergey-lavrov"]
    assert lavrov["country"] == "RUS"
    edge = graph.edges["sergey-lavrov", "wang-yi"]
    assert edge["first_date"] == edge["last_date"] == "2024-07-03"


def test_filters_narrow_every_format(store: Store, tmp_path: Path) -> None:
    everything = tmp_path / "all.jsonl"
    russia = tmp_path / "rus.jsonl"
    export(store, "plover-jsonl", everything, what="meetings")
    export(store, "plover-jsonl", russia, what="meetings", country="RUS")
    some = [json.loads(line) for line in lines(russia)]
    assert 0 < len(some) < len(lines(everything))
    assert all("RUS" in {e["code"] for e in [*r["actor"], *r["recipient"]]} for r in some)
    calls = tmp_path / "calls.csv"
    export(store, "csv", calls, mode="phone", since="2023-01-01")
    with calls.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["mode"] == "phone" and r["date"] >= "2023-01-01" for r in rows)
    said = tmp_path / "said.tsv"
    export(store, "gdelt-tsv", said, what="statements", actor="Wang Yi")
    names = [line.split("\t")[6] + line.split("\t")[16] for line in lines(said)]
    assert names and all("Wang Yi" in n for n in names)
    recent = tmp_path / "recent.jsonl"  # a statement of an undated document: its meeting's date
    export(store, "plover-jsonl", recent, what="statements", since="2024-01-01")
    dates = [json.loads(line)["date"] for line in lines(recent)]
    assert dates and all(d >= "2024-01-01" for d in dates)
    # the store dates them by their meeting (the republished sample has no date of its own)
    assert all(s["date"] for s in store.statements(speaker="Lavrov") if s["meeting_id"])
    nobody = tmp_path / "nobody.tsv"
    report = export(store, "polecat-tsv", nobody, actor="Nobody Atall")
    assert report.written == 0 and len(lines(nobody)) == 1  # the header only


def test_small_pages_give_the_same_export(store: Store, tmp_path: Path) -> None:
    one, two = tmp_path / "big.tsv", tmp_path / "small.tsv"
    export(store, "gdelt-tsv", one)
    export(store, "gdelt-tsv", two, page_size=2)
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_mistakes_are_clear_errors(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ExportError, match=r"\[E040\].*plover-jsonl, polecat-tsv, gdelt-tsv"):
        export(store, "xml", tmp_path / "x.xml")
    with pytest.raises(ExportError, match="meetings"):
        export(store, "graphml", tmp_path / "x.graphml", what="statements")
    with pytest.raises(ExportError, match="give a file name"):
        export(store, "parquet", "-")
    with pytest.raises(ExportError, match=r"\[E040\] cannot write .*missing"):
        export(store, "csv", tmp_path / "missing" / "x.csv")
    monkeypatch.setitem(sys.modules, "networkx", None)  # as if the extra were not installed
    with pytest.raises(MissingExtraError, match=r'pip install "sidelines\[graph\]"'):
        export(store, "gexf", tmp_path / "x.gexf")
    assert not (tmp_path / "x.gexf").exists()


def test_cli_writes_a_file_and_stdout(store: Store, tmp_path: Path) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "cli.jsonl"
    result = runner.invoke(app, ["export", "--format", "plover-jsonl", str(out), "--db", url])
    assert result.exit_code == 0, result.output
    written = lines(out)
    assert f"wrote {len(written)} records to {out}" in result.stderr
    assert not (tmp_path / "cli.jsonl.partial").exists()

    result = runner.invoke(
        app, ["export", "-f", "gdelt-tsv", "-", "--header", "--with", "CHN", "--db", url]
    )
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split("\t")[0] == "GLOBALEVENTID" and rows
    assert all(len(r.split("\t")) == 61 for r in rows)
    assert "to standard output" in result.stderr

    result = runner.invoke(app, ["export", "-f", "graphml", "-", "--db", url])
    assert result.exit_code == 0 and "<graphml" in result.stdout

    result = runner.invoke(app, ["export", "-f", "pdf", str(tmp_path / "x"), "--db", url])
    assert result.exit_code == 2 and "[E040]" in result.stderr and "gexf" in result.stderr
    assert "Traceback" not in result.output


def test_help_lists_every_format() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0
    assert all(fmt in result.stdout for fmt in FORMATS)
