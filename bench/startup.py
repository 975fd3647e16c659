"""Benchmark: start-up times of cold processes, in one run.

Each figure is the wall time and the CPU time (user + system) of a new Python process
(interpreter start included), the median of ``--repeat`` runs; on a shared machine the wall time
includes waiting for a CPU, the CPU time does not:

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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RESOLVE = ["kb", "resolve", "Chinese foreign minister", "--date", "2022-11-15"]

#: prints the wall and CPU seconds ``KnowledgeBase.default()`` (or a build bypassing the cache) takes
_LOAD = """
import sys, time
from sidelines.kb import KnowledgeBase
from sidelines.data import data_dir
began, cpu = time.perf_counter(), time.process_time()
kb = KnowledgeBase([data_dir()]) if sys.argv[1] == "build" else KnowledgeBase.default()
print(time.perf_counter() - began, time.process_time() - cpu, len(kb.actors))
"""


def _sidelines() -> list[str]:
    script = Path(sys.executable).with_name("sidelines")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sidelines"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one process."""
    cpu = _children_cpu()
    began = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began, _children_cpu() - cpu


def _inside(mode: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of loading (or building) the knowledge base, inside its process."""
    out = subprocess.run(
        [sys.executable, "-c", _LOAD, mode], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def _median(
    repeat: int, measure: Callable[[], tuple[float, float]], before: Callable[[], None]
) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        before()
        runs.append(measure())
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


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

    cli = _sidelines()
    rows: list[tuple[str, tuple[float, float], float | None]] = []
    try:
        helped = _median(args.repeat, lambda: _process([*cli, "--help"], env), keep)
        rows.append(("sidelines --help (process)", helped, 0.5))
        first = _median(args.repeat, lambda: _process([*cli, *RESOLVE], env), empty_cache)
        _process([*cli, *RESOLVE], env)  # the cache is written now
        cached = _median(args.repeat, lambda: _process([*cli, *RESOLVE], env), keep)
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
        f"{os.getloadavg()[0]:.2f} (wall time waits for a busy CPU; CPU time does not)"
    )
    print(f"{'what':48} {'wall s':>7} {'CPU s':>7} {'goal':>5} {'wall/goal':>9} {'CPU/goal':>8}")
    for name, (wall, cpu), goal in rows:
        ratios = f"{wall / goal:9.2f} {cpu / goal:8.2f}" if goal else ""
        print(f"{name:48} {wall:7.3f} {cpu:7.3f} {goal or '':>5} {ratios}")
    print(
        f"build / cached load: {build[0] / load[0]:.1f}x wall, {build[1] / load[1]:.1f}x CPU; "
        f"kb resolve first use / cached: {first[0] / cached[0]:.1f}x wall"
    )


if __name__ == "__main__":
    main()
