"""Structure stage: tell the parts of a page apart (preface, original, body, boilerplate)."""

from __future__ import annotations

import dataclasses

from sidelines.ingest.normalise import plain_spaces
from sidelines.ingest.title import attach_title
from sidelines.structure.sections import split_sections
from sidelines.types import Document

__all__ = ["prepare_document", "split_sections"]


def prepare_document(document: Document) -> Document:
    """Structure stage: attach the title, split sections, name the original source. A document
    made by hand rather than by ingest gets plain spaces for no-break ones (offsets unchanged)."""
    document = dataclasses.replace(
        document,
        text=plain_spaces(document.text),
        title=plain_spaces(document.title) if document.title else document.title,
    )
    document = attach_title(document)
    sections, original = split_sections(document.text)
    return dataclasses.replace(
        document, sections=sections, original_source=original or document.original_source
    )
