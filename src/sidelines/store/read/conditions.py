"""The WHERE conditions of a :class:`~sidelines.store.filters.MeetingFilter` and a
:class:`~sidelines.store.filters.StatementFilter`, shared by the lists, counts, facets, network
and exports: every filter is a bound parameter of a SQLAlchemy expression (no SQL is built from
text); names, countries, occasions and scope are read as :mod:`sidelines.store.filters` reads
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from typing import Any

from sqlalchemy import and_, exists, false, func, or_, select
from sqlalchemy.orm import Session

from sidelines.store.filters import (
    MeetingFilter,
    StatementFilter,
    actors_named,
    counterpart_named,
    country_named,
    occasions_named,
    scope_named,
)
from sidelines.store.schema import (
    ActorRow,
    DocumentRow,
    MeetingCountryRow,
    MeetingRow,
    MeetingSourceRow,
    MeetingTopicRow,
    MeetingTotalRow,
    ParticipantRow,
    StatementRow,
    StatementSpeakerRow,
    StatementTopicRow,
)

__all__ = [
    "FREQUENT",
    "document_conditions",
    "has_participant",
    "meeting_conditions",
    "meetings_of",
    "newest_plan",
    "person",
    "said_by",
    "statement_conditions",
]


#: above this many meetings, a page of an actor's meetings is found by walking
#: meetings newest first and probing each (the first page comes quickly); below it, by listing
#: the few meetings first and sorting them
FREQUENT = 5_000


def person(actors: list[str]) -> Any:
    """A participant who is one of the corpus ``actors`` (ids)."""
    # the actors table is small next to participants: find the actors first, then their rows
    return ParticipantRow.actor_key.in_(actors) if actors else false()


def has_participant(condition: Any, frequent: bool = False) -> Any:
    """The meeting has a principal (not a companion) meeting ``condition``."""
    if frequent:
        return exists().where(
            ParticipantRow.meeting_id == MeetingRow.id,
            ParticipantRow.accompanying.is_(False),
            condition,
        )
    principals = select(ParticipantRow.meeting_id).where(
        ParticipantRow.accompanying.is_(False), condition
    )
    return MeetingRow.id.in_(principals)


def _frequent(session: Session, actors: Any, plan: bool) -> bool:
    """Whether the actors matching ``actors`` (a condition on the actors table) have many
    meetings, by the counts the actors table keeps (only asked when ``plan``)."""
    if not plan:
        return False
    total = session.scalar(select(func.coalesce(func.sum(ActorRow.meetings), 0)).where(actors))
    return int(total or 0) > FREQUENT


def meeting_conditions(session: Session, filters: MeetingFilter, plan: bool = False) -> list[Any]:
    """The WHERE conditions of the meetings ``filters`` selects.

    With ``plan``, an actor with many meetings is matched in the form that finds a
    newest-first page fastest (the results are the same either way).

    Raises:
        FilterError: ``[E031]`` for a country, counterpart or scope that names nothing.
    """
    parties: list[tuple[str, Any]] = []  # ("actor", ids) or ("country", code)
    if filters.actor:
        parties.append(("actor", actors_named(session, filters.actor)))
    if filters.country:  # a page of one country's meetings walks its kept rows (newest_plan)
        parties.append(("country", country_named(session, filters.country)))
    if filters.with_:
        nation, ids = counterpart_named(session, filters.with_)
        parties.append(("country", nation) if nation is not None else ("actor", ids))
    conditions = _party_conditions(session, parties, plan)
    if filters.since:
        conditions.append(MeetingRow.date >= filters.since)
    if filters.until:
        conditions.append(MeetingRow.date <= filters.until)
    if filters.occasion:
        named = occasions_named(session, filters.occasion)
        conditions.append(MeetingRow.occasion.in_(named) if named else false())
    if filters.topic:
        conditions.append(
            exists().where(
                MeetingTopicRow.meeting_id == MeetingRow.id,
                MeetingTopicRow.topic.ilike(f"%{filters.topic}%"),
            )
        )
    if filters.mode:
        conditions.append(MeetingRow.mode == filters.mode)
    if filters.status:
        conditions.append(MeetingRow.status == filters.status)
    if filters.scope:
        conditions.append(MeetingRow.scope == scope_named(filters.scope))
    if filters.held_in:
        conditions.append(MeetingRow.country == country_named(session, filters.held_in))
    if filters.place:
        conditions.append(MeetingRow.place == filters.place.strip())
    return conditions


def _party_meetings(session: Session, kind: str, value: Any) -> int:
    """How many meetings (of any status) an actor filter (``value`` the actor ids) or a
    country filter (``value`` the code) matches at most, from the counts kept on write."""
    if kind == "actor":
        total = session.scalar(
            select(func.coalesce(func.sum(ActorRow.meetings), 0)).where(ActorRow.id.in_(value))
        )
    else:
        total = session.scalar(
            select(func.coalesce(func.sum(MeetingTotalRow.meetings), 0)).where(
                MeetingTotalRow.facet == "country", MeetingTotalRow.value == value
            )
        )
    return int(total or 0)


def _party_conditions(session: Session, parties: list[tuple[str, Any]], plan: bool) -> list[Any]:
    """The conditions of the party filters (actors, countries): one alone as its size asks
    (see :func:`meeting_conditions`); of several, the one with the fewest meetings lists its
    meetings and each of those is probed for the others (by index, one lookup a meeting): never
    a list of the larger ones' meetings built to be intersected."""
    if len(parties) == 1:
        kind, value = parties[0]
        if kind == "country":
            return [has_participant(ParticipantRow.country == value)]
        frequent = _frequent(session, ActorRow.id.in_(value), plan)
        return [has_participant(person(value), frequent)]
    by_size = sorted(parties, key=lambda party: _party_meetings(session, *party))
    conditions = []
    for n, (kind, value) in enumerate(by_size):
        if kind == "actor":
            conditions.append(has_participant(person(value), frequent=n > 0))
        elif n == 0:  # the kept (country, date, meeting) rows: a walk of their index
            kept = select(MeetingCountryRow.meeting_id).where(MeetingCountryRow.country == value)
            conditions.append(MeetingRow.id.in_(kept))
        else:  # the kept (meeting, country) rows: a primary-key probe
            conditions.append(
                exists().where(
                    MeetingCountryRow.meeting_id == MeetingRow.id,
                    MeetingCountryRow.country == value,
                )
            )
    return conditions


