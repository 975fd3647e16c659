"""A cheap check that a document is English, the only language the extractor handles.

English prose is about a third function words (the, of, and, to, ...); other languages, even ones in
Latin script, share very few of them. Counting them costs microseconds and needs no model.
"""

from __future__ import annotations

import re

from sidelines.errors import LanguageError

#: frequent English function words that are rare as words of other Latin-script languages
#: ("in", "was", "also", "will" are left out: they are common German words too)
ENGLISH_FUNCTION_WORDS = frozenset(
    (
        "the",
        "of",
        "and",
        "to",
        "a",
        "that",
        "for",
        "with",
        "as",
        "by",
        "at",
        "be",
        "this",
        "it",
        "is",
        "are",
        "from",
        "an",
        "have",
        "has",
        "not",
        "or",
        "which",
        "were",
        "their",
        "its",
        "his",
        "her",
        "they",
        "we",
        "he",
        "she",
        "but",
        "had",
        "been",
        "would",
        "our",
        "all",
        "more",
        "other",
        "between",
        "about",
        "into",
        "than",
        "who",
        "there",
        "these",
        "can",
        "should",
        "what",
        "when",
        "after",
        "such",
        "them",
        "those",
        "you",
        "your",
        "could",
    )
)

#: texts shorter than this are not checked: a headline or a short note proves nothing either way
MIN_CHECKED_CHARS = 200
#: below this share of function words a text is not English: English readouts score about 0.33
#: (lowest of 8,113 corpus readouts: 0.077, a name list); German, French, Spanish prose under 0.03
MIN_ENGLISH_RATIO = 0.05

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_ratio(text: str) -> float:
    """Return the share of word tokens in ``text`` that are English function words (0.0 to 1.0)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS) / len(words)


def check_english(text: str, name: str) -> str:
    """Return ``"en"`` when ``text`` reads as English (or is too short to tell).

    Raises:
        LanguageError: ``[E004]`` when a text of more than 200 characters has fewer than 5% English
            function words among its words.
    """
    if len(text) > MIN_CHECKED_CHARS:
        ratio = english_ratio(text)
        if ratio < MIN_ENGLISH_RATIO:
            raise LanguageError(
                f"{name}: not English ({ratio:.0%} English function words, need at least "
                f"{MIN_ENGLISH_RATIO:.0%}); only English documents are supported"
            )
    return "en"
