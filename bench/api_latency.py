"""Latency of the REST API under concurrent clients: p50/p95/p99 per GET route.

Starts ``sidelines serve`` (uvicorn, one worker) in a child process over ``--db`` (default: a
temporary database of the bundled samples), then for each route runs ``--clients`` asyncio
tasks sharing one httpx client, each sending requests back to back for ``--seconds``. Not a
test: numbers depend on the machine and on what else runs on it.

    python bench/api_latency.py                       # the sample database
    python bench/api_latency.py --db sqlite:///big.db --clients 16 --seconds 5

Before and after a change, in one run: ``--before-src OLD/src --before-db URL`` first serves
``URL`` (a copy of the database as the old code left it) from the package in ``OLD/src`` (e.g.
``git archive <commit> src | tar -x -C OLD``), then ``--db`` from this checkout, and prints both.

A large database: ``python bench/synthetic_db.py --db sqlite:///big.db --meetings 1000000``
grows one with a million synthetic meetings; then ``--db sqlite:///big.db`` here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

API = "/api/v1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(
    db_url: str, port: int, workers: int, src: str | None = None
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SIDELINES_TOKEN": ""}
    if src:  # the package of another checkout (the code before a change)
        env["PYTHONPATH"] = src
    command = [sys.executable, "-m", "sidelines", "serve", "--db", db_url, "--port", str(port)]
    command += ["--workers", str(workers)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until_up(base: str, server: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            stderr = server.stderr.read().decode() if server.stderr else ""
            raise SystemExit(f"server exited: {stderr}")
        try:
            if httpx.get(f"{base}{API}/stats", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not come up")


def routes(base: str) -> dict[str, str]:
    """One path per GET route, with ids and names taken from the database itself."""

    def first(path: str) -> dict[str, Any]:
        data = httpx.get(f"{base}{API}{path}", params={"limit": 1}, timeout=30).json()["data"]
        return dict(data[0]) if data else {}

    meeting, document, actor = first("/meetings"), first("/documents"), first("/actors")
    name = actor.get("name", "Lavrov")
    word = quote((name.split() or ["Lavrov"])[-1])
    who = quote(name)  # a user asks for a person by name
    paths = {
        "meetings": f"{API}/meetings",
        "meetings?actor": f"{API}/meetings?actor={who}",
        "meetings?country&since": f"{API}/meetings?country=RUS&since=2020-01-01",
        "meetings?country=name": f"{API}/meetings?country=Russian&since=2020-01-01",
        "meetings?occasion": f"{API}/meetings?occasion=G20%20summit",
        "meetings?scope": f"{API}/meetings?scope=domestic",
        "statements?speaker": f"{API}/statements?speaker={who}",
        "meetings/{id}": f"{API}/meetings/{meeting.get('id', 'none')}",
        "statements": f"{API}/statements",
        "statements?topic": f"{API}/statements?topic=Ukraine",
        "actors": f"{API}/actors",
        "actors/{id}": f"{API}/actors/{quote(actor.get('id', 'none'))}",
        "documents": f"{API}/documents",
        "documents/{id}": f"{API}/documents/{document.get('id', 'none')}",
        "topics": f"{API}/topics",
        "occasions": f"{API}/occasions",
        "search?q": f"{API}/search?q={word}",
        "stats": f"{API}/stats",
    }
    return paths


async def drive(base: str, path: str, clients: int, seconds: float) -> dict[str, Any]:
    """Send requests to ``path`` from ``clients`` tasks for ``seconds``; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60.0) as client:
        deadline = time.monotonic() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.monotonic() < deadline:
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code < 400
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - start) * 1000)
                errors += not ok

        began = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.monotonic() - began
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50": cuts[49],
        "p95": cuts[94],
        "p99": cuts[98],
    }


def sample_db(folder: Path) -> str:
    from sidelines.api.demo import build_demo_store

    path = folder / "samples.db"
    print(f"building {path} from the bundled samples ...", file=sys.stderr)
    build_demo_store(path).engine.dispose()
    return f"sqlite:///{path}"


def measure(
    db_url: str, clients: int, seconds: float, workers: int, src: str | None = None
) -> dict[str, dict[str, Any]]:
    """p50/p95/p99 of every route of a server over ``db_url`` (run from ``src`` when given)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db_url, port, workers, src)
    try:
        wait_until_up(base, server)
        return {
            name: asyncio.run(drive(base, path, clients, seconds))
            for name, path in routes(base).items()
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="Database URL (default: the samples in a temporary file).")
    parser.add_argument("--clients", type=int, default=8, help="Concurrent clients per route.")
    parser.add_argument("--seconds", type=float, default=3.0, help="Seconds per route.")
    parser.add_argument("--workers", type=int, default=1, help="Server processes.")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    parser.add_argument("--before-src", help="src/ of the code before a change, served first.")
    parser.add_argument("--before-db", help="Database URL the code before is served over.")
    args = parser.parse_args()
    if bool(args.before_src) != bool(args.before_db):
        parser.error("--before-src and --before-db go together")

    with tempfile.TemporaryDirectory(prefix="sidelines-bench-") as folder:
        db_url = args.db or sample_db(Path(folder))
        before = (
            measure(args.before_db, args.clients, args.seconds, args.workers, args.before_src)
            if args.before_src
            else None
        )
        if not args.db or args.before_db:
            # migrate before timing: a new schema change must not fall in the first route
            from sidelines.store import Store

            Store.open(db_url).engine.dispose()
        results = measure(db_url, args.clients, args.seconds, args.workers)
    if args.json:
        print(json.dumps({"before": before, "after": results} if before else results, indent=2))
        return
    if before is not None:
        print_compared(args, before, results)
        return
    print(
        f"{args.clients} clients, {args.seconds:g} s per route, {args.workers} server"
        f" process(es), database {db_url}"
    )
    print(
        f"{'route':26} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} err"
    )
    for name, r in results.items():
        print(
            f"{name:26} {r['requests']:8d} {r['rps']:7.1f} {r['p50']:8.1f} {r['p95']:8.1f}"
            f" {r['p99']:8.1f} {r['errors']}"
        )


def print_compared(
    args: argparse.Namespace, before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> None:
    print(
        f"{args.clients} clients, {args.seconds:g} s per route, {args.workers} server"
        f" process(es); before: {args.before_db} ({args.before_src}); after: {args.db}"
    )
    print(f"{'route':26} {'before p50':>10} {'p95':>8} {'after p50':>10} {'p95':>8} err")
    for name, r in after.items():
        b = before.get(name)
        old = f"{b['p50']:10.1f} {b['p95']:8.1f}" if b else f"{'-':>10} {'-':>8}"
        errors = (b["errors"] if b else 0) + r["errors"]
        print(f"{name:26} {old} {r['p50']:10.1f} {r['p95']:8.1f} {errors}")


if __name__ == "__main__":
    main()
