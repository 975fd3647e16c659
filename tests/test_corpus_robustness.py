"""Every real page of the shared corpus goes through ingest and extraction without a crash."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sidelines.core import extract_many
from sidelines.errors import InputError
from sidelines.ingest import iter_documents
from sidelines.types import Document

from .conftest import shared_path

pytestmark = pytest.mark.slow  # 600 pages: about 3 minutes on one core


def test_all_corpus_pages_extract_without_crashing(nlp: Language) -> None:
    folders = [shared_path("corpus", "kremlin-html"), shared_path("corpus", "whitehouse-md")]
    files = sorted(str(p) for folder in folders for p in folder.iterdir() if p.is_file())
    assert len(files) == 600
    documents: list[Document] = []
    rejected: list[InputError] = []
    for item in iter_documents(files):
        if isinstance(item, InputError):
            rejected.append(item)
        else:
            documents.append(item)
    results = list(extract_many(documents, nlp=nlp))
    assert len(results) == len(documents)
    # a few pages may have no article text; most are readouts that yield meetings
    assert len(rejected) <= 15, [str(r) for r in rejected]
    with_meetings = sum(1 for r in results if r.meetings)
    # measured: 343 of 600 pages (57%) report a meeting; the rest are greetings, decrees, speeches
    assert with_meetings >= 0.5 * len(results)
    for result in results:
        ids = [f.id for f in [*result.meetings, *result.statements]]
        assert len(ids) == len(set(ids)), f"{result.document.path}: two facts share an id"
        for fact in [*result.meetings, *result.statements]:
            for ev in fact.evidence:
                assert result.document.text[ev.start : ev.end] == ev.text
