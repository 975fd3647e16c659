"""Split a document's text into sections with offsets and find the original source of a republication.

A republished readout looks like: an editor's preface, an attribution line ("The following article was
first published on the website of the Chinese Foreign Ministry."), the original text, then the site's
boilerplate (comment form, share buttons). The patterns are data (``kb/data/page_parts.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sidelines.data import data_dir, read_yaml
from sidelines.types import Section, SectionKind


@dataclass(frozen=True)
class PageParts:
    """Compiled patterns for attribution lines and boilerplate."""

    attribution: tuple[re.Pattern[str], ...]
    trailing: tuple[re.Pattern[str], ...]
    boilerplate: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def page_parts() -> PageParts:
    """The bundled page-part patterns, compiled once."""
    data = read_yaml(data_dir() / "page_parts.yaml")

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in data.get(key, []))

    return PageParts(
        compile_all("attribution"), compile_all("trailing_boilerplate"), compile_all("boilerplate")
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines of ``text`` (stripped of surrounding space)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        end = match.end() - (len(line) - len(line.rstrip()))
        spans.append((start, end))
    return spans


def _clean_source(source: str) -> str:
    source = re.sub(r"\s+", " ", source).strip(" .:;,")
    source = re.sub(r"^(?:website|site|page) of (?:the )?", "", source, flags=re.IGNORECASE)
    return source


def split_sections(text: str) -> tuple[list[Section], str | None]:
    """Return the sections of ``text`` (covering every non-empty line) and the original source.

    Lines before an attribution line are ``preface``, the attribution line itself is ``boilerplate``
    (it states provenance, not facts), lines after it ``original``; with no attribution line the
    text is ``body``. Boilerplate lines, and everything after a trailing-boilerplate line, are
    ``boilerplate``. Adjacent lines of one kind merge into one section.
    """
    parts = page_parts()
    lines = _lines(text)
    kinds: list[SectionKind] = []
    original_source: str | None = None
    attribution_at: int | None = None
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if len(line) > 300:
            continue
        for pattern in parts.attribution:
            match = pattern.search(line)
            if match and index > 0:
                attribution_at = index
                original_source = _clean_source(match.group("source"))
                break
        if attribution_at is not None:
            break
    trailing = False
    for index, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        kind: SectionKind
        if not trailing and any(p.search(line) for p in parts.trailing):
            trailing = True
        if trailing or any(p.search(line) for p in parts.boilerplate) or index == attribution_at:
            kind = "boilerplate"
        elif attribution_at is None:
            kind = "body"
        else:
            kind = "preface" if index < attribution_at else "original"
        kinds.append(kind)
    sections: list[Section] = []
    for (start, end), kind in zip(lines, kinds, strict=True):
        if sections and sections[-1].kind == kind:
            sections[-1] = Section(kind, sections[-1].start, end)
        else:
            sections.append(Section(kind, start, end))
    return sections, original_source


def fact_spans(sections: list[Section]) -> list[tuple[int, int]]:
    """The spans that may yield facts: every section except boilerplate."""
    return [(s.start, s.end) for s in sections if s.kind != "boilerplate"]


def in_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    """True when ``offset`` falls inside one of ``spans``."""
    return any(start <= offset < end for start, end in spans)
