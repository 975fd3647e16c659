"""CAMEO and PLOVER codes (EVENT-STANDARDS.md) for extracted meetings and statements.

Meetings are PLOVER CONSULT with a mode (phone, visit, third-party, multilateral); the CAMEO code
is the nearest 04x. Statements take the code of their cue verb from ``kb/data/cues.yaml``.
"""

from __future__ import annotations

from typing import Any

from sidelines.types import Meeting


def code_meeting(meeting: Meeting, host_country: str | None = None) -> tuple[str, dict[str, str]]:
    """``(cameo, plover)`` for a meeting; ``host_country`` is the country of its place."""
    countries = {p.country for p in meeting.participants if p.country}
    if meeting.status == "planned":
        return "036", {"event": "AGREE", "mode": "future", "context": "diplomatic"}
    if meeting.mode in {"phone", "video"}:
        return "041", {"event": "CONSULT", "mode": "phone", "context": "diplomatic"}
    sides = {p.side for p in meeting.participants}
    if len(sides) > 2:
        return "040", {"event": "CONSULT", "mode": "multilateral", "context": "diplomatic"}
    if meeting.occasion or (host_country and countries and host_country not in countries):
        return "044", {"event": "CONSULT", "mode": "third-party", "context": "diplomatic"}
    if host_country and host_country in countries:
        return "042", {"event": "CONSULT", "mode": "visit", "context": "diplomatic"}
    return "040", {"event": "CONSULT", "mode": "", "context": "diplomatic"}


def code_statement(cue_lemma: str, cues: dict[str, Any]) -> tuple[str, dict[str, str] | None]:
    """``(cameo, plover)`` of a statement by its cue verb (default: 010 make statement)."""
    info = (
        cues.get("statement_verbs", {}).get(cue_lemma)
        or cues.get("statement_phrases", {}).get(cue_lemma)
        or {}
    )
    cameo = str(info.get("cameo") or "010")
    plover = info.get("plover")
    return cameo, ({"event": str(plover), "context": "diplomatic"} if plover else None)
