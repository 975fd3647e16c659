"""The text of a Doc, computed once per Doc and shared by every component that reads it.

``Doc.text`` joins the text of every token each time it is read (a Python object per token);
the components read it dozens of times per document.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text"]

_KEY = "sidelines.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in the Doc's ``user_data`` after the first read (the pipeline never
    retokenises, so a Doc's text does not change)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
