"""Every command's ``--help`` renders as plain text: no markup printed raw or swallowed, and
every file it names exists in the project."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sidelines.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
#: a file name in help text: README.md, ../shared/eval/README.md, kb/data/cameo.yaml
FILE = re.compile(r"[\w./-]*\w\.(?:md|yaml|yml|json|csv|py|toml)\b")
RAW_MARKUP = re.compile(r"`|\[/?(?:bold|red|green|dim|italic|b|i|link)[^\]]*\]")


def _commands(command: object, path: list[str]) -> Iterator[list[str]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, [*path, name])


COMMANDS = list(_commands(typer.main.get_command(app), []))


def test_every_command_is_walked() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"export", "serve", "demo", "kb learn", "reviews export-gold"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "sidelines")
def test_help_is_plain_text_naming_files_that_exist(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"], terminal_width=250)
    assert result.exit_code == 0, result.output
    text = " ".join(line.strip("│ ╭╮╰╯─") for line in result.output.splitlines())
    assert not RAW_MARKUP.search(text), text
    for name in FILE.findall(text):
        if name.startswith("*.") or name.startswith("<"):
            continue  # a pattern (*.json) or a placeholder (<doc>.json), not a file
        assert (ROOT / name).exists() or (ROOT / "src" / "sidelines" / name).exists(), name


def test_extras_in_brackets_are_not_eaten_as_markup() -> None:
    result = runner.invoke(app, ["ingest", "--help"], terminal_width=250)
    assert "sidelines[ray]" in result.output


@pytest.mark.parametrize("command", ["meetings", "statements", "export"])
def test_occasion_and_topic_have_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], terminal_width=250)
    lines = [line.strip(" │") for line in result.output.splitlines()]
    for option in ("--occasion", "--topic"):
        [line] = [line for line in lines if line.startswith(option + " ")]
        described = line.removeprefix(option).replace("<str>", "").replace("TEXT", "").strip()
        assert described, f"{command} {option} has no help"
