"""Participant lists: "Participants in today's meeting included:" and one name per bulleted line.

Readouts of convenings and roundtables often name the other side only in such a list, after the
sentence that reports the meeting ("Jennifer Klein and Tom Perez convened legislative leaders ...").
A list headed by the host's own people ("Administration participants included:") names companions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sidelines.resolve import ResolvedMention, party_key
from sidelines.structure.sections import in_spans
from sidelines.types import Evidence, Participant

_HEADER = re.compile(
    r"^[ \t]*(?P<head>[^\n]{0,100}?\b(?:participants?|attendees|speakers|panelists|leaders|"
    r"officials|members|guests|delegation|in attendance)\b[^\n:]{0,60}?)\s*:[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ITEM = re.compile(r"[ \t]*(?:[-*•·▪]|\d{1,2}[.)])[ \t]+(?P<item>\S[^\n]*)")
#: a header naming the host's own people: its members accompany the host
_HOST_SIDE = re.compile(
    r"\b(?:administration|white house|government|federal|u\.s\.|senior|staff|cabinet|"
    r"officials? of the)\b",
    re.IGNORECASE,
)


@dataclass
class Roster:
    """A participant list: where its header is, whose side it names, and the people it names."""

    start: int
    end: int
    host_side: bool
    members: list[Participant]

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.start, self.end, "")


def find_rosters(
    text: str, resolved: list[ResolvedMention], fact_spans: list[tuple[int, int]]
) -> list[Roster]:
    """The participant lists in the fact-bearing parts of ``text`` with the people they name."""
    rosters: list[Roster] = []
    for header in _HEADER.finditer(text):
        if not in_spans(fact_spans, header.start()):
            continue
        items = _items(text, header.end())
        if not items:
            continue
        members: dict[str, Participant] = {}
        for start, end in items:
            person = next(
                (
                    r.party
                    for r in resolved
                    if r.party is not None
                    and r.party.kind == "person"
                    and start <= r.mention.start < end
                    and r.mention.kind == "name"
                ),
                None,
            )
            if person is not None:
                members.setdefault(party_key(person), person)
        if members:
            rosters.append(
                Roster(
                    start=header.start("head"),
                    end=items[-1][1],
                    host_side=bool(_HOST_SIDE.search(header.group("head"))),
                    members=list(members.values()),
                )
            )
    return rosters


def _items(text: str, offset: int) -> list[tuple[int, int]]:
    """The bulleted lines after ``offset`` (blank lines between them allowed)."""
    items: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]*(?:\n|$)", text[offset:]):
        body = line.group().rstrip("\n")
        if not body.strip():
            if line.group() == "":
                break
            continue
        match = _ITEM.match(body)
        if match is None:
            break
        start = offset + line.start() + match.start("item")
        items.append((start, offset + line.start() + len(body)))
    return items
