"""What every engine shares: the result type, the error, and extraction of one chunk.

An engine turns documents into ``(document, Extraction | ExtractionFailure)`` pairs, in input
order. It never writes: the caller (``sidelines.corpus``) alone writes to the store, one
transaction per document, so idempotency and the ``kill -9`` guarantee hold for every engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Protocol

from spacy.language import Language

from sidelines.core import extract, extract_many
from sidelines.errors import SidelinesError
from sidelines.kb import KnowledgeBase
from sidelines.types import Document, Extraction

__all__ = [
    "Engine",
    "EngineError",
    "ExtractionFailure",
    "Result",
    "chunked",
    "document_name",
    "extract_chunk",
]


class EngineError(SidelinesError):
    """An engine cannot start or lost its workers (nothing half-written: rerun to resume)."""

    code = "E050"


@dataclass(frozen=True)
class ExtractionFailure:
    """Why one document's extraction failed (a message, so it crosses process boundaries)."""

    message: str


Result = Extraction | ExtractionFailure


class Engine(Protocol):
    """Runs the core over many documents."""

    name: str

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Result]]:
        """Yield each document with its extraction (or failure), in input order.

        Documents are pulled lazily, a bounded window at a time, never the whole input at once.
        """
        ...


def document_name(document: Document) -> str:
    """How errors name a document: its path, URL, title, or id."""
    return document.path or document.url or document.title or document.id


def chunked(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of at most ``size`` documents, pulled lazily."""
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_chunk(documents: list[Document], nlp: Language, kb: KnowledgeBase) -> list[Result]:
    """Extract a chunk with one ``nlp.pipe`` call; when that fails, redo it one document at a time
    so that only the bad document fails."""
    try:
        return list(extract_many(documents, nlp=nlp, batch_size=max(1, len(documents))))
    except Exception:  # one bad document: find it
        results: list[Result] = []
        for document in documents:
            try:
                results.append(extract(document, nlp=nlp))
            except Exception as err:
                results.append(ExtractionFailure(f"extraction failed: {err}"))
        return results
