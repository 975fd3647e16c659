"""Structure stage: tell the parts of a page apart (preface, original, body, boilerplate)."""

from __future__ import annotations

import dataclasses

from sidelines.ingest.title import attach_title
from sidelines.structure.sections import split_sections
from sidelines.types import Document

__all__ = ["prepare_document", "split_sections"]


def prepare_document(document: Document) -> Document:
    """Structure stage: attach the title, split sections, name the original source."""
    document = attach_title(document)
    sections, original = split_sections(document.text)
    return dataclasses.replace(
        document, sections=sections, original_source=original or document.original_source
    )
