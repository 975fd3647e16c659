"""PLOVER contexts of an event, from what it is about: its topics and its evidence sentence.

The mapping is data (``kb/data/plover_contexts.yaml``): each topic of the taxonomy implies some
PLOVER contexts, and a few words imply contexts no topic covers (a parliament, a court). An event
none of them reach is ``diplomatic`` when its sides are of different countries, ``government``
when they are all of one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sidelines.data import data_dir, read_yaml
from sidelines.errors import KnowledgeBaseError

__all__ = ["ContextTable", "context_table", "plover_contexts"]


@dataclass(frozen=True)
class ContextTable:
    """Topic label -> contexts, and compiled word patterns -> context."""

    topics: dict[str, tuple[str, ...]]
    words: tuple[tuple[re.Pattern[str], str], ...]


def _word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    parts = [
        re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
        for w in sorted(words, key=len, reverse=True)
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=4)
def context_table(path: Path | None = None) -> ContextTable:
    """The table of ``plover_contexts.yaml`` (the packaged file unless ``path`` is given)."""
    where = path or data_dir() / "plover_contexts.yaml"
    data = read_yaml(where)
    try:
        topics = {str(k): tuple(str(c) for c in v) for k, v in data["topics"].items()}
        words = tuple(
            (_word_pattern(str(w) for w in v), str(k)) for k, v in data["keywords"].items() if v
        )
    except (KeyError, TypeError, AttributeError, re.error) as err:
        raise KnowledgeBaseError(f"{where.name}: bad entry ({err})") from err
    return ContextTable(topics, words)


def plover_contexts(
    topics: Iterable[str],
    text: str | None,
    countries: Iterable[str | None],
    table: ContextTable | None = None,
) -> list[str]:
    """The PLOVER contexts of an event about ``topics`` reported by ``text`` between parties of
    ``countries``, in the order found (topics first), each once."""
    table = table or context_table()
    found = [c for topic in topics for c in table.topics.get(topic, ())]
    if text:
        found += [context for regex, context in table.words if regex.search(text)]
    if not found:
        known = {c for c in countries if c}
        found = ["government" if len(known) == 1 else "diplomatic"]
    return list(dict.fromkeys(found))
