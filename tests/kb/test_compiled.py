"""The compiled knowledge base: a cache hit equals a fresh build, any change of the sources rebuilds
it, a corrupt cache is rebuilt, and processes starting together all get a knowledge base."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sidelines.cli import app
from sidelines.data import data_dir, read_yaml
from sidelines.errors import KnowledgeBaseError
from sidelines.kb import KnowledgeBase, compiled


class Folder:
    """What a tiny builder makes of a source folder: every file's name and text."""

    def __init__(self, directories: list[Path]) -> None:
        self.files = {
            path.relative_to(d).as_posix(): path.read_text(encoding="utf-8")
            for d in directories
            for path in compiled.source_files(d)
        }


class Counting:
    """A builder that counts its builds."""

    def __init__(self) -> None:
        self.builds = 0

    def __call__(self, directories: list[Path]) -> Folder:
        self.builds += 1
        return Folder(directories)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SIDELINES_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    (folder / "people").mkdir(parents=True)
    (folder / "cues.yaml").write_text("said: [said]\n", encoding="utf-8")
    (folder / "people" / "AAA.yaml").write_text("people: []\n", encoding="utf-8")
    return folder


def test_a_second_load_reads_the_cache(cache: Path, source: Path) -> None:
    build = Counting()
    first = compiled.load_or_build([source], build, Folder)
    second = compiled.load_or_build([source], build, Folder)
    assert build.builds == 1
    assert (
        second.files
        == first.files
        == {"cues.yaml": "said: [said]\n", "people/AAA.yaml": "people: []\n"}
    )
    assert list(cache.glob("kb-*.pickle")) == [compiled.cache_path(compiled.cache_key([source]))]


@pytest.mark.parametrize("change", ["edit", "same-size edit", "new file", "new folder", "removal"])
def test_any_change_of_a_source_file_rebuilds(cache: Path, source: Path, change: str) -> None:
    build = Counting()
    compiled.load_or_build([source], build, Folder)
    if change == "edit":
        (source / "cues.yaml").write_text("said: [said, told]\n", encoding="utf-8")
    elif change == "same-size edit":
        (source / "cues.yaml").write_text("said: [sail]\n", encoding="utf-8")
    elif change == "new file":
        (source / "people" / "ZZZ.yaml").write_text("people: []\n", encoding="utf-8")
    elif change == "new folder":
        (source / "lexicons").mkdir()
        (source / "lexicons" / "verbs.yaml").write_text("- met\n", encoding="utf-8")
    else:
        (source / "people" / "AAA.yaml").unlink()
    rebuilt = compiled.load_or_build([source], build, Folder)
    assert build.builds == 2
    assert rebuilt.files == Folder([source]).files
    # and the rebuilt one is cached in turn
    compiled.load_or_build([source], build, Folder)
    assert build.builds == 2


def test_staging_and_hidden_files_do_not_count(cache: Path, source: Path) -> None:
    before = compiled.cache_key([source])
    (source / ".staging" / "people").mkdir(parents=True)
    (source / ".staging" / "people" / "trial.yaml").write_text("people: []\n", encoding="utf-8")
    (source / ".editor-swap").write_text("x", encoding="utf-8")
    assert compiled.cache_key([source]) == before


