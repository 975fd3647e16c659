"""Benchmark: ``ingest`` of the same documents with each engine (local, process, ray).

Each engine ingests the same N documents into a fresh SQLite database, in its own child process
so that start-up, memory and the Ray instance of one engine do not leak into the next. Prints
docs/s per engine (engine start-up included, reading the files not), the ratio to ``local``, the
seconds until the first document was stored (mostly start-up: workers load the pipeline), and
the peak resident memory of the engine's main process and of it with all its descendants (worker
processes, Ray's raylet and workers), sampled from ``/proc``. Not a test: run it by hand.

    python bench/ingest_engines.py [--limit N] [--workers 2] [--engines local,process,ray]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from itertools import zip_longest
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
FOLDERS = (SHARED / "corpus" / "kremlin-html", SHARED / "corpus" / "whitehouse-md")
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def corpus_files(limit: int) -> list[str]:
    """The corpus pages, alternating between the folders so any prefix holds both kinds."""
    lists = [sorted(str(p) for p in f.iterdir() if p.is_file()) for f in FOLDERS if f.is_dir()]
    mixed = [path for group in zip_longest(*lists) for path in group if path is not None]
    return mixed[:limit] if limit else mixed


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


class MemorySampler(threading.Thread):
    """Peak RSS of this process and of it with all its descendants, sampled every 0.2 s."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_self = 0
        self.peak_tree = 0
        self.stop = threading.Event()

    def run(self) -> None:
        if not Path("/proc/self/statm").exists():
            return
        while not self.stop.is_set():
            pid = os.getpid()
            self.peak_self = max(self.peak_self, _rss(pid))
            self.peak_tree = max(self.peak_tree, sum(_rss(p) for p in _descendants(pid)))
            self.stop.wait(0.2)


def run_one(engine_name: str, files: list[str], workers: int, db: str) -> dict[str, Any]:
    """Ingest ``files`` with one engine (in this process) and return what was measured."""
    from sidelines.corpus import IngestReport, ingest_documents, read_items
    from sidelines.engines import make_engine
    from sidelines.nlp import load_pipeline
    from sidelines.store import Store

    sampler = MemorySampler()
    sampler.start()
    store = Store.open(f"sqlite:///{db}")
    report = IngestReport()
    documents = read_items(files, store, report)
    started = time.perf_counter()
    nlp = load_pipeline() if engine_name == "local" else None  # the local engine loads it here
    engine = make_engine(engine_name, workers=workers, nlp=nlp)
    first: list[float] = []

    def done(_count: int) -> None:
        if not first:
            first.append(time.perf_counter() - started)

    ingest_documents(documents, store, report, engine=engine, on_done=done)
    elapsed = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    kib = 1024  # ru_maxrss is in KiB on Linux
    return {
        "engine": engine_name,
        "documents": len(documents),
        "stored": report.stored,
        "failed": len(report.failed),
        "seconds": elapsed,
        "docs_per_s": len(documents) / elapsed if elapsed else 0.0,
        "first_result_s": first[0] if first else elapsed,
        "peak_rss_main_mb": max(
            sampler.peak_self, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib
        )
        / 2**20,
        "peak_rss_tree_mb": sampler.peak_tree / 2**20,
        "counts": store.counts(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--workers", type=int, default=2, help="processes / Ray actors")
    parser.add_argument("--engines", default="local,process,ray", help="comma-separated")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one engine, print JSON
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = corpus_files(args.limit)
    if not files:
        sys.exit(f"no corpus files under {SHARED / 'corpus'}")
    if args.one:
        print(json.dumps(run_one(args.one, files, args.workers, args.db)))
        return
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.engines.split(","):
            command = [
                sys.executable,
                __file__,
                "--one",
                name,
                "--limit",
                str(args.limit),
                "--workers",
                str(args.workers),
                "--db",
                str(Path(tmp) / f"{name}.db"),
            ]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{name}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    local = next((r for r in results if r["engine"] == "local"), None)
    print(f"{len(files)} documents, --workers {args.workers}, {os.cpu_count()} CPUs")
    print(
        f"{'engine':8} {'docs':>5} {'s':>7} {'docs/s':>7} {'x local':>7} {'1st doc':>7} {'RSS main':>9} {'RSS all':>9}"
    )
    for r in results:
        ratio = r["docs_per_s"] / local["docs_per_s"] if local and local["docs_per_s"] else 0.0
        print(
            f"{r['engine']:8} {r['documents']:5d} {r['seconds']:7.1f} {r['docs_per_s']:7.2f} "
            f"{ratio:7.2f} {r['first_result_s']:6.1f}s {r['peak_rss_main_mb']:7.0f}MB {r['peak_rss_tree_mb']:7.0f}MB"
        )
    same = {json.dumps(r["counts"], sort_keys=True) for r in results}
    print(
        "same row counts in every database:",
        len(same) == 1,
        results[0]["counts"] if results else "",
    )


if __name__ == "__main__":
    main()
