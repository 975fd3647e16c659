"""Normalising personal names so spelling variants meet: Sergey/Sergei, Çavuşoğlu/Cavusoglu."""

from __future__ import annotations

import re

from anyascii import anyascii

#: Honorifics and titles dropped before comparing names ("Mr Putin" is "Putin").
HONORIFICS = frozenset(
    """
    mr mrs ms dr h.e. he sheikh sheikha sir madam comrade his her excellency majesty
    highness royal the president prime minister premier chancellor king queen emir crown
    prince
    """.split()
)

_PUNCT = re.compile(r"[^\w\s-]")
_SPACE = re.compile(r"[\s\-‐‑–]+")


def fold(name: str) -> str:
    """ASCII-fold, lower-case and collapse punctuation/space: ``"Çavuşoğlu"`` → ``"cavusoglu"``."""
    ascii_name = anyascii(name).lower().replace("’", "'")
    ascii_name = ascii_name.replace("'s", "") if ascii_name.endswith("'s") else ascii_name
    ascii_name = _PUNCT.sub(" ", ascii_name.replace(".", " "))
    return _SPACE.sub(" ", ascii_name).strip()


def name_key(name: str) -> str:
    """A comparison key: folded, with leading honorifics and a trailing ``Jr`` removed."""
    tokens = fold(name).split()
    while tokens and tokens[0] in HONORIFICS:
        tokens.pop(0)
    while tokens and tokens[-1] in {"jr", "sr", "ii", "iii"}:
        tokens.pop()
    return " ".join(tokens)


def phonetic_key(name: str) -> str:
    """A looser key that merges common transliteration variants (y/i, double letters, -ij/-iy)."""
    key = name_key(name)
    key = re.sub(r"(?<=[a-z])(y|j)(?=[a-z])", "i", key)
    key = re.sub(r"([a-z])\1", r"\1", key)
    key = re.sub(r"(ii|iy|yy|y)\b", "i", key)
    key = key.replace("kh", "h").replace("ou", "u").replace("w", "v").replace("ph", "f")
    return key
