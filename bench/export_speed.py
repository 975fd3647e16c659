"""Time and memory of every export format on a corpus database.

Each format is written once to a temporary folder; the table prints seconds, records written,
records per second and, with ``--memory``, the peak of Python allocations (tracemalloc, which
slows the export several times) while the export ran. The
exports read page by page and the tables sort in spilled runs, so the peak should stay flat as
the corpus grows (the graph formats hold one entry per actor and pair). Not a test.

    python bench/export_speed.py --db sqlite:///sidelines.db [--formats csv,gexf] [--memory]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from sidelines.export import FORMATS, export
from sidelines.store import Store

SUFFIX = {"plover-jsonl": "jsonl", "polecat-tsv": "tsv", "gdelt-tsv": "tsv"}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--memory", action="store_true", help="also trace peak allocations")
    args = parser.parse_args()
    store = Store.open(args.db)
    counts = store.counts()
    print(f"{counts['meetings']} meetings, {counts['statements']} statements in {args.db}")
    print(f"{'format':<14}{'seconds':>9}{'written':>9}{'per s':>9}{'peak MiB':>10}")
    with tempfile.TemporaryDirectory(prefix="sidelines-export-bench-") as folder:
        for fmt in args.formats.split(","):
            out = Path(folder) / f"out.{SUFFIX.get(fmt, fmt)}"
            if args.memory:
                tracemalloc.start()
            start = time.perf_counter()
            report = export(store, fmt, out)
            seconds = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1] if args.memory else float("nan")
            tracemalloc.stop()
            rate = report.written / seconds if seconds else 0.0
            print(f"{fmt:<14}{seconds:>9.2f}{report.written:>9}{rate:>9.0f}{peak / 2**20:>10.1f}")


if __name__ == "__main__":
    main()
