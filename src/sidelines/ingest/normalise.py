"""Light, offset-safe text normalisation shared by every input format.

Later stages point into ``Document.text`` with character offsets, so ingest changes as little as
possible: line endings, non-breaking spaces, trailing spaces and blank lines at either end.
"""

from __future__ import annotations

import re

#: no-break space, figure space, narrow no-break space: all become a plain space
_NBSP = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " "})
_TRAILING_SPACE = re.compile(r"[ \t\f\v]+$", re.MULTILINE)
_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Return ``text`` with ``\\r\\n``/``\\r`` as ``\\n``, no-break spaces as spaces, no trailing
    spaces on any line, no byte-order mark and no blank lines at the start or end.

    Nothing else changes: words, punctuation and inner line breaks stay as they are.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").translate(_NBSP)
    text = _TRAILING_SPACE.sub("", text)
    return text.strip("\n")


def plain_spaces(text: str) -> str:
    """``text`` with no-break spaces as plain spaces, one character for one: the offsets into it
    stay the same (a name written "Joe\u00a0Biden" is one name)."""
    return text.translate(_NBSP)


def normalise_line(value: str) -> str:
    """Collapse all whitespace (line breaks and no-break spaces too) in a one-line field such as a
    title or a publisher name, and strip it."""
    return _SPACES.sub(" ", value.translate(_NBSP)).strip()


#: metadata keys (front matter, JSON records) naming where the reported event took place
LOCATION_KEYS = ("location", "place", "dateline_place")


def optional_line(value: object) -> str | None:
    """Return a metadata value as a one-line string, or ``None`` when it is missing or blank."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    line = normalise_line(value)
    return line or None
