"""Read plain text: the text is kept whole; a short first line is also taken as the title."""

from __future__ import annotations

import re

from sidelines.ingest.normalise import normalise_line, normalise_text
from sidelines.types import Document

#: a first line longer than this is a paragraph, not a title
MAX_TITLE_CHARS = 150

_FIRST_LINE = re.compile(r"[^\n]*\S[^\n]*")


def find_title_line(text: str) -> tuple[int, int] | None:
    """Return the span of the first non-empty line of ``text`` when it reads as a title.

    A title is at most 150 characters, has a letter, does not end with a full stop, and is followed
    by more text.
    The span excludes the line's surrounding spaces.
    """
    match = _FIRST_LINE.search(text)
    if match is None:
        return None
    line = match.group()
    start = match.start() + len(line) - len(line.lstrip())
    end = match.end() - len(line) + len(line.rstrip())
    title = text[start:end]
    if len(title) > MAX_TITLE_CHARS or title.endswith(".") or not text[end:].strip():
        return None
    if not any(ch.isalpha() for ch in title):  # a rule ("---", "* * *") or a number
        return None
    return start, end


def parse_text(text: str, path: str | None = None) -> Document:
    """Return a :class:`Document` for plain text.

    The text is kept whole (after :func:`normalise_text`), including its title line; ``title_span``
    gives where the title sits in the text so that later stages can tell it from the body.
    """
    text = normalise_text(text)
    span = find_title_line(text)
    title = normalise_line(text[span[0] : span[1]]) if span else None
    return Document(text=text, path=path, title=title, title_span=span)
