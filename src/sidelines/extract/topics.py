"""Tag text with topic labels from the KB taxonomy (whole-word keyword matching)."""

from __future__ import annotations

import re
from functools import lru_cache

from sidelines.kb import KnowledgeBase, Topic


@lru_cache(maxsize=4)
def _compiled(topics: tuple[Topic, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for topic in topics:
        words = sorted({k for k in topic.keywords if k}, key=len, reverse=True)
        if not words:
            continue
        alternation = "|".join(re.escape(w).replace(r"\*", r"\w*") for w in words)
        out.append((topic.label, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)))
    return tuple(out)


def tag_topics(kb: KnowledgeBase, text: str) -> list[str]:
    """Topic labels whose keywords occur in ``text``, in taxonomy order."""
    return [label for label, pattern in _compiled(tuple(kb.topics)) if pattern.search(text)]
