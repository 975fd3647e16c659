"""Commands that do not extract, store or serve do not import what extracting, storing or serving
needs (spaCy, trafilatura, SQLAlchemy, FastAPI, pandas...): ``sidelines --help`` and ``sidelines kb
resolve`` answer from a cold process without them. Times are measured in ``bench/startup.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sidelines

HEAVY = [
    "spacy",
    "thinc",
    "trafilatura",
    "sqlalchemy",
    "fastapi",
    "uvicorn",
    "pandas",
    "pyarrow",
    "networkx",
    "ray",
    "dateparser",
    "sidelines.core",
    "sidelines.nlp",
    "sidelines.store",
]

_RUN = """
import json, os, sys
from sidelines.cli import main
sys.argv = ["sidelines", *sys.argv[2:]]
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
with open(os.environ["LOADED_OUT"], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


def run(tmp_path: Path, *args: str) -> tuple[int, set[str], str]:
    report = tmp_path / "loaded.json"
    env = {**os.environ, "LOADED_OUT": str(report), "SIDELINES_KB_DIR": str(tmp_path / "kb")}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, "-", *args], env=env, capture_output=True, text=True
    )
    found = json.loads(report.read_text(encoding="utf-8"))
    return found["code"], set(found["modules"]), done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["kb", "--help"],
        ["kb", "resolve", "Chinese foreign minister", "--date", "2022-11-15"],
        ["kb", "show", "Wang Yi", "--format", "json"],
    ],
)
def test_commands_without_extraction_do_not_import_it(tmp_path: Path, args: list[str]) -> None:
    code, modules, output = run(tmp_path, *args)
    assert code in (0, None), output
    assert output.strip()
    assert [m for m in HEAVY if m in modules] == []


def test_the_package_imports_extract_on_first_use(tmp_path: Path) -> None:
    probe = (
        "import sys, sidelines; before = 'spacy' in sys.modules; "
        "from sidelines import extract, load_document; "
        "print(before, 'spacy' in sys.modules, extract.__module__, load_document.__module__)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "sidelines.core", "sidelines.ingest.core"]
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = sidelines.no_such_name  # type: ignore[attr-defined]
