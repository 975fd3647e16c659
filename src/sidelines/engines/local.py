"""The local engine: extraction in this process, in chunks parsed with ``nlp.pipe``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from sidelines.engines.base import Result, chunked, extract_chunk
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline
from sidelines.types import Document

__all__ = ["LocalEngine"]


class LocalEngine:
    """Extract in the calling process (the default; no start-up cost)."""

    name = "local"

    def __init__(
        self, nlp: Language | None = None, model: str | None = None, chunk_size: int = 16
    ) -> None:
        self.nlp = nlp
        self.model = model
        self.chunk_size = chunk_size

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Result]]:
        """Yield each document with its extraction (or failure), in input order."""
        nlp = self.nlp or load_pipeline(self.model)
        kb = KnowledgeBase.default()
        for chunk in chunked(documents, self.chunk_size):
            yield from zip(chunk, extract_chunk(chunk, nlp, kb), strict=True)
