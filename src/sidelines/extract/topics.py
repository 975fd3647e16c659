"""Tag text with topic labels from the KB taxonomy (whole-word keyword matching)."""

from __future__ import annotations

import re
from functools import lru_cache

from sidelines.kb import KnowledgeBase, Topic

#: a topic's label, its pattern, and the lowercased starts of its keywords (up to a wildcard),
#: one of which an ASCII text must contain for the pattern to match (``None``: always search)
_Compiled = tuple[str, re.Pattern[str], tuple[str, ...] | None]


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

    In an ASCII text an ASCII keyword matches, whatever its case, only where its lowercased
    start is in the lowercased text: that cheap test skips most patterns without changing what
    is found (Unicode case folding, which also pairs some non-ASCII letters with ASCII ones, is
    left to the pattern for any other text).
    """
    lowered = text.lower() if text.isascii() else None
    return [
        label
        for label, pattern, heads in _compiled(tuple(kb.topics))
        if (lowered is None or heads is None or any(h in lowered for h in heads))
        and pattern.search(text)
    ]
