"""Benchmark: start-up times of cold processes, in one run.

Each figure is the wall time of a new Python process (interpreter start included), the median of
``--repeat`` runs:

* ``sidelines --help``;
* ``sidelines kb resolve "Chinese foreign minister" --date 2022-11-15`` with the compiled
  knowledge base in the cache, and on first use (an empty cache folder: it builds and writes it);
* ``KnowledgeBase.default()`` timed inside the process (imports excluded): from the cache, on
  first use, and a build from the data files that bypasses the cache;

then the ratios against the goals (``--help`` < 0.5 s, ``kb resolve`` < 1 s, loading < 0.3 s)
and of building over loading. The user's own knowledge-base folder and cache are not touched:
``$SIDELINES_KB_DIR`` and ``$SIDELINES_CACHE_DIR`` point into a temporary folder. Not a test.

    python bench/startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RESOLVE = ["kb", "resolve", "Chinese foreign minister", "--date", "2022-11-15"]

#: prints the seconds ``KnowledgeBase.default()`` (or a build bypassing the cache) takes
_LOAD = """
import sys, time
from sidelines.kb import KnowledgeBase
from sidelines.kb.loader import data_dir
began = time.perf_counter()
kb = KnowledgeBase([data_dir()]) if sys.argv[1] == "build" else KnowledgeBase.default()
print(time.perf_counter() - began, len(kb.actors))
"""


def _sidelines() -> list[str]:
    script = Path(sys.executable).with_name("sidelines")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sidelines"]


def _wall(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def _inside(mode: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _LOAD, mode], env=env, check=True, capture_output=True, text=True
    ).stdout
    return float(out.split()[0])


def _median(repeat: int, measure: Callable[[], float], before: Callable[[], None]) -> float:
    times = []
    for _ in range(repeat):
        before()
        times.append(measure())
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sidelines-startup-"))
    cache = work / "cache"
    env = {**os.environ, "SIDELINES_KB_DIR": str(work / "kb"), "SIDELINES_CACHE_DIR": str(cache)}

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def keep() -> None:
        pass

    try:
        cli = _sidelines()
        rows: list[tuple[str, float, float | None]] = []
        wall = _median(args.repeat, lambda: _wall([*cli, "--help"], env), keep)
        rows.append(("sidelines --help (process)", wall, 0.5))
        first = _median(args.repeat, lambda: _wall([*cli, *RESOLVE], env), empty_cache)
        _wall([*cli, *RESOLVE], env)  # the cache is written now
        cached = _median(args.repeat, lambda: _wall([*cli, *RESOLVE], env), keep)
        rows.append(("sidelines kb resolve, cached (process)", cached, 1.0))
        rows.append(("sidelines kb resolve, first use (process)", first, None))
        load = _median(args.repeat, lambda: _inside("default", env), keep)
        load_first = _median(args.repeat, lambda: _inside("default", env), empty_cache)
        build = _median(args.repeat, lambda: _inside("build", env), keep)
        rows.append(("KnowledgeBase.default(), cached (in process)", load, 0.3))
        rows.append(("KnowledgeBase.default(), first use (in process)", load_first, None))
        rows.append(("KnowledgeBase build, no cache (in process)", build, None))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"median of {args.repeat} cold processes each; {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f}"
    )
    print(f"{'what':50} {'seconds':>8} {'goal':>6} {'time/goal':>9}")
    for name, seconds, goal in rows:
        ratio = f"{seconds / goal:9.2f}" if goal else ""
        print(f"{name:50} {seconds:8.3f} {goal or '':>6} {ratio}")
    print(
        f"build / cached load: {build / load:.1f}x;  kb resolve first use / cached: "
        f"{first / cached:.1f}x"
    )


if __name__ == "__main__":
    main()
