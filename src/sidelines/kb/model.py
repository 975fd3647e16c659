"""Knowledge-base records: actors with dated roles, countries, places, summits, topics, publishers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Office = Literal["head_of_state", "head_of_government", "foreign_minister", "leader", "other"]


@dataclass(frozen=True)
class Role:
    """An office held by an actor between two dates (``end`` None: still in office)."""

    office: str
    title: str
    country: str | None
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        """True when the role was held on ``day`` (an unknown day matches every role)."""
        if day is None:
            return True
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)


@dataclass
class Actor:
    """A person or an organisation the KB knows, with every name it goes by."""

    id: str
    name: str
    kind: Literal["person", "organisation", "state"]
    country: str | None
    aliases: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def roles_on(self, day: dt.date | None) -> list[Role]:
        """The roles held on ``day``, most senior first."""
        order = {"head_of_state": 0, "head_of_government": 1, "leader": 2, "foreign_minister": 3}
        held = [r for r in self.roles if r.holds_on(day)]
        return sorted(held, key=lambda r: order.get(r.office, 9))

    def was_active(self, day: dt.date | None, slack_years: int = 3) -> bool:
        """True when some role is within ``slack_years`` of ``day`` (or no day / no roles known)."""
        if day is None or not self.roles:
            return True
        slack = dt.timedelta(days=365 * slack_years)
        for role in self.roles:
            start = role.start or dt.date.min
            end = role.end or dt.date.max
            if start - slack <= day <= (end + slack if end != dt.date.max else end):
                return True
        return False


@dataclass(frozen=True)
class Country:
    """A country (ISO 3166-1 alpha-3) and the words that name it in text."""

    iso3: str
    name: str
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A city, venue or region with the country it is in."""

    name: str
    country: str
    kind: str = "city"


@dataclass(frozen=True)
class SummitInstance:
    """One gathering of a summit series."""

    name: str
    start: dt.date | None
    end: dt.date | None
    city: str | None
    country: str | None


@dataclass
class SummitSeries:
    """A recurring summit or forum (G20, SCO, UNGA) and its dated instances."""

    id: str
    name: str
    aliases: list[str]
    instances: list[SummitInstance] = field(default_factory=list)

    def instance_on(self, day: dt.date | None, window_days: int = 3) -> SummitInstance | None:
        """The instance held on (or within ``window_days`` of) ``day``."""
        if day is None:
            return None
        slack = dt.timedelta(days=window_days)
        for inst in self.instances:
            if inst.start and (inst.start - slack) <= day <= ((inst.end or inst.start) + slack):
                return inst
        return None

    def instance_in_year(self, day: dt.date, within_days: int = 45) -> SummitInstance | None:
        """The only instance in ``day``'s year, if there is exactly one and ``day`` lies within
        ``within_days`` of it (a report weeks after the summit, a date a day or two off); a
        meeting months away from the year's summit was not held at it."""
        slack = dt.timedelta(days=within_days)
        found = [i for i in self.instances if i.start and i.start.year == day.year]
        if len(found) != 1:
            return None
        start = found[0].start or day
        return found[0] if start - slack <= day <= (found[0].end or start) + slack else None


@dataclass(frozen=True)
class Topic:
    """A topic label and the lower-case phrases that signal it."""

    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class PublisherProfile:
    """What a publisher's documents imply: whose readouts they are."""

    id: str
    name: str
    domains: tuple[str, ...]
    site_names: tuple[str, ...]
    country: str | None
    principal_office: str | None
    principal_country: str | None
    original_source_phrases: tuple[str, ...] = ()
    #: "page": the event a readout reports happened on the page's date unless the text says
    #: otherwise (Kremlin news); "explicit": only a date in the text fixes it
    event_date: str = "explicit"
    #: words by which the publisher names its own side's people in a participant list's header
    #: ("Administration participants included:" on the White House's pages)
    own_side_words: tuple[str, ...] = ()
