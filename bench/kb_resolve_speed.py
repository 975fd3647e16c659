"""Benchmark: average time of one ``resolve_text`` query (name or title + date → person).

Runs the hand-written and generated queries of ``tests/kb/test_resolve_queries.py`` several times
in one process and prints queries per second and the mean time per query. Not a test.

    python bench/kb_resolve_speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from sidelines.kb import KnowledgeBase
from sidelines.kb.query import resolve_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "kb"))
from test_resolve_queries import FACTS, generated_queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    kb = KnowledgeBase.default()
    queries = [(t, dt.date.fromisoformat(d)) for t, d, _ in FACTS]
    queries += [(t, d) for t, d, _, _ in generated_queries(kb)]
    resolve_text(kb, queries[0][0], queries[0][1])  # warm caches
    began = time.perf_counter()
    for _ in range(args.rounds):
        for text, day in queries:
            resolve_text(kb, text, day)
    elapsed = time.perf_counter() - began
    count = len(queries) * args.rounds
    print(f"{len(queries)} distinct queries x {args.rounds} rounds = {count} queries")
    print(f"{count / elapsed:,.0f} queries/s, mean {1000 * elapsed / count:.3f} ms per query")


if __name__ == "__main__":
    main()
