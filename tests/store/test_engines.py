"""Engines: the process pool and Ray give the same database as the local engine, in input order."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.engines import (
    Engine,
    EngineError,
    ExtractionFailure,
    LocalEngine,
    ProcessEngine,
    make_engine,
)
from sidelines.store import Store
from sidelines.types import Document

from ..conftest import SAMPLES

pytestmark = pytest.mark.slow  # worker processes and Ray actors, each loading spaCy

#: tables compared, and columns left out: timestamps and autoincrement row ids
TABLES = ("documents", "meetings", "meeting_sources", "participants", "statements", "evidence")
UNCOMPARED = {"ingested_at", "at", "applied_at"}
AUTOINCREMENT = {"participants", "evidence"}


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every compared row of every compared table, sorted."""
    content: dict[str, list[tuple[object, ...]]] = {}
    with sqlite3.connect(path) as connection:
        for table in TABLES:
            columns = [
                row[1]
                for row in connection.execute(f"PRAGMA table_info({table})")
                if row[1] not in UNCOMPARED and not (table in AUTOINCREMENT and row[1] == "id")
            ]
            rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            content[table] = sorted(rows, key=repr)
    return content


def ingest_with(engine: Engine, path: Path, nlp: Language | None = None) -> IngestReport:
    store = Store.open(f"sqlite:///{path}")
    report = IngestReport()
    documents = read_items([str(SAMPLES)], store, report)
    return ingest_documents(documents, store, report, nlp=nlp, engine=engine)


@pytest.fixture(scope="module")
def local_dump(
    tmp_path_factory: pytest.TempPathFactory, nlp: Language
) -> dict[str, list[tuple[object, ...]]]:
    path = tmp_path_factory.mktemp("local") / "local.db"
    report = ingest_with(LocalEngine(nlp=nlp), path)
    assert report.stored >= 4 and not report.failed
    content = dump(path)
    assert content["meetings"] and content["statements"] and content["evidence"]
    return content


class Counted:
    """An iterable that counts how many documents were pulled from it."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.pulled = 0

    def __iter__(self) -> Iterator[Document]:
        for document in self.documents:
            self.pulled += 1
            yield document


def check_order_and_window(engine: Engine, documents: list[Document], bound: int) -> None:
    counted = Counted(documents)
    results = engine.run(counted)
    first_document, first_result = next(results)
    assert counted.pulled <= bound  # a window in flight, not the whole input
    rest = list(results)
    assert [d.path for d, _ in [(first_document, first_result), *rest]] == [
        d.path for d in documents
    ]
    assert not any(isinstance(r, ExtractionFailure) for _, r in rest)


def test_process_engine_gives_the_same_database(
    tmp_path: Path, local_dump: dict[str, list[tuple[object, ...]]]
) -> None:
    path = tmp_path / "process.db"
    first = ingest_with(ProcessEngine(workers=2), path)
    assert first.stored >= 4 and not first.failed
    assert dump(path) == local_dump
    again = ingest_with(ProcessEngine(workers=2), path)
    assert again.stored == 0 and again.skipped == first.stored
    assert dump(path) == local_dump
    documents = read_items(
        [str(SAMPLES)], Store.open(f"sqlite:///{tmp_path / 'x.db'}"), IngestReport()
    )
    check_order_and_window(ProcessEngine(workers=1, chunk_size=1, window=2), documents, bound=3)


def test_ray_engine_gives_the_same_database(
    tmp_path: Path, local_dump: dict[str, list[tuple[object, ...]]]
) -> None:
    ray = pytest.importorskip("ray", reason='Ray is not installed (pip install "sidelines[ray]")')
    from sidelines.engines.ray import RayEngine

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        path = tmp_path / "ray.db"
        first = ingest_with(RayEngine(workers=2), path)
        assert first.stored >= 4 and not first.failed
        assert dump(path) == local_dump
        again = ingest_with(RayEngine(workers=2), path)
        assert again.stored == 0 and dump(path) == local_dump
        assert ray.is_initialized()  # an instance the engine did not start is left running
    finally:
        ray.shutdown()


def test_missing_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(EngineError, match=r'E050.*pip install "sidelines\[ray\]"'):
        make_engine("ray")


def test_unknown_engine_lists_the_choices() -> None:
    with pytest.raises(EngineError, match="choose one of: local, process, ray"):
        make_engine("spark")


def test_a_failing_document_is_a_recorded_error_and_the_batch_goes_on(
    tmp_path: Path, nlp: Language
) -> None:
    class Broken(LocalEngine):
        def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, object]]:  # type: ignore[override]
            for document, result in super().run(documents):
                if document.path and document.path.endswith(".txt"):
                    yield document, ExtractionFailure("extraction failed: boom")
                else:
                    yield document, result

    path = tmp_path / "broken.db"
    report = ingest_with(Broken(nlp=nlp), path)  # type: ignore[arg-type]
    assert report.stored >= 3 and [code for _, code in report.failed] == ["E052"]
    assert Store.open(f"sqlite:///{path}").counts()["ingest_errors"] == 1


def test_an_unreachable_ray_address_fails_fast() -> None:
    pytest.importorskip("ray", reason='Ray is not installed (pip install "sidelines[ray]")')
    from sidelines.engines.ray import RayEngine

    with pytest.raises(EngineError, match=r"cannot reach Ray at '127\.0\.0\.1:1'"):
        RayEngine(address="127.0.0.1:1")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_kill_9_with_the_process_engine_then_rerun_equals_a_clean_run(
    tmp_path: Path, local_dump: dict[str, list[tuple[object, ...]]]
) -> None:
    killed_db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "sidelines", "ingest", str(SAMPLES), "--db"]
    command += [f"sqlite:///{killed_db}", "--engine", "process", "--workers", "1"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid) or workers
        if killed_db.exists() and _documents_in(killed_db) >= 1:
            break  # killed after its first commit, before the last
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    report = ingest_with(ProcessEngine(workers=2), killed_db)
    assert not report.failed
    assert dump(killed_db) == local_dump
    assert workers
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = [pid for pid in workers if _running(pid)]
    assert not alive, f"worker processes outlived the killed ingest: {alive}"


def _running(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _documents_in(path: Path) -> int:
    try:
        with sqlite3.connect(path, timeout=0.1) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0
