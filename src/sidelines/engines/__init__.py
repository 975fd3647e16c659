"""Engines: run the core (``Document -> Extraction``) over many documents, in this process
(``local``), in a pool of processes (``process``) or on Ray actors (``ray``).

Every engine yields ``(document, Extraction | ExtractionFailure)`` in input order and never
writes; the store is written by the calling process alone, one transaction per document.
"""

from __future__ import annotations

from spacy.language import Language

from sidelines.engines.base import (
    Engine,
    EngineError,
    ExtractionFailure,
    Result,
    chunked,
    document_name,
    extract_chunk,
)
from sidelines.engines.local import LocalEngine
from sidelines.engines.process import ProcessEngine
from sidelines.engines.ray import RayEngine

__all__ = [
    "ENGINES",
    "Engine",
    "EngineError",
    "ExtractionFailure",
    "LocalEngine",
    "ProcessEngine",
    "Result",
    "chunked",
    "document_name",
    "extract_chunk",
    "make_engine",
]

ENGINES = ("local", "process", "ray")


def make_engine(
    name: str = "local",
    workers: int | None = None,
    ray_address: str | None = None,
    model: str | None = None,
    nlp: Language | None = None,
) -> Engine:
    """The engine called ``name``; ``nlp`` (an already loaded pipeline) is used by ``local`` only.

    Raises:
        EngineError: ``[E050]`` for an unknown name, or ``ray`` without Ray installed.
    """
    if name == "local":
        return LocalEngine(nlp=nlp, model=model)
    if name == "process":
        return ProcessEngine(workers=workers, model=model)
    if name == "ray":
        return RayEngine(workers=workers, address=ray_address, model=model)
    raise EngineError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
