"""The dateline that opens a news story: "ALGIERS, Dec. 19 (Xinhua) --", "ASTANA, Kazakhstan, June
12.", "New Delhi:", "Addis Ababa, October 21, 2024 (FBC) –", "MOSCOW. KAZINFORM –".

It says where (and often when) the story was filed: the extractor places and dates the story's
own in-person meeting by it when the text itself does not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sidelines.ingest.dates import iso_date

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
_PLACE = r"[A-Z][A-Za-z'’\-]*(?:[ \t]+[A-Z][A-Za-z'’\-]*){0,3}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})"
    r"(?:\s*\[(?P<bracket>[^\]\n]{1,30})\])?"  # "New York [US], September 23 :"
    rf"(?:,\s*(?P<region>{_PLACE}))?"
    rf"(?:,\s*(?P<date>{_DATE}))?"
    r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?P<sep>--|—|–|-|:|\.)\s*(?:(?P<shout>[A-Z]{3,})\s*(?:--|—|–|-)\s*)?"
    r"(?=[A-Z\"“‘'])",
)
#: page furniture labels that a colon follows as a dateline's place would ("Source: ...")
_LABELS = frozenset(
    """source sources editor editors photo photos by related updated posted published date tags
    topics read watch also category share caption credit file image video""".split()
)
#: how far into the body a dateline may start (after a repeated headline or a byline)
_WINDOW = 600


@dataclass(frozen=True)
class Dateline:
    """A story's dateline: the place as written, the date as written (if any), its span."""

    place: str
    region: str | None
    date: str | None
    start: int
    end: int


def find_dateline(text: str, body_start: int = 0) -> Dateline | None:
    """The dateline at the start of a paragraph in the first lines of the body, if any.

    A capitalised phrase followed by a dash or colon opens many sentences, so a dateline needs a
    sign that it is one: the place written in capitals ("ALGIERS"), a date, an agency in
    parentheses, or a colon right after a one- to three-word place ("New Delhi:").
    """
    window = text[body_start : body_start + _WINDOW]
    for line in re.finditer(r"(?m)^[ \t]*(?=\S)", window):
        match = _DATELINE.match(window, line.end())
        if match is None:
            continue
        place = match.group("place")
        shouted = place.isupper() and len(place) >= 3
        signed = bool(
            match.group("date")
            or match.group("agency")
            or match.group("shout")
            or match.group("bracket")
        )
        colon = (
            match.group("sep") == ":"
            and len(place.split()) <= 3
            and place.split()[0].lower() not in _LABELS
        )
        if shouted or signed or colon:
            return Dateline(
                place=place.title() if shouted else place,
                region=match.group("region"),
                date=match.group("date"),
                start=body_start + match.start(),
                end=body_start + match.end(),
            )
    return None


#: a line that is only a date with its year ("April 27, 2021", "Tuesday, 27 April 2021")
_DATE_LINE = re.compile(rf"(?m)^[ \t]*(?P<date>(?:[A-Z][a-z]+day,?[ \t]+)?{_DATE})[ \t]*$")
#: how far a release's own date line may lie before the republisher's publication date
_REPUBLISHED_WITHIN = dt.timedelta(days=7)


def release_date(text: str, published: dt.date | None) -> dt.date | None:
    """The date line of a release the page carries ("Readout / Office of the Spokesperson /
    April 27, 2021"), in the first lines of the text: the day its "today" means. A republisher
    may post it a day or more later, so a line up to a week before the page's own date counts;
    an undated page takes the line as its day."""
    for match in _DATE_LINE.finditer(text[: _WINDOW * 2]):
        value = iso_date(re.sub(r"^[A-Z][a-z]+day,?\s+", "", match.group("date")))
        if value is None or not re.search(r"\d{4}", match.group("date")):
            continue
        day = dt.date.fromisoformat(value)
        if published is None or dt.timedelta(0) <= published - day <= _REPUBLISHED_WITHIN:
            return day
    return None
