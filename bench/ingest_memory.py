"""Peak memory of an ingest as the corpus grows, and what a second run of it adds.

Ingests the items (default: every file of ``../shared/corpus``) into a fresh database with the
local engine, recording the process's peak RSS after the first ``--checkpoint`` documents and
at the end, then ingests the same items again and prints what changed (it should be nothing).
Also prints the number of meetings reported by two or more documents (cross-document merges).
Not a test.

    python bench/ingest_memory.py [--db sqlite:///corpus.db] [--checkpoint 1000] [ITEM ...]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from sidelines.corpus import IngestReport, ingest_documents, iter_items
from sidelines.nlp import load_pipeline
from sidelines.store import Store
from sidelines.store.schema import MeetingSourceRow

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("items", nargs="*")
    parser.add_argument("--db")
    parser.add_argument("--checkpoint", type=int, default=1000)
    args = parser.parse_args()
    items = args.items
    if not items and SHARED.exists():
        items = [str(p) for p in sorted(SHARED.iterdir()) if p.is_dir() or p.suffix == ".gz"]
    if not items:
        sys.exit(f"no items given and {SHARED} is absent")
    url = args.db or f"sqlite:///{tempfile.mkdtemp()}/corpus.db"
    store = Store.open(url)
    nlp = load_pipeline()
    print(f"after loading the pipeline: peak RSS {peak_rss_mb():.0f} MB", flush=True)
    done = 0
    marks: dict[str, float] = {}
    began = time.perf_counter()

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if done >= args.checkpoint and "checkpoint" not in marks:
            marks["checkpoint"] = peak_rss_mb()
            print(f"{done} documents: peak RSS {marks['checkpoint']:.0f} MB", flush=True)

    report = IngestReport()
    documents = iter_items(items, store, report, on_error=advance)
    ingest_documents(documents, store, report, nlp=nlp, on_done=advance)
    elapsed = time.perf_counter() - began
    print(
        f"all {done} items in {elapsed:.0f} s ({done / elapsed:.1f}/s): stored {report.stored}, "
        f"skipped {report.skipped}, failed {len(report.failed)}; peak RSS {peak_rss_mb():.0f} MB"
    )
    counts = store.counts()
    print(f"database: {counts}")
    with store.sessions() as session:
        per_meeting = (
            select(MeetingSourceRow.meeting_id)
            .group_by(MeetingSourceRow.meeting_id)
            .having(func.count() >= 2)
            .subquery()
        )
        merged = session.scalar(select(func.count()).select_from(per_meeting))
    print(f"meetings reported by two or more documents: {merged}")
    again = IngestReport()
    began = time.perf_counter()
    ingest_documents(iter_items(items, store, again), store, again, nlp=nlp)
    print(
        f"second run in {time.perf_counter() - began:.0f} s: stored {again.stored}, "
        f"skipped {again.skipped}, failed {len(again.failed)}; "
        f"database unchanged: {store.counts() == counts}"
    )


if __name__ == "__main__":
    main()
