"""Counts kept as the store is written, so the reads that show them look up a few rows instead of
grouping every link: each topic's meetings and statements, each occasion's meetings, each
actor's counterparts (with the spellings they were named by) and topics; and each meeting's
principals' countries with its date (a country's meetings listed newest first).

A write takes a fact's share out before changing it and puts it back after
(:func:`meetings_counted` and :func:`statements_counted` with ``sign`` -1 then +1), so the
tables always hold what :func:`rebuild` would compute from the stored rows: the same rules as the
grouped queries they replace (a counterpart is a principal on another side, as
:func:`sidelines.pairing.side_key` reads sides: its side, else its country, else the actor).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, distinct, func, literal, select
from sqlalchemy.orm import Session, aliased

from sidelines.store.schema import (
    ActorTopicRow,
    Base,
    CounterpartRow,
    CounterpartSpellingRow,
    MeetingCountryRow,
    MeetingRow,
    MeetingTopicRow,
    MeetingTotalRow,
    OccasionCountRow,
    ParticipantRow,
    StatementRow,
    StatementSpeakerRow,
    StatementTopicRow,
    StatementTotalRow,
    TopicCountRow,
)

__all__ = [
    "AGGREGATES",
    "COUNTRIES",
    "COUNTS",
    "NO_COUNTRY",
    "PRINCIPAL_COLUMNS",
    "TOTALS",
    "meetings_counted",
    "rebuild",
    "rebuild_countries",
    "statements_counted",
]

#: the tables kept here, each with its counted columns
AGGREGATES: dict[Any, tuple[str, ...]] = {
    TopicCountRow: ("meetings", "statements"),
    OccasionCountRow: ("meetings",),
    CounterpartRow: ("meetings",),
    CounterpartSpellingRow: ("meetings",),
    ActorTopicRow: ("meetings", "statements"),
    MeetingCountryRow: (),  # rows, not counts: written by meetings_counted, built by rebuild
    MeetingTotalRow: ("meetings",),
    StatementTotalRow: ("statements",),
}
#: the tables of each migration that built them: 0009's counts, 0011's countries, 0013's totals
COUNTS: tuple[Any, ...] = (
    TopicCountRow,
    OccasionCountRow,
    CounterpartRow,
    CounterpartSpellingRow,
    ActorTopicRow,
)
COUNTRIES: tuple[Any, ...] = (MeetingCountryRow,)
TOTALS: tuple[Any, ...] = (MeetingTotalRow, StatementTotalRow)
#: the participant columns a principal's share of the counts and the network are read from
PRINCIPAL_COLUMNS = (
    ParticipantRow.meeting_id,
    ParticipantRow.actor_key,
    ParticipantRow.name,
    ParticipantRow.country,
    ParticipantRow.side,
)
#: the country of a counterpart spelling that names none (a key column cannot be NULL)
NO_COUNTRY = ""
#: ids per query (under the 999 bound parameters of older SQLite builds)
BATCH = 500


def _side(party: Any) -> Any:
    """A principal's side as :func:`sidelines.pairing.side_key` reads it (SQL ``coalesce``)."""
    for value in (party.side, party.country, party.actor_key):
        if value is not None:
            return value
    return None


def _batches(ids: Iterable[str]) -> list[list[str]]:
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + BATCH] for i in range(0, len(unique), BATCH)]


def _bump(session: Session, model: Any, key: tuple[Any, ...], **deltas: int) -> None:
    """Add ``deltas`` to the counts of the row ``key``; a row whose counts all fall to 0 goes."""
    if not any(deltas.values()):
        return
    row = session.get(model, key)
    if row is None:
        names = [c.key for c in model.__mapper__.primary_key]
        row = model(**dict(zip(names, key, strict=True)), **dict.fromkeys(AGGREGATES[model], 0))
        session.add(row)
    for column, delta in deltas.items():
        setattr(row, column, getattr(row, column) + delta)
    if not any(getattr(row, column) for column in AGGREGATES[model]):
        if row in session.new:
            session.expunge(row)
        else:
            session.delete(row)


