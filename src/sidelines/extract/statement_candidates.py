"""A statement as one cue reports it, and the merging of a statement reported twice in one
document (a preface quoting the original) into one statement with two evidence spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sidelines.types import Evidence, Participant


@dataclass
class StatementCandidate:
    """A statement before merging repeats: speakers, cue, content and evidence."""

    speakers: list[Participant]
    cue: str
    cue_lemma: str
    text: str
    evidence: list[Evidence]
    position: int
    paragraph: int
    topics: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def merge_statements(candidates: list[StatementCandidate]) -> list[StatementCandidate]:
    """One statement for one claim said twice by the same speakers (evidence spans combined)."""
    merged: list[StatementCandidate] = []
    for cand in candidates:
        keys = {p.key for p in cand.speakers}
        norm = _norm(cand.text)
        target = None
        for prev in merged:
            if not keys & {p.key for p in prev.speakers}:
                continue
            other = _norm(prev.text)
            if len(norm) < 25 or len(other) < 25:
                continue
            if any(e.start == f.start for e in prev.evidence for f in cand.evidence):
                continue
            if norm in other or other in norm or fuzz.ratio(norm, other) >= 88:
                target = prev
                break
        if target is None:
            merged.append(cand)
        else:
            target.evidence.extend(cand.evidence)
    return merged
