"""Benchmark: ``extract`` over real documents against a bare ``nlp.pipe`` of the same texts.

Both runs use the same spaCy model and the same texts (after ingest), in one process, so the ratio
says what sidelines adds on top of spaCy. Not a test: run it by hand. The machine is shared, so
the ratio of the process's CPU seconds is printed beside the wall-clock one (other processes'
load inflates wall time, less so CPU time); ``--repeat N`` runs both N times and prints the median.

    python bench/extract_speed.py [--limit N] [--model NAME]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from sidelines.core import extract_many, prepare
from sidelines.errors import InputError
from sidelines.ingest import iter_documents
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_bare, load_pipeline
from sidelines.types import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"


def corpus_files() -> list[str]:
    """The dev documents and the HTML/Markdown corpus pages."""
    folders = [
        SHARED / "eval" / "dev" / "docs",
        SHARED / "corpus" / "kremlin-html",
        SHARED / "corpus" / "whitehouse-md",
    ]
    return sorted(str(p) for f in folders if f.is_dir() for p in f.iterdir() if p.is_file())


class _Clock:
    """Wall-clock and process CPU seconds since it was made."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--model", default=None, help="spaCy pipeline name")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; medians printed")
    args = parser.parse_args()
    files = corpus_files()
    if not files:
        raise SystemExit(f"no documents under {SHARED}")
    if args.limit:
        files = files[: args.limit]
    documents = [d for d in iter_documents(files) if not isinstance(d, InputError)]
    assert all(isinstance(d, Document) for d in documents)
    kb = KnowledgeBase.default()
    texts = [prepare(d, kb).text for d in documents]  # type: ignore[arg-type]
    bare = load_bare(args.model)
    full = load_pipeline(args.model)
    # warm up both pipelines (model load, KB indexes, caches) outside the timings
    list(bare.pipe(texts[:5]))
    list(extract_many(documents[:5], nlp=full))  # type: ignore[arg-type]

    bare_runs: list[tuple[float, float]] = []
    full_runs: list[tuple[float, float]] = []
    meetings = statements = 0
    for _ in range(args.repeat):
        clock = _Clock()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        bare_runs.append(clock.read())
        clock = _Clock()
        meetings = statements = 0
        for result in extract_many(documents, nlp=full):  # type: ignore[arg-type]
            meetings += len(result.meetings)
            statements += len(result.statements)
        full_runs.append(clock.read())
    bare_seconds, bare_cpu = (statistics.median(x) for x in zip(*bare_runs, strict=True))
    full_seconds, full_cpu = (statistics.median(x) for x in zip(*full_runs, strict=True))

    chars = sum(len(t) for t in texts)
    print(f"documents: {len(documents)}  characters: {chars:,}")
    print(
        f"bare nlp.pipe:      {bare_seconds:8.2f} s  ({len(documents) / bare_seconds:6.1f} docs/s)"
    )
    print(
        f"sidelines extract:  {full_seconds:8.2f} s  ({len(documents) / full_seconds:6.1f} docs/s)"
    )
    print(f"ratio extract / bare: {full_seconds / bare_seconds:.2f}")
    print(f"ratio of CPU seconds: {full_cpu / bare_cpu:.2f}  ({full_cpu:.2f} s / {bare_cpu:.2f} s)")
    if args.repeat > 1:
        ratios = sorted(f[0] / b[0] for f, b in zip(full_runs, bare_runs, strict=True))
        print(f"wall ratios of the {args.repeat} runs: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"found: {meetings} meetings, {statements} statements")


if __name__ == "__main__":
    main()
