"""The process engine: extraction in a pool of worker processes on this machine.

Each worker loads the spaCy pipeline and the knowledge base once (the pool's initializer), then
extracts chunks of documents. Workers are started with ``spawn``: forking a process that already
holds a pipeline, a database connection and a progress-bar thread is not safe.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language

from sidelines.engines.base import (
    EngineError,
    ExtractionFailure,
    Result,
    chunked,
    extract_chunk,
)
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline
from sidelines.types import Document

__all__ = ["ProcessEngine"]

#: what a worker process loaded once (set by the pool's initializer)
_worker_state: tuple[Language, KnowledgeBase] | None = None


def _load_worker(model: str | None, parent: int | None = None) -> None:
    global _worker_state
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _worker_state = (load_pipeline(model), KnowledgeBase.default())


def _exit_with_parent(parent: int) -> None:
    """End this worker when the ingesting process is gone (``kill -9`` gives the pool no chance
    to stop its workers, which would otherwise wait for work forever, each holding a pipeline)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _extract_in_worker(documents: list[Document]) -> list[Result]:
    if _worker_state is None:  # not started through the pool's initializer
        _load_worker(None)
    assert _worker_state is not None
    nlp, kb = _worker_state
    return extract_chunk(documents, nlp, kb)


class ProcessEngine:
    """Extract in ``workers`` processes; results come back in input order."""

    name = "process"

    def __init__(
        self,
        workers: int | None = None,
        model: str | None = None,
        chunk_size: int = 4,
        window: int | None = None,
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.model = model
        self.chunk_size = chunk_size
        #: chunks in flight at once: enough to keep every worker busy, bounded for memory
        self.window = window or 4 * self.workers

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Result]]:
        """Yield each document with its extraction (or failure), in input order."""
        pending: deque[tuple[list[Document], Future[list[Result]]]] = deque()
        with ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_worker,
            initargs=(self.model, os.getpid()),
        ) as pool:
            try:
                for chunk in chunked(documents, self.chunk_size):
                    if len(pending) >= self.window:
                        yield from _finish(*pending.popleft())
                    pending.append((chunk, pool.submit(_extract_in_worker, chunk)))
                while pending:
                    yield from _finish(*pending.popleft())
            finally:
                for _, future in pending:
                    future.cancel()


def _finish(
    chunk: list[Document], future: Future[list[Result]]
) -> Iterator[tuple[Document, Result]]:
    try:
        results = future.result()
    except BrokenProcessPool as err:
        raise EngineError(
            f"process engine: a worker process died ({err}); what was stored stays, rerun to resume"
        ) from err
    except Exception as err:  # the chunk could not be sent or its results not returned
        results = [ExtractionFailure(f"extraction failed in a worker: {err}") for _ in chunk]
    yield from zip(chunk, results, strict=True)
