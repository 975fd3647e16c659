"""What every document passes before it leaves ingest: it has text, it is English, and its title
is part of its text, so the document's id (the hash of its text) is fixed here, once."""

from __future__ import annotations

import dataclasses

from sidelines.errors import InputError, LanguageError
from sidelines.ingest.dates import url_date
from sidelines.ingest.language import check_english
from sidelines.ingest.title import attach_title
from sidelines.types import Document

__all__ = ["finish_document"]


def finish_document(document: Document, name: str) -> Document:
    """Check a parsed document before it leaves ingest (not empty, and English), date an undated
    page by the day its address holds, and attach its title to its text
    (:func:`~sidelines.ingest.title.attach_title`).

    Raises:
        InputError: ``[E001]`` when the text is empty.
        LanguageError: ``[E004]`` when a declared or detected language is not English.
    """
    if not document.text.strip():
        raise InputError(f"{name}: empty (no text after reading the document)")
    declared = (document.language or "en").lower()
    if declared.split("-")[0].split("_")[0] != "en":
        raise LanguageError(
            f"{name}: declared language '{declared}' is not supported; "
            "only English (en) documents are"
        )
    published = document.published or url_date(document.url)  # an undated page's address
    return attach_title(
        dataclasses.replace(
            document, language=check_english(document.text, name), published=published
        )
    )
