"""Query latency of the ``meetings`` filters (and a few others) on a grown database.

Each filter is run repeatedly with a page of ``--limit`` results (as the CLI and the API ask)
and with varying values (busy and rare actors, several countries, topics, occasions), and the
p50 / p95 / max latencies are printed in one table. Grow a database first with
``bench/synthetic_db.py``. Not a test.

    python bench/query_latency.py --db sqlite:///big.db [--rounds 20] [--limit 50]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from sidelines.store import Store


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()
    store = Store.open(args.db)
    rng = random.Random(3)
    busiest = [a["id"] for a in store.actors(limit=20)]
    names = [a["name"] for a in store.actors(limit=200, offset=100)]
    countries = sorted({a["country"] for a in store.actors(limit=300) if a["country"]})
    topics = [t["topic"] for t in store.topics()] or ["trade"]
    occasions = [o["occasion"] for o in store.occasions()[:20]] or ["summit"]
    meetings_total = store.count_meetings(status=None)
    limit = args.limit

    cases: dict[str, Callable[[], Any]] = {
        "meetings (no filter)": lambda: store.meetings(limit=limit),
        "meetings --actor (busy, id)": lambda: store.meetings(actor=rng.choice(busiest), limit=limit),
        "meetings --actor (rare, name)": lambda: store.meetings(actor=rng.choice(names), limit=limit),
        "meetings --country": lambda: store.meetings(country=rng.choice(countries), limit=limit),
        "meetings --country --with": lambda: store.meetings(
            country=rng.choice(countries), with_=rng.choice(countries), limit=limit
        ),
        "meetings --since --until": lambda: store.meetings(
            since="2015-01-01", until="2015-03-31", limit=limit
        ),
        "meetings --topic": lambda: store.meetings(topic=rng.choice(topics), limit=limit),
        "meetings --occasion": lambda: store.meetings(occasion=rng.choice(occasions), limit=limit),
        "meetings --mode --since": lambda: store.meetings(
            mode="phone", since="2022-01-01", limit=limit
        ),
        "count_meetings --country": lambda: store.count_meetings(country=rng.choice(countries)),
        "statements --speaker": lambda: store.statements(speaker=rng.choice(names), limit=limit),
        "actor page": lambda: store.actor(rng.choice(busiest)),
    }
    print(f"{meetings_total:,} meetings; {args.rounds} runs per query, pages of {limit}")
    print(f"{'query':34} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} {'mean rows':>10}")
    for label, run in cases.items():
        run()  # warm the page cache for this query shape
        times, rows = [], []
        for _ in range(args.rounds):
            began = time.perf_counter()
            result = run()
            times.append(1000 * (time.perf_counter() - began))
            rows.append(len(result) if isinstance(result, list) else 1)
        print(
            f"{label:34} {_percentile(times, 0.5):9.1f} {_percentile(times, 0.95):9.1f} "
            f"{max(times):9.1f} {statistics.mean(rows):10.1f}"
        )


if __name__ == "__main__":
    main()
