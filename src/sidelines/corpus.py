"""A corpus: documents read from their sources, extracted by an engine, written to the store,
each in its own transaction (sources → engine → store; ``sidelines ingest`` and the API's ingest
route call it).

A bad item (unreadable, not an article, or one whose extraction fails) is recorded in the
``ingest_errors`` table and reported; the batch goes on. Documents already stored are skipped
before extraction, so a second run (or a run after ``kill -9``) only does the missing work.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from sidelines.engines import Engine, ExtractionFailure, LocalEngine, document_name
from sidelines.errors import ExtractionError, InputError, SidelinesError
from sidelines.ingest import iter_documents
from sidelines.ingest.core import expand_directory
from sidelines.ingest.raw import STDIN
from sidelines.ingest.url import is_url
from sidelines.store.db import Store
from sidelines.types import Document


@dataclass
class IngestReport:
    """What an ingest run did."""

    stored: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def iter_items(
    items: Iterable[str],
    store: Store,
    report: IngestReport,
    on_error: Callable[[int], None] | None = None,
) -> Iterator[Document]:
    """The readable documents of ``items``, read one at a time as they are needed (so a corpus
    of any size is never held in memory); unreadable ones are recorded as errors (and counted
    by ``on_error(1)``)."""
    for item in iter_documents(list(items)):
        if isinstance(item, InputError):
            report.failed.append((str(item), item.code))
            store.record_error(_item_name(str(item)), item.code, item.message)
            if on_error:
                on_error(1)
        else:
            yield item


def read_items(items: Iterable[str], store: Store, report: IngestReport) -> list[Document]:
    """Every readable document of ``items`` in a list (small inputs; see :func:`iter_items`)."""
    return list(iter_items(items, store, report))


def estimate_total(items: Iterable[str]) -> int | None:
    """How many documents ``items`` hold, counted without parsing them (files in directories,
    lines of JSON-lines files); None when a source cannot tell (URLs, feeds, WARC, stdin)."""
    total = 0
    for item in items:
        if item == STDIN or is_url(item):
            return None
        paths = expand_directory(item) if os.path.isdir(item) else [item]
        for path in paths:
            name = path.lower()
            if name.endswith((".warc", ".warc.gz", ".rss", ".atom", ".xml")):
                return None
            if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
                opener = gzip.open if name.endswith(".gz") else open
                try:
                    with opener(path, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


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
    engine = engine or LocalEngine(nlp=nlp)

    def todo() -> Iterator[Document]:
        for document in documents:
            if store.has_document(document.id):  # fixed at ingest: no stage runs for it
                report.skipped += 1
                if on_done:
                    on_done(1)
            else:
                yield document

    for document, result in engine.run(todo()):
        if isinstance(result, ExtractionFailure):
            name = document_name(document)
            report.failed.append((f"{name}: {result.message}", ExtractionError.code))
            store.record_error(name, ExtractionError.code, result.message)
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