def _one_nation(session: Session, filters: MeetingFilter) -> str | None:
    """The country code when a country (``country``, or ``with_`` naming a country) is the one
    party filter."""
    if sum(1 for f in (filters.actor, filters.country, filters.with_) if f) != 1:
        return None
    if filters.country:
        return country_named(session, filters.country)
    if filters.with_:
        return counterpart_named(session, filters.with_)[0]
    return None


def newest_plan(session: Session, filters: MeetingFilter) -> tuple[list[Any], Any, Any]:
    """The WHERE conditions of a newest-first page of the meetings ``filters`` selects, and the
    date and id columns the page is ordered by (the meeting's date and id either way).

    A page of one country's meetings walks the kept (country, date, meeting) rows from the
    newest: a country with a hundredth of the meetings is not found by probing a hundred
    meetings for each one shown.

    Raises:
        FilterError: ``[E031]`` for a country, counterpart or scope that names nothing.
    """
    nation = _one_nation(session, filters)
    if nation is None:
        return meeting_conditions(session, filters, plan=True), MeetingRow.date, MeetingRow.id
    kept = MeetingCountryRow
    conditions = [kept.meeting_id == MeetingRow.id, kept.country == nation]
    conditions += [kept.date >= filters.since] if filters.since else []
    conditions += [kept.date <= filters.until] if filters.until else []
    rest = replace(filters, country=None, with_=None, since=None, until=None)
    return conditions + meeting_conditions(session, rest), kept.date, kept.meeting_id


def said_by(actors: list[str], frequent: bool = False) -> Any:
    """The statement has one of the corpus ``actors`` (ids) among its speakers: probed for each
    statement when they said many (a newest-first page walks statements by date and stops
    early), else their statements listed first."""
    if not actors:
        return false()
    if frequent:
        return exists().where(
            StatementSpeakerRow.statement_id == StatementRow.id,
            StatementSpeakerRow.actor_key.in_(actors),
        )
    said = select(StatementSpeakerRow.statement_id).where(StatementSpeakerRow.actor_key.in_(actors))
    return StatementRow.id.in_(said)


