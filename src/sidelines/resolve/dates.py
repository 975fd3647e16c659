"""Resolve date expressions against the document's own date ("On November 15", "today")."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

_RANGE = re.compile(r"(\d{1,2})\s*(?:[–\-]|to|and)\s*\d{1,2}(?=\D|$)")
_NOISE = re.compile(r"\b(?:on|the|of|local time|this|earlier|late|early|in)\b", re.IGNORECASE)
_NO_DAY = re.compile(
    r"^\s*(?:last|next|this)?\s*(?:week|month|year|spring|summer|autumn|fall|winter|decade|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"\d{4}s?|\d{4})(?:\s+\d{4})?\s*$",
    re.IGNORECASE,
)


_WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past"})


_HALF_YEAR = dt.timedelta(days=183)


#: words that make an expression relative to the document's day ("yesterday", "last Monday")
_RELATIVE = re.compile(
    r"\b(?:yesterday|tomorrow|tonight|today|ago|last|next|this|previous|coming|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _window(base: dt.date, future: bool) -> tuple[dt.date, dt.date]:
    """The days a date without its year may fall on: half a year before ``base`` (after it, for a
    meeting to come)."""
    return (base, base + _HALF_YEAR) if future else (base - _HALF_YEAR, base)


def _nearest_year(day: dt.date, base: dt.date, future: bool) -> dt.date | None:
    """``day``'s month and day in the year that puts it within half a year before ``base`` (after
    it, for a meeting to come), or None: a day far off is more likely another year's."""
    low, high = _window(base, future)
    for year in (base.year, base.year - 1, base.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if low <= candidate <= high:
            return candidate
    return None


@lru_cache(maxsize=64)
def _day_parser(base: dt.date, future: bool) -> DateDataParser:
    """A parser relative to ``base`` (making one costs far more than parsing with it, so the
    days of a document share theirs)."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": [],
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12, 0),
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def resolve_date(expression: str, base: dt.date | None, future: bool = False) -> dt.date | None:
    """The calendar day an expression fixes, relative to ``base``; None when it fixes no day.

    ``"November 15"`` in a document of 2022-11-16 → 2022-11-15; ``"today"`` → ``base``;
    ``"last October"`` or ``"2016"`` → None (no day). With ``future`` (a meeting to come), a
    weekday or a date without its year is the nearest one not before ``base``: "will meet on
    Friday" in a Tuesday's story is that week's Friday.
    """
    text = _RANGE.sub(r"\1", expression.replace("\u2009", " "))
    text = _NOISE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.")
    if not text or _NO_DAY.match(text):
        return None
    if text.lower() in {"today", "tonight", "morning", "afternoon", "evening"}:
        return base
    bare = re.fullmatch(
        r"(\w+day)(?:,)?(?: (?:morning|afternoon|evening|night))?", text, re.IGNORECASE
    )
    weekday = _WEEKDAYS.get(bare.group(1).lower()) if bare else None
    if weekday is not None:
        # a bare weekday is the latest such day not after the document: "on Tuesday" in a
        # report published on a Tuesday is that day
        if base is None:
            return None
        if future:
            return base + dt.timedelta(days=(weekday - base.weekday()) % 7)
        return base - dt.timedelta(days=(base.weekday() - weekday) % 7)
    if not re.search(
        r"\d|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday",
        text,
        re.IGNORECASE,
    ):
        return None
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    if base is not None:
        if _RELATIVE.search(text):
            parsed = _day_parser(base, future).get_date_data(text).date_obj
            if parsed is None:
                return None
            day: dt.date = parsed.date()
        elif re.search(r"\b\d{4}\b", text):
            written: dt.date = data.date_obj.date()  # a written date with its year
            return written
        else:
            # a day and month ("March 4"): the year that puts it nearest the document
            return _nearest_year(data.date_obj.date(), base, future)
        # a weekday or a date without a year is the closest one not after the document (not
        # before it, for a meeting to come)
        low, high = _window(base, future)
        if not re.search(r"\b\d{4}\b", text) and not low <= day <= high:
            # without a year, a day far in the past is more likely a future date in the text
            return None
        return day
    found: dt.date = data.date_obj.date()
    return found if re.search(r"\b\d{4}\b", text) else None
