"""Ingest documents into the store: extract each one and write it in its own transaction.

A bad item (unreadable, not an article, or one whose extraction fails) is recorded in the
``ingest_errors`` table and reported; the batch goes on. Documents already stored are skipped
before extraction, so a second run (or a run after ``kill -9``) only does the missing work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language

from sidelines.core import extract, extract_many, prepare
from sidelines.errors import InputError, SidelinesError
from sidelines.ingest import iter_documents
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline
from sidelines.store.db import Store
from sidelines.types import Document

BATCH = 16


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
    documents: list[Document],
    store: Store,
    report: IngestReport,
    nlp: Language | None = None,
    on_done: Callable[[int], None] | None = None,
) -> IngestReport:
    """Extract and store ``documents``; ``on_done(n)`` is called as documents are finished."""
    kb = KnowledgeBase.default()
    nlp = nlp or load_pipeline()
    todo: list[Document] = []
    for document in documents:
        if store.has_document(prepare(document, kb).id):
            report.skipped += 1
            if on_done:
                on_done(1)
        else:
            todo.append(document)
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        try:
            extractions = list(extract_many(chunk, nlp=nlp, kb=kb, batch_size=BATCH))
        except Exception:  # one bad document: redo the chunk one by one to find it
            extractions = []
            for document in chunk:
                try:
                    extractions.append(extract(document, nlp=nlp, kb=kb))
                except Exception as err:
                    name = document.path or document.url or document.title or "document"
                    report.failed.append((f"{name}: extraction failed: {err}", "E040"))
                    store.record_error(name, "E040", f"extraction failed: {err}")
        for extraction in extractions:
            try:
                if store.save(extraction):
                    report.stored += 1
                else:
                    report.skipped += 1
            except SidelinesError as err:
                report.failed.append((str(err), err.code))
                store.record_error(
                    extraction.document.path or extraction.document.id, err.code, err.message
                )
        if on_done:
            on_done(len(chunk))
    return report


def _item_name(message: str) -> str:
    text = message.split("] ", 1)[-1]
    return text.split(": ", 1)[0]