def meetings_counted(session: Session, meeting_ids: Iterable[str], sign: int) -> None:
    """Add (``sign`` 1) or take out (-1) the share of these stored meetings, as they stand in
    the session now, in the occasion, topic, counterpart, actor-topic and list-total counts,
    and their rows of the meetings' countries."""
    session.flush()
    _countries_kept(session, meeting_ids, sign)
    occasions: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    actor_topics: Counter[tuple[str, str]] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    spellings: Counter[tuple[str, str, str, str]] = Counter()
    totals: Counter[tuple[str, str, str]] = Counter()
    for ids in _batches(meeting_ids):
        stored = session.execute(
            select(MeetingRow.id, MeetingRow.status, MeetingRow.scope, MeetingRow.occasion).where(
                MeetingRow.id.in_(ids)
            )
        ).all()
        status_of = {meeting.id: meeting.status for meeting in stored}
        for meeting in stored:
            totals[("all", "", meeting.status)] += sign
            if meeting.occasion is not None:
                occasions[str(meeting.occasion)] += sign
                totals[("occasion", str(meeting.occasion), meeting.status)] += sign
            if meeting.scope is not None:
                totals[("scope", meeting.scope, meeting.status)] += sign
        topics_of: dict[str, list[str]] = defaultdict(list)
        for meeting_id, topic in session.execute(
            select(MeetingTopicRow.meeting_id, MeetingTopicRow.topic).where(
                MeetingTopicRow.meeting_id.in_(ids)
            )
        ):
            topics_of[meeting_id].append(topic)
            topics[topic] += sign
            totals[("topic", topic, status_of[meeting_id])] += sign
        principals: dict[str, list[Any]] = defaultdict(list)
        for party in session.execute(
            select(*PRINCIPAL_COLUMNS).where(
                ParticipantRow.meeting_id.in_(ids), ParticipantRow.accompanying.is_(False)
            )
        ):
            principals[party.meeting_id].append(party)
        for meeting_id, parties in principals.items():
            status = status_of[meeting_id]
            for country in {p.country for p in parties if p.country is not None}:
                totals[("country", country, status)] += sign
            rows_of = Counter(p.actor_key for p in parties if p.actor_key is not None)
            for me, rows in rows_of.items():
                totals[("actor", me, status)] += sign
                for topic in topics_of[meeting_id]:  # a join: once per row of mine
                    actor_topics[(me, topic)] += sign * rows
                mine = {_side(p) for p in parties if p.actor_key == me}
                others = [
                    p
                    for p in parties
                    if p.actor_key is not None
                    and p.actor_key != me
                    and any(_side(p) != side for side in mine)
                ]
                for other in {p.actor_key for p in others}:
                    pairs[(me, other)] += sign
                for spelling in {(p.actor_key, p.name, p.country or NO_COUNTRY) for p in others}:
                    spellings[(me, *spelling)] += sign
    for occasion, n in occasions.items():
        _bump(session, OccasionCountRow, (occasion,), meetings=n)
    for topic, n in topics.items():
        _bump(session, TopicCountRow, (topic,), meetings=n)
    for key, n in actor_topics.items():
        _bump(session, ActorTopicRow, key, meetings=n)
    for key, n in pairs.items():
        _bump(session, CounterpartRow, key, meetings=n)
    for named, n in spellings.items():
        _bump(session, CounterpartSpellingRow, named, meetings=n)
    for total, n in totals.items():
        _bump(session, MeetingTotalRow, total, meetings=n)
    session.flush()


def _countries_kept(session: Session, meeting_ids: Iterable[str], sign: int) -> None:
    """Drop the country rows of these meetings; with ``sign`` 1 write them again as the
    meetings stand now (each distinct country of a principal, with the meeting's date)."""
    for ids in _batches(meeting_ids):
        session.execute(delete(MeetingCountryRow).where(MeetingCountryRow.meeting_id.in_(ids)))
        if sign > 0:
            rows = session.execute(
                select(MeetingRow.id, ParticipantRow.country, MeetingRow.date)
                .join(ParticipantRow, ParticipantRow.meeting_id == MeetingRow.id)
                .where(MeetingRow.id.in_(ids), *_PRINCIPAL_COUNTRY)
                .distinct()
            ).all()
            session.add_all(MeetingCountryRow(meeting_id=m, country=c, date=d) for m, c, d in rows)


#: a participant row that gives a meeting a country
_PRINCIPAL_COUNTRY = (ParticipantRow.accompanying.is_(False), ParticipantRow.country.is_not(None))


