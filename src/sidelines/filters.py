"""The filters of meetings and statements: one list, shared by the CLI's options (``sidelines
meetings``, ``statements``, ``export``), the API's query parameters, the dashboard's boxes, the
store's queries and the exports.

Each field's ``metadata`` holds its command-line option and help, and its API parameter, type
and description: :func:`sidelines.cli_options.filter_options` and
:func:`sidelines.api.deps.query_filters` build the options and parameters from them. What a
value names (an actor, a country, an occasion) is read by :mod:`sidelines.store.filters`.
This module imports nothing heavy: the CLI builds its options from it without loading the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from sidelines.types import MeetingStatus

__all__ = ["EXPORT_FILTERS", "STATUSES", "MeetingFilter", "Mode", "StatementFilter", "Status"]

Mode = Literal["in_person", "phone", "video"]
ScopeName = Literal["international", "domestic"]
#: a stored meeting's status: as extracted (held, planned), or ``not_held``, which an analyst's
#: review gives a meeting that did not take place (:mod:`sidelines.store.reviews`)
Status = Literal[MeetingStatus, "not_held"]
STATUSES: tuple[str, ...] = get_args(Status)
_STATUS = "held (default), planned, not_held (reviewed as did not happen) or any."
_HELD_IN = "Held in a country: ISO3 code, name or demonym."
_PLACE = 'Held at a place, as stored (the map\'s place names), e.g. "Oslo".'
#: the date filters' help on the command line
DAY = "YYYY-MM-DD"
_TOPIC = 'A topic label, e.g. "Ukraine" or "trade".'
_OCCASION = 'The occasion: its name or words of it, e.g. "G20 summit".'


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _status(value: str) -> str | None:
    return None if value == "any" else value


def _filter(
    cli: str | None = None,
    help: str | None = None,
    *,
    doc: str | None = None,
    api: str | None = None,
    api_type: Any = None,
    parse: Any = None,
    default: str | None = None,
    api_default: str | None = None,
) -> Any:
    """A filter field: ``cli`` its option (``--with``) and ``help``; ``api`` its query
    parameter (the field's name unless given; none when the field has no ``doc`` and no
    ``api_type``), ``api_type`` its type there (text up to 200 characters unless given) and
    ``parse`` what turns that value into the field's (a date into ISO text, ``any`` into None)."""
    return field(
        default=default,
        metadata={
            "cli": cli,
            "help": help,
            "doc": doc,
            "api": api,
            "api_type": api_type,
            "parse": parse,
            "api_default": api_default if api_default is not None else default,
            "in_api": doc is not None or api_type is not None,
        },
    )


@dataclass(frozen=True)
class MeetingFilter:
    """The filters of ``sidelines meetings`` (and of the exports, the dashboard and
    ``/api/v1/meetings``): every given one holds."""

    actor: str | None = _filter(
        "--actor",
        "A participant: an actor id or any spelling of a name.",
        doc="A participant: an actor id or any spelling of a name.",
    )
    country: str | None = _filter(
        "--country",
        "A participant's country: ISO3 code, name or demonym.",
        doc="A participant's country: ISO3 code, name or demonym.",
    )
    with_: str | None = _filter(
        "--with",
        "A counterpart: a country (code, name, demonym) or a name.",
        api="with",
        doc="A counterpart: a country (code, name) or a name.",
    )
    since: str | None = _filter(
        "--since", DAY, doc="Held on or after (YYYY-MM-DD).", api_type=dt.date, parse=_iso
    )
    until: str | None = _filter(
        "--until", DAY, doc="Held on or before (YYYY-MM-DD).", api_type=dt.date, parse=_iso
    )
    occasion: str | None = _filter(
        "--occasion", _OCCASION, doc="The words of an occasion, or a summit series (G20 summit)."
    )
    topic: str | None = _filter("--topic", _TOPIC, doc="Part of a topic label.")
    mode: str | None = _filter("--mode", "How they met.", api_type=Mode)
    status: str | None = _filter(
        "--status",
        _STATUS,
        doc=_STATUS,
        api_type=Literal[Status, "any"],
        parse=_status,
        default="held",
    )
    scope: str | None = _filter(
        "--scope",
        "international (two or more countries, or an organisation) | domestic",
        doc="international (two or more countries, or an organisation) or domestic.",
        api_type=ScopeName,
    )
    #: where the meeting took place (the dashboard's map links by them): the host country (a
    #: code, name or demonym, read as ``country`` is) and the place as stored
    held_in: str | None = _filter("--held-in", _HELD_IN, doc=_HELD_IN)
    place: str | None = _filter("--place", _PLACE, doc=_PLACE)

    def with_status(self, status: str | None) -> MeetingFilter:
        """The same filters, of meetings of ``status`` (None: any)."""
        return dataclasses.replace(self, status=status)

    def dateless(self) -> tuple[MeetingFilter, MeetingFilter]:
        """The same filters but the date range: of every meeting, and of the dated ones (every
        ISO date sorts after "0"). Their counts differ by the meetings that a date range leaves
        out because they have no date."""
        every = dataclasses.replace(self, since=None, until=None)
        return every, dataclasses.replace(every, since="0")


