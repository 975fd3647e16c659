"""Run the extractor on one document file for the evaluator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sidelines.core import extract
from sidelines.ingest import load_document
from sidelines.nlp import load_pipeline


def extract_path(path: Path, model: str | None = None) -> dict[str, Any]:
    """Load ``path`` and return its extraction as the contract dict."""
    return extract(load_document(str(path)), nlp=load_pipeline(model)).to_dict()