def rebuild_countries(connection: Any) -> None:
    """Write the meetings' country rows again from the stored rows."""
    connection.execute(delete(MeetingCountryRow))
    connection.execute(
        Base.metadata.tables[MeetingCountryRow.__tablename__]
        .insert()
        .from_select(
            ["meeting_id", "country", "date"],
            select(MeetingRow.id, ParticipantRow.country, MeetingRow.date)
            .join(ParticipantRow, ParticipantRow.meeting_id == MeetingRow.id)
            .where(*_PRINCIPAL_COUNTRY)
            .distinct(),
        )
    )


def statements_counted(session: Session, statement_ids: Iterable[str], sign: int) -> None:
    """Add (``sign`` 1) or take out (-1) the share of these stored statements in the topic and
    actor-topic counts."""
    session.flush()
    topics: Counter[str] = Counter()
    actor_topics: Counter[tuple[str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    for ids in _batches(statement_ids):
        stored = session.scalar(
            select(func.count()).select_from(StatementRow).where(StatementRow.id.in_(ids))
        )
        totals[("all", "")] += sign * int(stored or 0)
        topics_of: dict[str, list[str]] = defaultdict(list)
        for statement_id, topic in session.execute(
            select(StatementTopicRow.statement_id, StatementTopicRow.topic).where(
                StatementTopicRow.statement_id.in_(ids)
            )
        ):
            topics_of[statement_id].append(topic)
            topics[topic] += sign
            totals[("topic", topic)] += sign
        for statement_id, speaker in session.execute(
            select(StatementSpeakerRow.statement_id, StatementSpeakerRow.actor_key).where(
                StatementSpeakerRow.statement_id.in_(ids)
            )
        ):
            totals[("speaker", speaker)] += sign
            for topic in topics_of[statement_id]:
                actor_topics[(speaker, topic)] += sign
    for topic, n in topics.items():
        _bump(session, TopicCountRow, (topic,), statements=n)
    for key, n in actor_topics.items():
        _bump(session, ActorTopicRow, key, statements=n)
    for total, n in totals.items():
        _bump(session, StatementTotalRow, total, statements=n)
    session.flush()


def _insert_grouped(
    connection: Any, model: Any, rows: dict[tuple[Any, ...], dict[str, int]]
) -> None:
    names = [c.key for c in model.__mapper__.primary_key]
    table = model.__table__
    records = [
        {**dict(zip(names, key, strict=True)), **dict.fromkeys(AGGREGATES[model], 0), **counts}
        for key, counts in rows.items()
    ]
    for start in range(0, len(records), 20_000):
        connection.execute(table.insert(), records[start : start + 20_000])


def rebuild(connection: Any, *groups: tuple[Any, ...]) -> None:
    """Compute the aggregate tables of ``groups`` (:data:`COUNTS`, :data:`COUNTRIES`,
    :data:`TOTALS`; all of them when none is given) again from the stored rows (a migration, a
    bulk load)."""
    chosen = groups or (COUNTS, COUNTRIES, TOTALS)
    if COUNTS in chosen:
        _rebuild_counts(connection)
    if COUNTRIES in chosen:
        rebuild_countries(connection)
    if TOTALS in chosen:
        rebuild_totals(connection)


def _rebuild_counts(connection: Any) -> None:
    for model in COUNTS:
        connection.execute(delete(model.__table__))
    grouped: dict[tuple[Any, ...], dict[str, int]] = defaultdict(dict)
    for topic, n in connection.execute(
        select(MeetingTopicRow.topic, func.count()).group_by(MeetingTopicRow.topic)
    ):
        grouped[(topic,)]["meetings"] = int(n)
    for topic, n in connection.execute(
        select(StatementTopicRow.topic, func.count()).group_by(StatementTopicRow.topic)
    ):
        grouped[(topic,)]["statements"] = int(n)
    _insert_grouped(connection, TopicCountRow, grouped)
    _insert_grouped(
        connection,
        OccasionCountRow,
        {
            (occasion,): {"meetings": int(n)}
            for occasion, n in connection.execute(
                select(MeetingRow.occasion, func.count())
                .where(MeetingRow.occasion.is_not(None))
                .group_by(MeetingRow.occasion)
            )
        },
    )
    principal = [ParticipantRow.accompanying.is_(False), ParticipantRow.actor_key.is_not(None)]
    grouped = defaultdict(dict)
    for key, topic, n in connection.execute(
        select(ParticipantRow.actor_key, MeetingTopicRow.topic, func.count())
        .join(MeetingTopicRow, MeetingTopicRow.meeting_id == ParticipantRow.meeting_id)
        .where(*principal)
        .group_by(ParticipantRow.actor_key, MeetingTopicRow.topic)
    ):
        grouped[(key, topic)]["meetings"] = int(n)
    for key, topic, n in connection.execute(
        select(StatementSpeakerRow.actor_key, StatementTopicRow.topic, func.count())
        .join(StatementTopicRow, StatementTopicRow.statement_id == StatementSpeakerRow.statement_id)
        .group_by(StatementSpeakerRow.actor_key, StatementTopicRow.topic)
    ):
        grouped[(key, topic)]["statements"] = int(n)
    _insert_grouped(connection, ActorTopicRow, grouped)
    me, other = aliased(ParticipantRow), aliased(ParticipantRow)
    joined = [
        me.accompanying.is_(False),
        me.actor_key.is_not(None),
        other.accompanying.is_(False),
        other.actor_key.is_not(None),
        other.actor_key != me.actor_key,
        func.coalesce(other.side, other.country, other.actor_key)
        != func.coalesce(me.side, me.country, me.actor_key),
    ]
    on = other.meeting_id == me.meeting_id
    connection.execute(
        Base.metadata.tables[CounterpartRow.__tablename__]
        .insert()
        .from_select(
            ["actor_key", "counterpart_key", "meetings"],
            select(me.actor_key, other.actor_key, func.count(distinct(other.meeting_id)))
            .join(other, on)
            .where(*joined)
            .group_by(me.actor_key, other.actor_key),
        )
    )
    country = func.coalesce(other.country, literal(NO_COUNTRY))
    connection.execute(
        Base.metadata.tables[CounterpartSpellingRow.__tablename__]
        .insert()
        .from_select(
            ["actor_key", "counterpart_key", "name", "country", "meetings"],
            select(
                me.actor_key,
                other.actor_key,
                other.name,
                country,
                func.count(distinct(other.meeting_id)),
            )
            .join(other, on)
            .where(*joined)
            .group_by(me.actor_key, other.actor_key, other.name, country),
        )
    )


def rebuild_totals(connection: Any) -> None:
    """Write the list totals (:class:`~sidelines.store.schema.MeetingTotalRow`,
    :class:`~sidelines.store.schema.StatementTotalRow`) again from the stored rows."""
    for model in TOTALS:
        connection.execute(delete(model.__table__))
    meetings: dict[tuple[Any, ...], dict[str, int]] = {}
    status = MeetingRow.status
    for status_, n in connection.execute(select(status, func.count()).group_by(status)):
        meetings[("all", "", status_)] = {"meetings": int(n)}
    for facet, column in (("occasion", MeetingRow.occasion), ("scope", MeetingRow.scope)):
        for value, status_, n in connection.execute(
            select(column, status, func.count()).where(column.is_not(None)).group_by(column, status)
        ):
            meetings[(facet, value, status_)] = {"meetings": int(n)}
    for value, status_, n in connection.execute(
        select(MeetingTopicRow.topic, status, func.count())
        .join(MeetingRow, MeetingRow.id == MeetingTopicRow.meeting_id)
        .group_by(MeetingTopicRow.topic, status)
    ):
        meetings[("topic", value, status_)] = {"meetings": int(n)}
    for facet, column in (("actor", ParticipantRow.actor_key), ("country", ParticipantRow.country)):
        for value, status_, n in connection.execute(
            select(column, status, func.count(distinct(ParticipantRow.meeting_id)))
            .join(MeetingRow, MeetingRow.id == ParticipantRow.meeting_id)
            .where(ParticipantRow.accompanying.is_(False), column.is_not(None))
            .group_by(column, status)
        ):
            meetings[(facet, value, status_)] = {"meetings": int(n)}
    _insert_grouped(connection, MeetingTotalRow, meetings)
    statements: dict[tuple[Any, ...], dict[str, int]] = {
        ("all", ""): {
            "statements": int(
                connection.scalar(select(func.count()).select_from(StatementRow)) or 0
            )
        }
    }
    for facet, key in (
        ("speaker", StatementSpeakerRow.actor_key),
        ("topic", StatementTopicRow.topic),
    ):
        for value, n in connection.execute(select(key, func.count()).group_by(key)):
            statements[(facet, value)] = {"statements": int(n)}
    _insert_grouped(
        connection, StatementTotalRow, {k: v for k, v in statements.items() if v["statements"]}
    )