def statement_conditions(
    session: Session,
    filters: StatementFilter,
    plan: bool = False,
    meetings: Sequence[str] | None = None,
) -> list[Any]:
    """The WHERE conditions of the statements ``filters`` selects (see
    :class:`~sidelines.store.filters.StatementFilter`). With ``plan``, a speaker who said much
    is matched in the form that finds a newest-first page fastest (the results are the same).
    With ``meetings``, the meetings of the only statements asked about (the filters of their
    meeting are read of those, not listed for every meeting they select).

    Raises:
        FilterError: ``[E031]`` for a country, counterpart or scope that names nothing.
    """
    f = filters
    conditions: list[Any] = []
    if f.with_ or f.occasion or f.mode or f.scope or f.held_in or f.place:
        at = MeetingFilter(
            with_=f.with_,
            occasion=f.occasion,
            mode=f.mode,
            status=None,
            scope=f.scope,
            held_in=f.held_in,
            place=f.place,
        )
        of_meeting = meeting_conditions(session, at) + _among(meetings)
        conditions.append(StatementRow.meeting_id.in_(select(MeetingRow.id).where(*of_meeting)))
    for who in (f.speaker, f.actor):
        if not who:
            continue
        ids = actors_named(session, who)
        said = (
            plan
            and bool(ids)
            and int(
                session.scalar(
                    select(func.coalesce(func.sum(ActorRow.statements), 0)).where(
                        ActorRow.id.in_(ids)
                    )
                )
                or 0
            )
            > FREQUENT
        )
        conditions.append(said_by(ids, said))
    if f.country:
        code = country_named(session, f.country)
        conditions.append(StatementRow.speaker_countries.like(f"%{code}%"))
    if f.since or f.until:
        conditions.append(_dated(session, f.since, f.until, meetings))
    if f.topic:
        conditions.append(
            exists().where(
                StatementTopicRow.statement_id == StatementRow.id,
                StatementTopicRow.topic.ilike(f"%{f.topic}%"),
            )
        )
    return conditions


def _among(meetings: Sequence[str] | None) -> list[Any]:
    return [] if meetings is None else [MeetingRow.id.in_(meetings)]


def _dated(
    session: Session, since: str | None, until: str | None, meetings: Sequence[str] | None = None
) -> Any:
    """A statement's own date in the range, or, when its document has none, its meeting's (of
    ``meetings``, when given)."""
    own = [StatementRow.date >= since] if since else []
    own += [StatementRow.date <= until] if until else []
    of_meeting = meeting_conditions(session, MeetingFilter(since=since, until=until, status=None))
    of_meeting += _among(meetings)
    return or_(
        and_(*own),
        and_(
            StatementRow.date.is_(None),
            StatementRow.meeting_id.in_(select(MeetingRow.id).where(*of_meeting)),
        ),
    )


def document_conditions(
    session: Session, filters: MeetingFilter, among: Sequence[str] | None = None
) -> list[Any]:
    """The WHERE conditions of the documents a meeting filter selects (how the search page's
    facets narrow its documents): published in the date range; under any other filter, reporting
    a meeting it selects or holding a statement said as it says
    (:meth:`~sidelines.filters.StatementFilter.said_at`). With ``among``, of those documents
    only (their meetings and statements are looked up, not every meeting of the filter).

    Raises:
        FilterError: ``[E031]`` for a country, counterpart or scope that names nothing.
    """
    conditions: list[Any] = []
    if filters.since:
        conditions.append(DocumentRow.published >= filters.since)
    if filters.until:
        conditions.append(DocumentRow.published <= filters.until)
    rest = replace(filters, since=None, until=None)
    if not any(getattr(rest, f.name) for f in fields(rest)):
        return conditions
    reported = (
        select(MeetingSourceRow.document_id)
        .join(MeetingRow, MeetingRow.id == MeetingSourceRow.meeting_id)
        .where(*meeting_conditions(session, rest))
    )
    held = select(StatementRow.document_id)
    meetings: list[str] | None = None
    if among is not None:
        reported = reported.where(MeetingSourceRow.document_id.in_(among))
        held = held.where(StatementRow.document_id.in_(among))
        meetings = meetings_of(session, StatementRow.document_id.in_(among))
    facts = [DocumentRow.id.in_(reported)]
    said = statement_conditions(session, StatementFilter.said_at(rest), meetings=meetings)
    if said:
        facts.append(DocumentRow.id.in_(held.where(*said)))
    conditions.append(or_(*facts))
    return conditions


def meetings_of(session: Session, statements: Any) -> list[str]:
    """The meetings at which the statements matching ``statements`` were said."""
    said_at = select(StatementRow.meeting_id).where(
        statements, StatementRow.meeting_id.is_not(None)
    )
    return [str(m) for m in session.scalars(said_at.distinct())]
