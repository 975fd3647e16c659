"""The Ray engine: extraction on a pool of Ray actors, on this machine or a cluster.

Each actor loads the spaCy pipeline and the knowledge base once, then extracts chunks of
documents. Results come back in input order and are written by the calling process only. Needs
the ``ray`` extra: ``pip install "sidelines[ray]"``; on a cluster, sidelines must be installed on
every node.
"""

from __future__ import annotations

import socket
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from sidelines.engines.base import EngineError, ExtractionFailure, Result, chunked, extract_chunk
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline
from sidelines.types import Document

__all__ = ["RayEngine", "RayExtractor"]

MISSING_RAY = 'the ray engine needs Ray, which is not installed: pip install "sidelines[ray]"'


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise EngineError(MISSING_RAY) from err
    return ray


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail fast on a ``host:port`` (or ``ray://host:port``) nobody listens on: ``ray.init``
    would retry for minutes."""
    target = address.split("://", 1)[-1]
    host, _, port = target.rpartition(":")
    if not host or not port.isdigit():
        return  # "auto", "local" or a form Ray resolves itself
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as err:
        raise EngineError(f"ray engine: cannot reach Ray at {address!r}: {err}") from err


class RayExtractor:
    """A Ray actor's state: the pipeline and knowledge base, loaded once per actor."""

    def __init__(self, model: str | None) -> None:
        self.nlp = load_pipeline(model)
        self.kb = KnowledgeBase.default()

    def extract(self, documents: list[Document]) -> list[Result]:
        """Extract one chunk of documents."""
        return extract_chunk(documents, self.nlp, self.kb)


class RayEngine:
    """Extract on ``workers`` Ray actors.

    Connects to ``address`` (``auto``, ``ray://host:10001``, ...) when given, or to a Ray instance
    already started in this process; otherwise starts a local one with ``workers`` CPUs and shuts
    it down afterwards.
    """

    name = "ray"

    def __init__(
        self,
        workers: int | None = None,
        address: str | None = None,
        model: str | None = None,
        chunk_size: int = 4,
        window: int | None = None,
    ) -> None:
        self.ray = _import_ray()  # fail at once, not after the input was read
        self.workers = max(1, workers or 2)
        self.address = address
        if address and not self.ray.is_initialized():
            _check_reachable(address)
        self.model = model
        self.chunk_size = chunk_size
        #: chunks in flight at once: enough to keep every actor busy, bounded for memory
        self.window = window or 4 * self.workers

    def _start(self) -> bool:
        """Connect to (or start) Ray; return whether this engine started it."""
        ray = self.ray
        if ray.is_initialized():
            return False
        options: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": "WARNING",
        }
        if self.address:
            options["address"] = self.address
        else:
            options["num_cpus"] = self.workers
        try:
            ray.init(**options)
        except Exception as err:  # connection refused, bad address, cannot start
            where = self.address or "a local instance"
            raise EngineError(f"ray engine: cannot start or reach Ray ({where}): {err}") from err
        return True

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Result]]:
        """Yield each document with its extraction (or failure), in input order."""
        ray = self.ray
        from ray.util import ActorPool

        chunks = chunked(documents, self.chunk_size)
        first = next(chunks, None)
        if first is None:
            return  # nothing to extract (a rerun): no Ray start-up
        started = self._start()
        actor_class = ray.remote(num_cpus=1)(RayExtractor)
        actors = [actor_class.remote(self.model) for _ in range(self.workers)]
        pool = ActorPool(actors)
        pending: deque[list[Document]] = deque()
        try:
            for chunk in chain([first], chunks):
                if len(pending) >= self.window:
                    yield from self._finish(pending.popleft(), pool)
                pool.submit(lambda actor, docs: actor.extract.remote(docs), chunk)
                pending.append(chunk)
            while pending:
                yield from self._finish(pending.popleft(), pool)
        finally:
            for actor in actors:
                ray.kill(actor)
            if started:
                ray.shutdown()

    def _finish(self, chunk: list[Document], pool: Any) -> Iterator[tuple[Document, Result]]:
        ray = self.ray
        try:
            results: list[Result] = pool.get_next()
        except ray.exceptions.RayActorError as err:
            raise EngineError(
                f"ray engine: a worker died ({err}); what was stored stays, rerun to resume"
            ) from err
        except ray.exceptions.RayError as err:
            results = [ExtractionFailure(f"extraction failed on Ray: {err}") for _ in chunk]
        yield from zip(chunk, results, strict=True)
