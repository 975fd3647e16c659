"""Ingest documents into the store: extract each one and write it in its own transaction.

A bad item (unreadable, not an article, or one whose extraction fails) is recorded in the
``ingest_errors`` table and reported; the batch goes on. Documents already stored are skipped
before extraction, so a second run (or a run after ``kill -9``) only does the missing work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from sidelines.core import prepare
from sidelines.engines import Engine, ExtractionFailure, LocalEngine, document_name
from sidelines.errors import InputError, SidelinesError
from sidelines.ingest import iter_documents
from sidelines.kb import KnowledgeBase
from sidelines.store.db import Store
from sidelines.types import Document


@dataclass
class IngestReport:
    """What an ingest run did."""

    stored: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def read_items(items: Iterable[str], store: Store, report: IngestReport) -> list[Document]:
    """Every readable document of ``items``; unreadable ones are recorded as errors."""
    documents: list[Document] = []
    for item in iter_documents(list(items)):
        if isinstance(item, InputError):
            report.failed.append((str(item), item.code))
            store.record_error(_item_name(str(item)), item.code, item.message)
        else:
            documents.append(item)
    return documents


def ingest_documents(
    documents: Iterable[Document],
    store: Store,
    report: IngestReport,
    nlp: Language | None = None,
    on_done: Callable[[int], None] | None = None,
    engine: Engine | None = None,
) -> IngestReport:
    """Extract and store ``documents``; ``on_done(n)`` is called as documents are finished.

    ``engine`` extracts (default: the local engine with ``nlp``); this process alone writes, one
    transaction per document. Documents already stored are skipped before they reach the engine.
    """
    kb = KnowledgeBase.default()
    engine = engine or LocalEngine(nlp=nlp)

    def todo() -> Iterator[Document]:
        for document in documents:
            if store.has_document(prepare(document, kb).id):
                report.skipped += 1
                if on_done:
                    on_done(1)
            else:
                yield document

    for document, result in engine.run(todo()):
        if isinstance(result, ExtractionFailure):
            name = document_name(document)
            report.failed.append((f"{name}: {result.message}", "E040"))
            store.record_error(name, "E040", result.message)
        else:
            try:
                if store.save(result):
                    report.stored += 1
                else:
                    report.skipped += 1
            except SidelinesError as err:
                report.failed.append((str(err), err.code))
                store.record_error(document_name(result.document), err.code, err.message)
        if on_done:
            on_done(1)
    return report


def _item_name(message: str) -> str:
    text = message.split("] ", 1)[-1]
    return text.split(": ", 1)[0]