@dataclass(frozen=True)
class StatementFilter:
    """The filters of ``sidelines statements`` (and ``/api/v1/statements``): ``speaker`` (or
    ``actor``) is a speaker, ``country`` a speaker's country, the date (the statement's own,
    else its meeting's) in range, the topic the statement's own; ``with_``, ``occasion``,
    ``mode`` and ``scope`` hold when it was said at such a meeting."""

    speaker: str | None = _filter(
        "--speaker",
        "A speaker: an actor id or any spelling of a name.",
        doc="A speaker: an actor id or any spelling of a name.",
    )
    country: str | None = _filter(
        "--country",
        "A speaker's country: ISO3 code, name or demonym.",
        doc="A speaker's country: ISO3 code, name or demonym.",
    )
    since: str | None = _filter(
        "--since", DAY, doc="On or after (YYYY-MM-DD).", api_type=dt.date, parse=_iso
    )
    until: str | None = _filter(
        "--until", DAY, doc="On or before (YYYY-MM-DD).", api_type=dt.date, parse=_iso
    )
    topic: str | None = _filter("--topic", _TOPIC, doc="Part of a topic label.")
    with_: str | None = _filter(
        "--with",
        "Said at a meeting with: a country or a name.",
        api="with",
        doc="Said at a meeting with: a country or a name.",
    )
    occasion: str | None = _filter(
        "--occasion", _OCCASION, doc="Said at a meeting of this occasion."
    )
    mode: str | None = _filter(
        "--mode", "Said at a meeting of this mode.", doc="Meeting mode.", api_type=Mode
    )
    scope: str | None = _filter(
        "--scope",
        "Said at an international | domestic meeting.",
        doc="Said at an international or a domestic meeting.",
        api_type=ScopeName,
    )
    held_in: str | None = _filter(
        "--held-in",
        "Said at a meeting held in a country: ISO3 code, name or demonym.",
        doc="Said at a meeting held in a country: ISO3 code, name or demonym.",
    )
    place: str | None = _filter(
        "--place",
        "Said at a meeting held at a place, as stored.",
        doc="Said at a meeting held at a place, as stored.",
    )
    #: a speaker too, as an export's ``actor`` names one (not an option of its own)
    actor: str | None = _filter()

    @classmethod
    def said_at(cls, meetings: MeetingFilter) -> StatementFilter:
        """The statements an export of ``meetings`` writes: by its ``actor`` and ``country``
        (as speakers), dated and on a topic as it asks, said at meetings ``with_``, at the
        ``occasion``, by ``mode``, of ``scope`` and held where it says."""
        return cls(
            actor=meetings.actor,
            country=meetings.country,
            with_=meetings.with_,
            since=meetings.since,
            until=meetings.until,
            occasion=meetings.occasion,
            topic=meetings.topic,
            mode=meetings.mode,
            scope=meetings.scope,
            held_in=meetings.held_in,
            place=meetings.place,
        )


#: the filters an export takes: those of ``sidelines meetings`` but the status (it exports held
#: meetings)
EXPORT_FILTERS = tuple(
    f.name for f in dataclasses.fields(MeetingFilter) if f.metadata["cli"] and f.name != "status"
)
