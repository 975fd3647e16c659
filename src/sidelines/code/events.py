"""CAMEO and PLOVER codes (EVENT-STANDARDS.md) for extracted meetings.

A held meeting is PLOVER CONSULT with a mode: ``phone`` for calls, ``visit`` when it takes place
in one party's country (the visitor is the PLOVER ``actor``, the host the ``recipient``; CAMEO 042
from the visitor's side, 043 from the host's), ``third-party`` in a country of neither party or at
a summit, ``multilateral`` for more than two sides. Talks the text calls mediation or negotiation
are CAMEO 045/046. A planned meeting is AGREE/036 with mode ``future``. Goldstein weight and PLOVER
intensity come from ``kb/data/cameo.yaml``.
"""

from __future__ import annotations

import re
from typing import Any

from sidelines.code.scales import CodingTables, coding_tables
from sidelines.pairing import sides, visitors
from sidelines.types import Meeting

__all__ = ["code_meeting"]

_MEDIATION = re.compile(r"\bmediat\w*", re.IGNORECASE)
_NEGOTIATION = re.compile(r"\bnegotiat\w*", re.IGNORECASE)


def code_meeting(
    meeting: Meeting,
    host_country: str | None = None,
    text: str = "",
    tables: CodingTables | None = None,
) -> tuple[str, dict[str, Any]]:
    """``(cameo, plover)`` for a meeting.

    ``host_country`` is the country of its place; ``text`` is what reports it (evidence and
    occasion), read for mediation and negotiation.
    """
    tables = tables or coding_tables()
    host_country = host_country or meeting.country
    delegations = sides(meeting.participants)
    countries = {p.country for p in meeting.participants if p.country}
    plover: dict[str, Any] = {"event": "CONSULT", "mode": "", "context": "diplomatic"}
    if meeting.status == "planned":
        cameo = "036"
        plover = {"event": "AGREE", "mode": "future", "context": "diplomatic"}
    elif meeting.mode in {"phone", "video"}:
        cameo = "041"
        plover["mode"] = "phone"
    elif len(delegations) > 2:
        cameo = "040"
        plover["mode"] = "multilateral"
    elif host_country and host_country in countries:
        cameo = "042"
        plover["mode"] = "visit"
        guests = visitors(countries, host_country)
        if guests:
            plover["actor_side"] = guests[0] if len(guests) == 1 else guests
            plover["recipient_side"] = host_country
            plover["host_cameo"] = "043"
    elif meeting.occasion or (host_country and countries):
        cameo = "044"
        plover["mode"] = "third-party"
    else:
        cameo = "040"
    if plover["event"] == "CONSULT":
        if _NEGOTIATION.search(text):
            cameo = "046"
        elif _MEDIATION.search(text):
            cameo = "045"
        elif cameo == "040" and not plover["mode"]:  # no countries to tell: the words may
            how = tables.consult_mode(text)
            if how and how[1] == "visit":
                cameo, plover["mode"] = how
    plover["intensity"] = tables.event_intensity(plover["event"], plover["mode"])
    plover["goldstein"] = tables.goldstein(cameo)
    return cameo, plover