def test_a_second_folder_and_the_order_of_folders_are_in_the_key(
    source: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    keys = {
        compiled.cache_key([source]),
        compiled.cache_key([source, mine]),
        compiled.cache_key([mine, source]),
    }
    assert len(keys) == 3


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other key", "other type"])
def test_a_corrupt_cache_is_rebuilt(cache: Path, source: Path, damage: str) -> None:
    build = Counting()
    compiled.load_or_build([source], build, Folder)
    path = compiled.cache_path(compiled.cache_key([source]))
    whole = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a pickle at all")
    elif damage == "truncated":
        path.write_bytes(whole[: len(whole) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "other key":
        compiled._write(path, "another key", Folder([source]))
    else:
        compiled._write(path, compiled.cache_key([source]), {"not": "a Folder"})
    found = compiled.load_or_build([source], build, Folder)
    assert build.builds == 2 and found.files == Folder([source]).files
    compiled.load_or_build([source], build, Folder)
    assert build.builds == 2  # the rebuilt cache was written back whole


def test_an_unwritable_cache_folder_still_gives_the_object(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("SIDELINES_CACHE_DIR", str(blocker / "cache"))
    build = Counting()
    assert compiled.load_or_build([source], build, Folder).files == Folder([source]).files
    assert compiled.load_or_build([source], build, Folder).files == Folder([source]).files
    assert build.builds == 2


def test_old_caches_are_pruned(cache: Path, tmp_path: Path) -> None:
    for number in range(compiled.KEEP + 3):
        folder = tmp_path / f"src{number}"
        folder.mkdir()
        (folder / "f.yaml").write_text(str(number), encoding="utf-8")
        compiled.load_or_build([folder], Counting(), Folder)
    assert len(list(cache.glob("kb-*.pickle"))) == compiled.KEEP
    assert not list(cache.glob(".*.tmp"))


def test_the_cache_key_covers_the_building_code() -> None:
    names = {p.name for p in compiled._code_files()}
    assert {"__init__.py", "loader.py", "model.py", "names.py", "data.py", "compiled.py"} <= names


def test_an_upgraded_library_changes_the_key(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "site" / "somelib"
    installed.mkdir(parents=True)
    (installed / "__init__.py").write_text("VERSION = 1\n", encoding="utf-8")
    library = types.ModuleType("somelib")
    library.__file__ = str(installed / "__init__.py")
    monkeypatch.setattr(compiled, "LIBRARIES", (library,))
    before = compiled.cache_key([source])
    (installed / "__pycache__").mkdir()  # compiling it is not upgrading it
    assert compiled.cache_key([source]) == before
    (installed / "__init__.py").write_text("VERSION = 22\n", encoding="utf-8")
    assert compiled.cache_key([source]) != before


@pytest.mark.slow
def test_a_cached_knowledge_base_equals_a_fresh_build(cache: Path) -> None:
    fresh = compiled.load_or_build([data_dir()], KnowledgeBase, KnowledgeBase)
    cached = compiled._read(
        compiled.cache_path(compiled.cache_key([data_dir()])),
        compiled.cache_key([data_dir()]),
        KnowledgeBase,
    )
    assert cached is not None and cached is not fresh
    assert vars(cached) == vars(fresh)
    found = cached.holder("CHN", "foreign minister", dt.date(2022, 11, 15))
    assert found is not None and found[0].name == "Wang Yi"


_FIRST_USE = """
import sys
from sidelines.kb import KnowledgeBase
kb = KnowledgeBase.default()
print(len(kb.actors), kb.holder("CHN", "foreign minister", __import__("datetime").date(2022, 11, 15))[0].name)
"""


@pytest.mark.slow
def test_two_processes_using_it_first_both_succeed(cache: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SIDELINES_CACHE_DIR": str(cache),
        "SIDELINES_KB_DIR": str(tmp_path / "none"),
    }
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _FIRST_USE],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    assert outputs[0][0] == outputs[1][0] and outputs[0][0].endswith("Wang Yi\n")
    [written] = cache.glob("kb-*.pickle")
    assert not list(cache.glob(".*.tmp"))
    key = compiled.cache_key([data_dir()])
    assert written == compiled.cache_path(key)
    assert compiled._read(written, key, KnowledgeBase) is not None
    # a third process reads what they wrote
    third = subprocess.run(
        [sys.executable, "-c", _FIRST_USE], env=env, capture_output=True, text=True
    )
    assert third.returncode == 0 and third.stdout == outputs[0][0]


@pytest.mark.slow
def test_kb_add_refreshes_the_compiled_knowledge_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_default: None
) -> None:
    monkeypatch.setenv("SIDELINES_KB_DIR", str(tmp_path / "kb"))
    source = tmp_path / "one.csv"
    source.write_text("name,country,office,title,start\nLena Probe,DNK,other,Envoy,2020-01-01\n")
    KnowledgeBase.default.cache_clear()
    assert not KnowledgeBase.default().find_actors("Lena Probe")
    added = CliRunner().invoke(app, ["kb", "add", str(source)])
    assert added.exit_code == 0, added.output
    # the same process sees the new person, and the next process finds it compiled
    resolved = CliRunner().invoke(app, ["kb", "resolve", "Lena Probe", "--date", "2021-01-01"])
    assert resolved.exit_code == 0 and '"name": "Lena Probe"' in resolved.output
    key = compiled.cache_key(KnowledgeBase.default_directories())
    assert compiled.cache_path(key).exists()
    assert len(KnowledgeBase.default_directories()) == 2


DATA_FILES = sorted(p for p in compiled.source_files(data_dir()) if p.suffix in {".yaml", ".yml"})


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[p.relative_to(data_dir()).as_posix() for p in DATA_FILES]
)
def test_the_fast_yaml_loader_reads_each_data_file_as_pyyaml_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert read_yaml(path) == yaml.load(text, Loader=yaml.SafeLoader)


def test_a_yaml_syntax_error_is_a_knowledge_base_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("people: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="cannot read knowledge-base file"):
        read_yaml(bad)
