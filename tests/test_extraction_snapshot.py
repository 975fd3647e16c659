"""Extraction over the bundled ``samples/`` is held to a committed snapshot: a change to the
pipeline that changes any fact, field or evidence span shows here as a diff.

When a change is meant to change the output, write the snapshot again and review its diff:

    SIDELINES_UPDATE_SNAPSHOT=1 python -m pytest tests/test_extraction_snapshot.py -p no:xdist
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from sidelines.core import extract_many
from sidelines.errors import InputError
from sidelines.ingest import iter_documents
from sidelines.types import Document

from .conftest import ROOT, SAMPLES

SNAPSHOT = Path(__file__).parent / "snapshots" / "samples_extraction.json"


def extract_samples(nlp: Language) -> list[dict[str, Any]]:
    """Every sample document's extraction as JSON, paths relative to the project."""
    files = sorted(str(p) for p in SAMPLES.iterdir() if p.is_file())
    documents = [d for d in iter_documents(files) if not isinstance(d, InputError)]
    assert all(isinstance(d, Document) for d in documents)
    results = []
    for extraction in extract_many(documents, nlp=nlp):  # type: ignore[arg-type]
        record = extraction.to_dict()
        path = record["document"]["path"]
        if path:
            record["document"]["path"] = Path(path).relative_to(ROOT).as_posix()
        results.append(record)
    return results


def test_sample_extraction_matches_the_snapshot(nlp: Language) -> None:
    found = extract_samples(nlp)
    if os.environ.get("SIDELINES_UPDATE_SNAPSHOT") == "1":
        SNAPSHOT.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", "utf-8")
        pytest.skip(f"snapshot written to {SNAPSHOT}")
    expected = json.loads(SNAPSHOT.read_text("utf-8"))
    assert [r["document"]["path"] for r in found] == [r["document"]["path"] for r in expected]
    # the samples hold meetings and statements, so the snapshot says something
    assert sum(len(r["meetings"]) for r in expected) > 0
    assert sum(len(r["statements"]) for r in expected) > 0
    for got, want in zip(found, expected, strict=True):
        assert got == want, got["document"]["path"]
