"""A user's own actors: kb add (YAML, CSV) and kb import (REIGN-style CSV, CAMEO dictionaries).

The files here are written by us in the shapes of those public formats.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sidelines.cli import app
from sidelines.data import data_dir
from sidelines.errors import KnowledgeBaseError
from sidelines.kb import KnowledgeBase
from sidelines.kb.query import resolve_text
from sidelines.kb.userdata import add_file, import_file


def with_user(folder: Path) -> KnowledgeBase:
    return KnowledgeBase([data_dir(), folder])


def test_add_csv_of_roles(tmp_path: Path) -> None:
    source = tmp_path / "envoys.csv"
    source.write_text(
        "name,country,office,title,start,end,aliases,short\n"
        "Maria Lindqvist,SWE,other,Special Envoy for the Arctic,2021-03-01,,M. Lindqvist,Lindqvist\n"
        "Maria Lindqvist,SWE,other,Ambassador to Norway,2016-01-10,2021-02-28,,\n",
        encoding="utf-8",
    )
    dest, count = add_file(source, tmp_path / "kb")
    assert count == 1 and dest.exists()
    kb = with_user(tmp_path / "kb")
    [found] = resolve_text(kb, "M. Lindqvist", dt.date(2022, 5, 1))
    assert (found.name, found.title, found.country) == (
        "Maria Lindqvist",
        "Special Envoy for the Arctic",
        "SWE",
    )


def test_add_yaml_in_the_seed_format(tmp_path: Path) -> None:
    source = tmp_path / "mine.yaml"
    source.write_text(
        "country: NOR\npeople:\n  - id: ola-example\n    name: Ola Nordmann\n    roles:\n"
        "      - {office: other, title: State Secretary, start: 2020-01-01, end: null}\n",
        encoding="utf-8",
    )
    add_file(source, tmp_path / "kb")
    assert with_user(tmp_path / "kb").find_actors("Ola Nordmann")[0].country == "NOR"


def test_bad_rows_write_nothing(tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("name,country,office,title,start\nA Person,SWE,other,Envoy,15/01/2020\n")
    with pytest.raises(KnowledgeBaseError, match=r"bad\.csv:2"):
        add_file(source, tmp_path / "kb")
    assert not list((tmp_path / "kb").glob("people/*.yaml"))


def test_import_reign_style_leader_list(tmp_path: Path) -> None:
    source = tmp_path / "leaders.csv"
    source.write_text(
        "leader,ccode,start,end\n"
        "Ola Leaderson,385,2001-10-19,2005-10-17\n"  # a COW state number (Norway)
        "Kari Leaderdottir,ISL,2009-02-01,2013-05-23\n",  # or an ISO3 code
        encoding="utf-8",
    )
    _dest, count = import_file(source, "reign", tmp_path / "kb")
    assert count == 2
    kb = with_user(tmp_path / "kb")
    assert kb.find_actors("Ola Leaderson")[0].roles[0].country == "NOR"
    assert kb.find_actors("Kari Leaderdottir")[0].roles[0].holds_on(dt.date(2010, 1, 1))


def test_import_cameo_actor_dictionary(tmp_path: Path) -> None:
    source = tmp_path / "actors.txt"
    source.write_text(
        "# our own example in the CAMEO/Phoenix actor dictionary layout\n"
        "OLA_EXAMPLESEN_\n+O._EXAMPLESEN_\n+OLA_EKSEMPELSEN_\n"
        "[NORGOV 050101-091231]\n[NORELI >100101]\n\n"
        "KARI_SAMPLE_ [ISLGOV <081231]\n",
        encoding="utf-8",
    )
    _dest, count = import_file(source, "cameo-actors", tmp_path / "kb")
    assert count == 2
    kb = with_user(tmp_path / "kb")
    [ola] = kb.find_actors("Ola Eksempelsen")
    assert ola.name == "Ola Examplesen" and ola.country == "NOR"
    titles = {(r.title, r.start, r.end) for r in ola.roles}
    assert ("Government", dt.date(2005, 1, 1), dt.date(2009, 12, 31)) in titles
    assert ("Elite", dt.date(2010, 1, 1), None) in titles
    assert kb.find_actors("Kari Sample")[0].roles[0].end == dt.date(2008, 12, 31)


def test_cli_add_uses_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_default: None
) -> None:
    monkeypatch.setenv("SIDELINES_KB_DIR", str(tmp_path / "kb"))
    source = tmp_path / "one.csv"
    source.write_text("name,country,office,title,start\nLena Probe,DNK,other,Envoy,2020-01-01\n")
    result = CliRunner().invoke(app, ["kb", "add", str(source)])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "kb" / "people").glob("*.yaml"))
    bad = CliRunner().invoke(app, ["kb", "import", str(source), "--format", "reign"])
    assert bad.exit_code == 2 and "E020" in bad.output
