"""Where and on what occasion a merged meeting took place, from what the page says beyond its
sentences: a summit's edition once the date is known, the page's own event location, the
story's dateline; calls have no place."""

from __future__ import annotations

import datetime as dt
import re

from sidelines.extract.candidates import MeetingCandidate
from sidelines.kb import KnowledgeBase
from sidelines.kb.gazetteer import city_country
from sidelines.resolve import resolve_date
from sidelines.resolve.places import resolve_occasion
from sidelines.structure.dateline import Dateline


def date_occasions(kb: KnowledgeBase, candidates: list[MeetingCandidate]) -> None:
    """Name a merged meeting's summit by its edition once its date is known ("G20 summit" reported
    in a heading, dated 2022-11-15 by the body, is the G20 Bali Summit)."""
    for cand in candidates:
        if cand.occasion is None or cand.date is None:
            continue
        name, city, country = resolve_occasion(kb, cand.occasion, "", cand.date)
        if name:
            cand.occasion = name
            cand.place = cand.place or city
            cand.country = cand.country or country


def place_from_location(
    kb: KnowledgeBase, candidates: list[MeetingCandidate], location: str | None, day: dt.date | None
) -> None:
    """Give the page's own event location ("The Kremlin, Moscow") to the meetings it reports as
    its event (held in person that day, no place in the text, not placed in another country)."""
    if not location:
        return
    name = re.sub(r"^the\s+", "", location.strip(), flags=re.IGNORECASE)
    country = None
    for part in [name, *(p.strip() for p in name.split(","))]:
        known = kb.place(part)
        country = known.country if known else kb.country_code(part)
        if country:
            break
    for cand in candidates:
        if (
            not cand.main
            or cand.past_reference
            or cand.status != "held"
            or cand.mode != "in_person"
        ):
            continue
        if cand.place is not None or (
            cand.date is not None and day is not None and cand.date != day
        ):
            continue
        if cand.country is not None and country is not None and cand.country != country:
            continue
        cand.place = name
        cand.country = cand.country or country


def place_from_dateline(
    kb: KnowledgeBase,
    candidates: list[MeetingCandidate],
    dateline: Dateline | None,
    day: dt.date | None,
) -> None:
    """Place and date the story's own in-person meetings by its dateline ("ALGIERS, Dec. 19
    (Xinhua) --") when the text gives neither; a dateline's place must be a place we know."""
    if dateline is None:
        return
    known = kb.place(dateline.place)
    country = (
        known.country if known else kb.country_code(dateline.place) or city_country(dateline.place)
    )
    if country is None:
        return
    is_country = known is None and kb.country_code(dateline.place) is not None
    date = resolve_date(dateline.date, day) if dateline.date else None
    for cand in candidates:
        if cand.past_reference or cand.status != "held":
            continue
        if cand.main and cand.date is None and date is not None:
            cand.date = date
        if cand.mode != "in_person" or cand.place is not None:
            continue
        if not cand.main and cand.date not in {None, date}:
            continue  # a meeting of another day the story mentions
        if cand.country is not None and cand.country != country:
            continue
        cand.place = None if is_country else dateline.place
        cand.country = country


def place_remote(candidates: list[MeetingCandidate]) -> None:
    """A telephone or video call has no place: a place named in its sentence is another's."""
    for cand in candidates:
        if cand.mode in {"phone", "video"}:
            cand.place = None
            cand.country = None
