"""Build time of the dashboard's heavy pages (network, timeline, search and its facets, CSV
downloads) on a database.

Each page is requested ``--rounds`` times through the app (in process, no server) and the median
and max wall times are printed. Ingest a corpus first, e.g. 200 documents of ``../shared/corpus``
into a SQLite file under /tmp. Not a test.

    python bench/dashboard_pages.py --db sqlite:////tmp/corpus200.db [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

from fastapi.testclient import TestClient

from sidelines.api.app import create_app
from sidelines.store import Store

PAGES = (
    "/network",
    "/network?level=country",
    "/meetings",
    "/search?q=Putin",
    "/search?q=Putin&country=RUS",
    "/search.csv?q=Putin",
    "/meetings.csv",
    "/actors",
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    client = TestClient(create_app(store=Store.open(args.db)))
    print(f"{'page':32} {'status':>6} {'median s':>9} {'max s':>7}")
    for url in args.pages:
        times = []
        status = 0
        for _ in range(args.rounds):
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            status = response.status_code
        print(f"{url:32} {status:>6} {statistics.median(times):>9.3f} {max(times):>7.3f}")


if __name__ == "__main__":
    main()
