"""Turn the publication dates that sources give (YAML dates, ISO timestamps, "June 2, 2017") into
ISO ``YYYY-MM-DD``.

The date is the one *written* by the publisher: ``2021-01-26 22:30:00-05:00`` is 2021-01-26, not the
UTC day, because readouts say "today" in the publisher's own time zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_WRITTEN_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
)


def _valid(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """Return ``value`` as an ISO date string, or ``None`` when it is not a recognisable date.

    Accepts :class:`datetime.date` and :class:`datetime.datetime` objects (as PyYAML gives them)
    and strings: ISO dates and timestamps (``2021-01-26``, ``2021-01-26T14:26:27-05:00``),
    ``2021/01/26``, ``20210126`` and English written dates (``January 26, 2021``, ``26 Jan 2021``).
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    match = _ISO.match(text) or _COMPACT.match(text)
    if match:
        return _valid(*match.groups())
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    cleaned = re.sub(r"\s+", " ", cleaned)
    cleaned = re.sub(r"\bSept\b", "Sep", cleaned)  # "12 Sept 2023", "Sept. 12, 2023"
    for pattern in _WRITTEN_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    return None


#: a day written in a page's address: ``/2020/11/12/``, ``/2020-11-12-slug``, ``_20201112``
_URL_DAY = re.compile(
    r"(?<![0-9])((?:19|20)\d{2})(?:([/_-])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2}))(?![0-9])"
)


def url_date(url: str | None) -> str | None:
    """The ISO day a page's address holds in its path (``.../2020/11/12/erdogan-...``), or None:
    a year and month alone (``/2022/05/``) are no day."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=re.IGNORECASE)
    for match in _URL_DAY.finditer(path):
        year = match.group(1)
        month, day = (match.group(3), match.group(4)) if match.group(2) else match.groups()[4:]
        value = _valid(year, month, day)
        if value is not None:
            return value
    return None
