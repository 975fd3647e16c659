"""Make a document's title part of its text, so facts read from the title have evidence offsets."""

from __future__ import annotations

import dataclasses
import re

from sidelines.types import Document


def attach_title(document: Document) -> Document:
    """Return the document with its title as the first paragraph of the text.

    Kremlin and White House titles carry facts ("Telephone conversation with Federal Chancellor of
    Germany Angela Merkel") that the body may only imply ("the Russian side"). When the text already
    starts with the title it is unchanged; ``title_span`` marks where the title stands.
    """
    title = (document.title or "").strip()
    text = document.text
    if not title:
        return document
    head = text.lstrip()[: len(title) + 40]
    offset = len(text) - len(text.lstrip())
    if _fold(head).startswith(_fold(title)):
        return dataclasses.replace(document, title_span=(offset, offset + len(title)))
    return dataclasses.replace(document, text=f"{title}\n\n{text}", title_span=(0, len(title)))


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
