"""Turn a document's text, its sections and its evidence spans into escaped HTML.

The text is cut at every section and span boundary; each piece is escaped on its own and wrapped
in the marks of the spans that cover it, inside the wrapper of its section. Spans may overlap and
may cross section boundaries: a span is then drawn as several ``<mark>`` pieces, and only its first
piece carries the ``id`` that links point at. Two facts stated by the same span share one mark.

A line break inside a paragraph (the source wrapped its lines, as Markdown files do) is shown as
a space, so the paragraph fills the page's width; blank lines, list items, headings and tables
keep their lines. One character stands for one, so every offset still points where it did.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

__all__ = ["FACT_COLOURS", "FactLabel", "Span", "highlight", "span_anchor"]

#: the section kinds of :data:`sidelines.types.SectionKind`, shaded by app.css
SECTION_KINDS = ("preface", "original", "body", "boilerplate")


#: a line that is a block of its own: a list item, a heading, a quote or a table row
BLOCK_LINE = re.compile(r"\s*(?:[-*+•]\s|\d+[.)]\s|#|>|\|)")


def unwrapped(text: str) -> str:
    """``text`` with each line break inside a paragraph as a space: a break between two
    non-blank lines neither of which is a :data:`BLOCK_LINE`. As long as ``text``, each
    character where it was."""
    lines = text.split("\n")
    out = [lines[0]]
    for before, line in pairwise(lines):
        soft = (
            before.strip()
            and line.strip()
            and not BLOCK_LINE.match(before)
            and not BLOCK_LINE.match(line)
        )
        out.append((" " if soft else "\n") + line)
    return "".join(out)


#: how many fact colours app.css defines (``fact-0`` ...); facts past them reuse the colours
FACT_COLOURS = 8


@dataclass(frozen=True)
class FactLabel:
    """How a fact (``m-<id>`` / ``s-<id>``) is named beside its evidence: a short ``label``
    ("M1"), a ``title`` saying what the fact is, the page it links to, and its colour number."""

    label: str
    title: str
    href: str
    colour: int


def span_anchor(start: int, end: int) -> str:
    """The element id of the mark for ``text[start:end]`` (links from fact pages use it)."""
    return f"ev-{start}-{end}"


@dataclass
class Span:
    """An evidence span and the facts (``m-<id>`` / ``s-<id>``) it states.

    ``start``/``end`` are the stored offsets (the anchor links use them); the mark is drawn over
    ``shown_start``/``shown_end``, the same span without its leading and trailing whitespace.
    """

    start: int
    end: int
    facts: list[str] = field(default_factory=list)
    shown_start: int = 0
    shown_end: int = 0


def _spans(text: str, evidence: Iterable[Mapping[str, Any]]) -> list[Span]:
    size = len(text)
    merged: dict[tuple[int, int], Span] = {}
    for item in evidence:
        start = max(0, min(int(item["start"]), size))
        end = max(0, min(int(item["end"]), size))
        if end <= start:
            continue  # an empty or inverted span has nothing to mark
        span = merged.get((start, end))
        if span is None:
            span = merged[(start, end)] = Span(start, end, shown_start=start, shown_end=end)
        for key, prefix in (("meeting_id", "m"), ("statement_id", "s")):
            if item.get(key) and f"{prefix}-{item[key]}" not in span.facts:
                span.facts.append(f"{prefix}-{item[key]}")
    for span in merged.values():
        piece = text[span.start : span.end]
        if piece.strip():  # a span of only whitespace is drawn as it is
            span.shown_start = span.start + len(piece) - len(piece.lstrip())
            span.shown_end = span.end - (len(piece) - len(piece.rstrip()))
    return sorted(merged.values(), key=lambda s: (s.shown_start, -s.shown_end))


def _section_at(sections: list[tuple[int, int, str]], start: int) -> str | None:
    for sec_start, sec_end, kind in sections:
        if sec_start <= start < sec_end:
            return kind
    return None


def highlight(
    text: str,
    sections: Iterable[Mapping[str, Any]] = (),
    evidence: Iterable[Mapping[str, Any]] = (),
    facts: Mapping[str, FactLabel] | None = None,
) -> Markup:
    """Escaped HTML of ``text`` with section wrappers and a ``<mark>`` per evidence span.

    ``sections`` are ``{kind, start, end}``; ``evidence`` are ``{start, end}`` with optional
    ``meeting_id`` / ``statement_id``. With ``facts``, each mark takes the colour of its first
    fact and a title naming every fact it supports, and a link labelled with each fact follows
    the span. Every character of ``text`` is escaped; only the wrappers written here are
    markup, and their attribute values are escaped too.
    """
    facts = facts or {}
    size = len(text)
    secs = sorted(
        (max(0, int(s["start"])), min(size, int(s["end"])), str(s["kind"]))
        for s in sections
        if int(s["end"]) > int(s["start"])
    )
    spans = _spans(text, evidence)
    # unwrapped one section (or gap between sections) at a time: a section ends a paragraph
    shown = "".join(unwrapped(text[a:b]) for a, b in pairwise(sorted(_edges(secs, size))))
    cuts = {0, size}
    for sec_start, sec_end, _ in secs:
        cuts.update((sec_start, sec_end))
    for span in spans:
        cuts.update((span.shown_start, span.shown_end))
    points = sorted(c for c in cuts if 0 <= c <= size)

    out: list[str] = []
    open_section: str | None = None
    section_open = False
    anchored: set[tuple[int, int]] = set()
    for start, end in pairwise(points):
        kind = _section_at(secs, start)
        if not section_open or kind != open_section:
            if section_open:
                out.append("</span>")
            css = kind if kind in SECTION_KINDS else "none"
            label = f"{kind} section" if kind else "outside any section"
            out.append(
                f'<span class="sec sec-{css}" data-kind="{escape(kind or "")}" '
                f'title="{escape(label)}">'
            )
            open_section, section_open = kind, True
        piece = str(escape(shown[start:end]))
        covering = [s for s in spans if s.shown_start <= start and end <= s.shown_end]
        # the shortest span is wrapped first, so its mark is the innermost one
        for span in sorted(covering, key=lambda s: (s.shown_end - s.shown_start, s.shown_start)):
            known = [facts[f] for f in span.facts if f in facts]
            colour = f" fact-{known[0].colour % FACT_COLOURS}" if known else ""
            attrs = [f'class="ev{" ev-overlap" if len(covering) > 1 else ""}{colour}"']
            if known:
                attrs.append(f'title="{escape("; ".join(k.title for k in known))}"')
            if (span.start, span.end) not in anchored:
                anchored.add((span.start, span.end))
                attrs.append(f'id="{span_anchor(span.start, span.end)}"')
            attrs.append(f'data-span="{span_anchor(span.start, span.end)}"')
            attrs.append(f'data-facts="{escape(" ".join(span.facts))}"')
            piece = f"<mark {' '.join(attrs)}>{piece}</mark>"
        out.append(piece)
        for span in covering:  # after a span's last piece, the facts it supports
            if span.shown_end == end:
                out.extend(_labels(span, facts))
    if section_open:
        out.append("</span>")
    return Markup("".join(out))


def _edges(sections: list[tuple[int, int, str]], size: int) -> set[int]:
    """Where sections start and end, and the text's ends."""
    return {0, size} | {edge for start, end, _ in sections for edge in (start, end)}


def _labels(span: Span, facts: Mapping[str, FactLabel]) -> list[str]:
    return [
        f'<a class="ev-label fact-{fact.colour % FACT_COLOURS}" href="{escape(fact.href)}" '
        f'title="{escape(fact.title)}">{escape(fact.label)}</a>'
        for fact in (facts[f] for f in span.facts if f in facts)
    ]
