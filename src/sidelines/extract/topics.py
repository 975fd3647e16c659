"""Tag text with topic labels from the KB taxonomy (whole-word keyword matching)."""

from __future__ import annotations

import re
from functools import lru_cache

from sidelines.kb import KnowledgeBase, Topic

#: a topic's label, its pattern, and the lowercased starts of its keywords (up to a wildcard),
#: one of which the lowercased text must contain for the pattern to match (``None``: always search)
_Compiled = tuple[str, re.Pattern[str], tuple[str, ...] | None]

#: the only characters outside ASCII that a case-insensitive pattern matches to an ASCII letter
#: ("İ", "ı", "ſ" and the Kelvin sign; checked against every code point)
_ASCII_FOLDING = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=4)
def _compiled(topics: tuple[Topic, ...]) -> tuple[_Compiled, ...]:
    out: list[_Compiled] = []
    for topic in topics:
        words = sorted({k for k in topic.keywords if k}, key=len, reverse=True)
        if not words:
            continue
        alternation = "|".join(re.escape(w).replace(r"\*", r"\w*") for w in words)
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
        heads: tuple[str, ...] | None = tuple(w.split("*")[0].lower() for w in words)
        if heads is not None and any(not h or not h.isascii() for h in heads):
            heads = None
        out.append((topic.label, pattern, heads))
    return tuple(out)


def tag_topics(kb: KnowledgeBase, text: str) -> list[str]:
    """Topic labels whose keywords occur in ``text``, in taxonomy order.

    An ASCII keyword matches, whatever its case, only where its lowercased start is in the
    lowercased text: that cheap test skips most patterns without changing what is found. A text
    with one of the few letters that case folding pairs with an ASCII one is left to the patterns.
    """
    lowered = None if any(c in text for c in _ASCII_FOLDING) else text.lower()
    return [
        label
        for label, pattern, heads in _compiled(tuple(kb.topics))
        if (lowered is None or heads is None or any(h in lowered for h in heads))
        and pattern.search(text)
    ]


#: the end of a sentence inside a paragraph (a full stop, question or exclamation mark, a space)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")


def statement_topics(kb: KnowledgeBase, text: str, content: str, start: int) -> list[str]:
    """A statement's topics: those of what it says, then those set before it. The words before
    it in its own sentence ("On climate change, X said ...") say what it is about; so does its
    paragraph's first sentence ("The two sides discussed the situation in Ukraine.") for a
    statement that names no topic itself. ``start`` is where the statement's evidence begins
    in ``text``."""
    para = text.rfind("\n", 0, start) + 1
    before = text[para:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    lead = before[: ends[0]] if ends else ""
    own = before[ends[-1] :] if ends else before
    found = tag_topics(kb, content)
    # the sentence's own lead-in always; the paragraph's opening only for a statement that
    # names no topic itself ("Baraka stressed that talks must resume soon.")
    for label in tag_topics(kb, own if found else lead + " " + own):
        if label not in found:
            found.append(label)
    return found
