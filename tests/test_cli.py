"""The command line as a user runs it: contract fields, directories, bad items, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from sidelines.cli import app

from .conftest import SAMPLES

runner = CliRunner()


def test_extract_sample_file_prints_the_contract() -> None:
    path = str(SAMPLES / "republished-readout.txt")
    result = runner.invoke(app, ["extract", path, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"document", "meetings", "statements"}
    assert data["document"]["path"] == path
    assert data["document"]["original_source"] == "Chinese Foreign Ministry"
    meeting = data["meetings"][0]
    for key in (
        "id",
        "status",
        "mode",
        "participants",
        "accompanying",
        "date",
        "place",
        "country",
        "occasion",
        "topics",
        "cameo",
        "plover",
        "evidence",
    ):
        assert key in meeting
    names = {p["name"] for p in meeting["participants"]}
    assert names == {"Wang Yi", "Sergey Lavrov"}
    assert meeting["date"] == "2024-07-03"
    statement = data["statements"][0]
    for key in (
        "id",
        "speakers",
        "cue",
        "text",
        "topics",
        "meeting_id",
        "cameo",
        "plover",
        "evidence",
    ):
        assert key in statement
    text = data["document"]
    assert text["id"] and len(text["id"]) == 64


def test_directory_jsonl_one_line_per_document() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    # four files, one of them JSON lines with two records
    assert len(lines) == 5
    assert all(line["document"]["path"] for line in lines)
    assert sum(len(line["meetings"]) for line in lines) >= 5


def test_bad_items_are_reported_and_the_rest_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(SAMPLES / "republished-readout.txt", good)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 50)
    missing = tmp_path / "missing.txt"
    result = runner.invoke(
        app, ["extract", str(good), str(empty), str(binary), str(missing), "--format", "jsonl"]
    )
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["document"]["path"] for r in records] == [str(good)]
    for name in ("empty.txt", "blob.txt", "missing.txt"):
        assert name in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_model_is_one_clear_line() -> None:
    result = runner.invoke(
        app, ["extract", str(SAMPLES / "call-readout.md"), "--model", "en_core_web_nonexistent"]
    )
    assert result.exit_code == 2
    assert "[E010]" in result.stderr and "Installed:" in result.stderr


def test_table_format() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES / "call-readout.md"), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "Olaf Scholz" in result.stdout


def test_console_script_reads_stdin() -> None:
    text = (SAMPLES / "republished-readout.txt").read_text()
    done = subprocess.run(
        [sys.executable, "-m", "sidelines", "extract", "-", "--format", "json"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["document"]["path"] == "-"
    assert data["meetings"]


def test_kb_resolve_title_on_a_date() -> None:
    result = runner.invoke(
        app, ["kb", "resolve", "the Chinese foreign minister", "--date", "2023-03-15"]
    )
    assert result.exit_code == 0, result.output
    [best, *_] = json.loads(result.stdout)
    assert (best["name"], best["office"], best["country"]) == (
        "Qin Gang",
        "foreign_minister",
        "CHN",
    )
    assert 0 < best["confidence"] <= 1


def test_kb_resolve_unknown_and_bad_date() -> None:
    assert (
        runner.invoke(app, ["kb", "resolve", "Nobody Atall", "--date", "2020-01-01"]).exit_code == 1
    )
    bad = runner.invoke(app, ["kb", "resolve", "Lavrov", "--date", "15/11/2022"])
    assert bad.exit_code == 2 and "E021" in bad.output


def test_kb_show_prints_the_roles_timeline() -> None:
    result = runner.invoke(app, ["kb", "show", "Sergei Lavrov", "--format", "json"])
    assert result.exit_code == 0, result.output
    [person] = json.loads(result.stdout)
    assert person["name"] == "Sergey Lavrov"
    assert any(r["office"] == "foreign_minister" and r["end"] is None for r in person["roles"])
