"""Queries over the corpus database: meetings, statements, actors, documents, topics, occasions
and a plain text search, with the same filters as the CLI and offset paging.

Every filter is a bound parameter of a SQLAlchemy expression (no SQL is built from text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session, selectinload

from sidelines.store.actors import name_slug
from sidelines.store.filters import (
    actors_named,
    counterpart_named,
    country_named,
    occasions_named,
    scope_named,
)
from sidelines.store.schema import (
    ActorRow,
    DocumentRow,
    EvidenceRow,
    MeetingRow,
    MeetingSourceRow,
    MeetingTopicRow,
    ParticipantRow,
    RoleRow,
    StatementRow,
    StatementSpeakerRow,
    StatementTopicRow,
)
from sidelines.store.search import search_ids

if TYPE_CHECKING:
    from sidelines.kb import KnowledgeBase

__all__ = [
    "actor",
    "actors",
    "count_actors",
    "count_documents",
    "count_meetings",
    "count_statements",
    "document",
    "documents",
    "iter_meetings",
    "iter_statements",
    "meeting",
    "meeting_conditions",
    "meetings",
    "occasions",
    "search",
    "statement",
    "statement_conditions",
    "statements",
    "topics",
]


#: above this many meetings, a page of an actor's or a country's meetings is found by walking
#: meetings newest first and probing each (the first page comes quickly); below it, by listing
#: the few meetings first and sorting them
FREQUENT = 5_000


def _person(actors: list[str]) -> Any:
    """A participant who is one of the corpus ``actors`` (ids)."""
    # the actors table is small next to participants: find the actors first, then their rows
    return ParticipantRow.actor_key.in_(actors) if actors else false()


def _has_participant(condition: Any, frequent: bool = False) -> Any:
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


def meeting_conditions(
    session: Session,
    actor: str | None = None,
    country: str | None = None,
    with_: str | None = None,
    since: str | None = None,
    until: str | None = None,
    occasion: str | None = None,
    topic: str | None = None,
    mode: str | None = None,
    status: str | None = "held",
    scope: str | None = None,
    held_in: str | None = None,
    place: str | None = None,
    plan: bool = False,
) -> list[Any]:
    """The WHERE conditions of :func:`meetings` for its filters (shared with the exports); the
    names, countries, occasions and scope are read as :mod:`sidelines.store.filters` reads them.

    ``held_in`` is the country the meeting took place in (a code, name or demonym, as
    ``country``), ``place`` its place as stored.

    With ``plan``, an actor or country with many meetings is matched in the form that finds a
    newest-first page fastest (the results are the same either way).

    Raises:
        FilterError: ``[E031]`` for a country, counterpart or scope that names nothing.
    """
    conditions: list[Any] = []
    if sum(1 for f in (actor, country, with_) if f) > 1:
        plan = False  # two party filters: listing the meetings of each first is the fast plan
    if actor:
        ids = actors_named(session, actor)
        frequent = _frequent(session, ActorRow.id.in_(ids), plan)
        conditions.append(_has_participant(_person(ids), frequent))
    if country:
        code = country_named(session, country)
        frequent = _frequent(session, ActorRow.country == code, plan)
        conditions.append(_has_participant(ParticipantRow.country == code, frequent))
    if with_:
        nation, ids = counterpart_named(session, with_)
        if nation is not None:
            frequent = _frequent(session, ActorRow.country == nation, plan)
            conditions.append(_has_participant(ParticipantRow.country == nation, frequent))
        else:
            frequent = _frequent(session, ActorRow.id.in_(ids), plan)
            conditions.append(_has_participant(_person(ids), frequent))
    if since:
        conditions.append(MeetingRow.date >= since)
    if until:
        conditions.append(MeetingRow.date <= until)
    if occasion:
        named = occasions_named(session, occasion)
        conditions.append(MeetingRow.occasion.in_(named) if named else false())
    if topic:
        conditions.append(
            exists().where(
                MeetingTopicRow.meeting_id == MeetingRow.id,
                MeetingTopicRow.topic.ilike(f"%{topic}%"),
            )
        )
    if mode:
        conditions.append(MeetingRow.mode == mode)
    if status:
        conditions.append(MeetingRow.status == status)
    if scope:
        conditions.append(MeetingRow.scope == scope_named(scope))
    if held_in:
        conditions.append(MeetingRow.country == country_named(session, held_in))
    if place:
        conditions.append(MeetingRow.place == place.strip())
    return conditions


def meetings(
    session: Session,
    actor: str | None = None,
    country: str | None = None,
    with_: str | None = None,
    since: str | None = None,
    until: str | None = None,
    occasion: str | None = None,
    topic: str | None = None,
    mode: str | None = None,
    status: str | None = "held",
    scope: str | None = None,
    held_in: str | None = None,
    place: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Meetings (newest first) with an ``actor`` (name or id) or a party from ``country``, with a
    counterpart ``with_`` (a country or an actor), in a date range, at an occasion, on a topic,
    by mode, of a scope (``international`` or ``domestic``), held in a country or at a place."""
    conditions = meeting_conditions(
        session, actor, country, with_, since, until, occasion, topic, mode, status, scope,
        held_in=held_in, place=place, plan=True,
    )  # fmt: skip
    query = select(MeetingRow).where(*conditions)
    query = query.order_by(MeetingRow.date.desc().nulls_last(), MeetingRow.id).options(
        selectinload(MeetingRow.participants), selectinload(MeetingRow.sources)
    )
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    rows = session.scalars(query).all()
    paths = _document_paths(session, [row.id for row in rows])
    return [_meeting_dict(row, paths.get(row.id, [])) for row in rows]


def _document_paths(session: Session, meeting_ids: list[str]) -> dict[str, list[str]]:
    """The path (or URL) of every source document of these meetings, in one query."""
    found: dict[str, list[str]] = {}
    for meeting_id, path, url in session.execute(
        select(MeetingSourceRow.meeting_id, DocumentRow.path, DocumentRow.url)
        .join(DocumentRow, DocumentRow.id == MeetingSourceRow.document_id)
        .where(MeetingSourceRow.meeting_id.in_(meeting_ids))
    ):
        found.setdefault(meeting_id, []).append(path or url or "")
    return found


def count_meetings(session: Session, **filters: Any) -> int:
    """How many meetings :func:`meetings` would return without a limit."""
    filters.pop("limit", None)
    filters.pop("offset", None)
    query = (
        select(func.count()).select_from(MeetingRow).where(*meeting_conditions(session, **filters))
    )
    return int(session.scalar(query) or 0)


def statement_conditions(
    session: Session,
    speaker: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    topic: str | None = None,
    with_: str | None = None,
    occasion: str | None = None,
    mode: str | None = None,
    actor: str | None = None,
    scope: str | None = None,
) -> list[Any]:
    """WHERE conditions on statements: ``speaker`` (or ``actor``, as for meetings) is a
    speaker, ``country`` a speaker's country, the date (the statement's own, else its meeting's)
    in range, the topic the statement's own; ``with_``, ``occasion``, ``mode`` and ``scope`` hold
    when the statement belongs to such a meeting.

    Raises:
        FilterError: ``[E031]`` for a country, counterpart or scope that names nothing.
    """
    conditions: list[Any] = []
    if with_ or occasion or mode or scope:
        of_meeting = meeting_conditions(
            session, with_=with_, occasion=occasion, mode=mode, status=None, scope=scope
        )
        conditions.append(StatementRow.meeting_id.in_(select(MeetingRow.id).where(*of_meeting)))
    for who in (speaker, actor):
        if not who:
            continue
        ids = actors_named(session, who)
        said = select(StatementSpeakerRow.statement_id).where(
            StatementSpeakerRow.actor_key.in_(ids) if ids else false()
        )
        conditions.append(StatementRow.id.in_(said))
    if country:
        code = country_named(session, country)
        conditions.append(StatementRow.speaker_countries.like(f"%{code}%"))
    if since or until:
        conditions.append(_dated(session, since, until))
    if topic:
        conditions.append(
            exists().where(
                StatementTopicRow.statement_id == StatementRow.id,
                StatementTopicRow.topic.ilike(f"%{topic}%"),
            )
        )
    return conditions


def _dated(session: Session, since: str | None, until: str | None) -> Any:
    """A statement's own date in the range, or, when its document has none, its meeting's."""
    own = [StatementRow.date >= since] if since else []
    own += [StatementRow.date <= until] if until else []
    of_meeting = meeting_conditions(session, since=since, until=until, status=None)
    return or_(
        and_(*own),
        and_(
            StatementRow.date.is_(None),
            StatementRow.meeting_id.in_(select(MeetingRow.id).where(*of_meeting)),
        ),
    )


def statements(
    session: Session,
    speaker: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    topic: str | None = None,
    with_: str | None = None,
    occasion: str | None = None,
    mode: str | None = None,
    scope: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    meeting_id: str | None = None,
    actor_key: str | None = None,
) -> list[dict[str, Any]]:
    """Statements (newest first) by a ``speaker`` or a ``country``, in a date range, on a topic,
    said at a meeting with ``with_`` / at an ``occasion`` / by ``mode`` / of a ``scope`` (or of
    one meeting, or by one corpus actor)."""
    conditions = statement_conditions(
        session, speaker, country, since, until, topic, with_, occasion, mode, scope=scope
    )
    query = select(StatementRow).where(*conditions)
    if meeting_id:
        query = query.where(StatementRow.meeting_id == meeting_id)
    if actor_key:
        query = query.where(
            exists().where(
                StatementSpeakerRow.statement_id == StatementRow.id,
                StatementSpeakerRow.actor_key == actor_key,
            )
        )
    query = query.order_by(StatementRow.date.desc().nulls_last(), StatementRow.id)
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    rows = session.scalars(query).all()
    spans: dict[str, list[dict[str, Any]]] = {}
    for e in session.scalars(
        select(EvidenceRow)
        .where(EvidenceRow.statement_id.in_([row.id for row in rows]))
        .order_by(EvidenceRow.id)
    ):
        spans.setdefault(e.statement_id or "", []).append(
            {"start": e.start, "end": e.end, "text": e.text}
        )
    return [_statement_dict(row, spans.get(row.id, [])) for row in rows]


def statement(session: Session, statement_id: str) -> dict[str, Any] | None:
    """One statement with its evidence spans; None if unknown."""
    row = session.get(StatementRow, statement_id)
    if row is None:
        return None
    spans = session.scalars(
        select(EvidenceRow).where(EvidenceRow.statement_id == statement_id).order_by(EvidenceRow.id)
    )
    return _statement_dict(row, [{"start": e.start, "end": e.end, "text": e.text} for e in spans])


def count_statements(session: Session, **filters: Any) -> int:
    """How many statements :func:`statements` would return without a limit."""
    filters.pop("limit", None)
    filters.pop("offset", None)
    conditions = statement_conditions(session, **filters)
    query = select(func.count()).select_from(StatementRow).where(*conditions)
    return int(session.scalar(query) or 0)


def _statement_dict(row: Any, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """A statement (an ORM row or a plain row of the same columns) with its evidence spans."""
    return {
        "id": row.id,
        "date": row.date,
        "speakers": row.speakers,
        "cue": row.cue,
        "text": row.text,
        "topics": row.topics,
        "cameo": row.cameo,
        "plover": row.plover,
        "meeting_id": row.meeting_id,
        "document_id": row.document_id,
        "evidence": evidence,
    }


def meeting(session: Session, meeting_id: str) -> dict[str, Any] | None:
    """One meeting with its statements, source documents and evidence; None if unknown."""
    row = session.get(MeetingRow, meeting_id)
    if row is None:
        return None
    out = _meeting_dict(row, _document_paths(session, [meeting_id]).get(meeting_id, []))
    out["statements"] = statements(session, meeting_id=meeting_id)
    sources = session.scalars(
        select(DocumentRow)
        .join(MeetingSourceRow, MeetingSourceRow.document_id == DocumentRow.id)
        .where(MeetingSourceRow.meeting_id == meeting_id)
        .order_by(DocumentRow.published, DocumentRow.id)
    ).all()
    out["source_documents"] = [_document_summary(d) for d in sources]
    out["evidence"] = [
        {"document_id": e.document_id, "start": e.start, "end": e.end, "text": e.text}
        for e in session.scalars(
            select(EvidenceRow).where(EvidenceRow.meeting_id == meeting_id).order_by(EvidenceRow.id)
        )
    ]
    return out


def _document_summary(row: Any) -> dict[str, Any]:
    """A document without its text (an ORM row or a plain row of the same columns)."""
    return {
        "id": row.id,
        "path": row.path,
        "url": row.url,
        "title": row.title,
        "published": row.published,
        "publisher": row.publisher,
        "original_source": row.original_source,
    }


def documents(session: Session, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Documents (newest first), without their text."""
    query = select(DocumentRow).order_by(DocumentRow.published.desc().nulls_last(), DocumentRow.id)
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [_document_summary(row) for row in session.scalars(query)]


def count_documents(session: Session) -> int:
    """How many documents are stored."""
    return int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)


def document(session: Session, document_id: str) -> dict[str, Any] | None:
    """One document with its text, sections, the facts it reports and their evidence spans."""
    row = session.get(DocumentRow, document_id)
    if row is None:
        return None
    out = _document_summary(row)
    evidence = session.scalars(
        select(EvidenceRow)
        .where(EvidenceRow.document_id == document_id)
        .order_by(EvidenceRow.start)
    ).all()
    meeting_ids = session.scalars(
        select(MeetingSourceRow.meeting_id).where(MeetingSourceRow.document_id == document_id)
    ).all()
    statement_ids = session.scalars(
        select(StatementRow.id).where(StatementRow.document_id == document_id)
    ).all()
    out.update(
        text=row.text,
        location=row.location,
        language=row.language,
        sections=row.sections,
        meetings=list(meeting_ids),
        statements=list(statement_ids),
        evidence=[
            {
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "meeting_id": e.meeting_id,
                "statement_id": e.statement_id,
            }
            for e in evidence
        ],
    )
    return out


def _scoped_meetings(scope: str | None) -> Any:
    """An actor's number of meetings of ``scope`` (of any scope when None), as kept in the
    actors table."""
    if scope is None:
        return ActorRow.meetings
    if scope_named(scope) == "international":
        return ActorRow.international
    return ActorRow.meetings - ActorRow.international


def _actor_filters(
    session: Session,
    query: Select[Any],
    country: str | None,
    name: str | None,
    scope: str | None,
) -> Select[Any]:
    if country:
        query = query.where(ActorRow.country == country_named(session, country))
    if name:
        query = query.where(ActorRow.id.in_(actors_named(session, name)))
    if scope:
        query = query.where(_scoped_meetings(scope) > 0)
    return query


def actors(
    session: Session,
    country: str | None = None,
    name: str | None = None,
    scope: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Corpus actors (busiest first) with their number of meetings and statements; of one
    ``scope``, only those with meetings of that scope, counted in ``meetings``."""
    counted = _scoped_meetings(scope)
    query = _actor_filters(
        session, select(ActorRow, counted.label("counted")), country, name, scope
    ).order_by(counted.desc(), ActorRow.statements.desc(), ActorRow.id)
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [
        {**_actor_summary(row), "meetings": int(n), "statements": row.statements}
        for row, n in session.execute(query)
    ]


def count_actors(
    session: Session, country: str | None = None, name: str | None = None, scope: str | None = None
) -> int:
    """How many actors :func:`actors` would return without a limit."""
    query = _actor_filters(
        session, select(func.count()).select_from(ActorRow), country, name, scope
    )
    return int(session.scalar(query) or 0)


def _actor_summary(row: ActorRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "country": row.country,
        "aliases": row.aliases,
        "in_kb": row.in_kb,
    }


def find_actor(
    session: Session, name_or_id: str, kb: KnowledgeBase | None = None
) -> ActorRow | None:
    """The actor with this id, or else the busiest one whose name or a spelling matches (the
    knowledge base, when given, knows more spellings: "Sergei" for "Sergey Lavrov")."""
    needle = name_or_id.strip()
    if not needle:
        return None
    row = session.get(ActorRow, needle) or session.get(ActorRow, f"name:{name_slug(needle)}")
    if row is not None:
        return row
    found = actors(session, name=needle, limit=1)
    if found:
        return session.get(ActorRow, found[0]["id"])
    for known in kb.find_actors(needle) if kb else []:
        if (row := session.get(ActorRow, known.id)) is not None:
            return row
    return None


def actor(
    session: Session, name_or_id: str, latest: int = 20, kb: KnowledgeBase | None = None
) -> dict[str, Any] | None:
    """An actor's roles over time (from the knowledge base and as the documents title them),
    counterparts with counts, topics, latest meetings and statements; None if no actor
    matches."""
    row = find_actor(session, name_or_id, kb)
    if row is None:
        return None
    out = _actor_summary(row)
    known = kb.actors.get(row.id) if kb and row.in_kb else None
    out["roles"] = (
        [
            {
                "title": role.title,
                "office": role.office,
                "country": role.country,
                "organisation": None,
                "start": role.start.isoformat() if role.start else None,
                "end": role.end.isoformat() if role.end else None,
                "source": "kb",
                "mentions": None,
            }
            for role in sorted(known.roles, key=lambda r: r.start or dt.date.min)
        ]
        if known
        else []
    )
    roles = session.scalars(
        select(RoleRow).where(RoleRow.actor_id == row.id).order_by(RoleRow.first_seen)
    ).all()
    out["roles"] += [
        {
            "title": r.title,
            "office": None,
            "country": row.country,
            "organisation": None,
            "start": r.first_seen,
            "end": r.last_seen,
            "source": "documents",
            "mentions": r.mentions,
        }
        for r in roles
    ]
    mine = (
        select(ParticipantRow.meeting_id, ParticipantRow.side)
        .where(ParticipantRow.actor_key == row.id, ParticipantRow.accompanying.is_(False))
        .subquery()
    )
    other = ParticipantRow
    counterparts = session.execute(
        select(
            other.actor_key,
            func.min(other.name),
            func.min(other.country),
            func.count(func.distinct(other.meeting_id)),
        )
        .join(mine, mine.c.meeting_id == other.meeting_id)
        .where(
            other.accompanying.is_(False),
            other.actor_key != row.id,
            or_(mine.c.side.is_(None), other.side.is_(None), other.side != mine.c.side),
        )
        .group_by(other.actor_key)
        .order_by(func.count(func.distinct(other.meeting_id)).desc(), other.actor_key)
    ).all()
    out["counterparts"] = [
        {"id": key, "name": name, "country": country, "meetings": int(n)}
        for key, name, country, n in counterparts
    ]
    meeting_topics = dict(
        session.execute(
            select(MeetingTopicRow.topic, func.count())
            .join(mine, mine.c.meeting_id == MeetingTopicRow.meeting_id)
            .group_by(MeetingTopicRow.topic)
        ).all()
    )
    statement_topics = dict(
        session.execute(
            select(StatementTopicRow.topic, func.count())
            .join(
                StatementSpeakerRow,
                StatementSpeakerRow.statement_id == StatementTopicRow.statement_id,
            )
            .where(StatementSpeakerRow.actor_key == row.id)
            .group_by(StatementTopicRow.topic)
        ).all()
    )
    out["topics"] = sorted(
        (
            {
                "topic": t,
                "meetings": int(meeting_topics.get(t, 0)),
                "statements": int(statement_topics.get(t, 0)),
            }
            for t in {*meeting_topics, *statement_topics}
        ),
        key=lambda t: (-(t["meetings"] + t["statements"]), t["topic"]),
    )
    out["meetings"] = meetings(session, actor=row.id, limit=latest, status=None)
    out["statements"] = statements(session, actor_key=row.id, limit=latest)
    return out


def topics(session: Session) -> list[dict[str, Any]]:
    """Every topic with its number of meetings and statements (most frequent first)."""
    in_meetings = dict(
        session.execute(
            select(MeetingTopicRow.topic, func.count()).group_by(MeetingTopicRow.topic)
        ).all()
    )
    in_statements = dict(
        session.execute(
            select(StatementTopicRow.topic, func.count()).group_by(StatementTopicRow.topic)
        ).all()
    )
    rows = [
        {
            "topic": t,
            "meetings": int(in_meetings.get(t, 0)),
            "statements": int(in_statements.get(t, 0)),
        }
        for t in {*in_meetings, *in_statements}
    ]
    return sorted(rows, key=lambda r: (-(r["meetings"] + r["statements"]), r["topic"]))


def occasions(session: Session) -> list[dict[str, Any]]:
    """Every occasion meetings took place at, with their number (most frequent first)."""
    rows = session.execute(
        select(MeetingRow.occasion, func.count())
        .where(MeetingRow.occasion.is_not(None))
        .group_by(MeetingRow.occasion)
        .order_by(func.count().desc(), MeetingRow.occasion)
    ).all()
    return [{"occasion": occasion, "meetings": int(n)} for occasion, n in rows]


def search(session: Session, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Documents (by title or text) and statements (by text or speaker) with every word of
    ``q``, best first, through the database's text index (a case-insensitive substring scan
    where it has none); meetings by place, occasion or participant."""
    # control characters (NUL above all) are no part of any text and break text-index queries
    needle = "".join(ch if ch.isprintable() else " " for ch in q).strip()
    if not needle:
        return []
    like = f"%{needle}%"
    found: list[dict[str, Any]] = []
    documents = _text_hits(
        session, DocumentRow, "document", needle, limit, DocumentRow.title, DocumentRow.published
    )
    for doc in documents:
        found.append(
            {
                "kind": "document",
                "id": doc.id,
                "title": doc.title,
                "snippet": _snippet(doc.text, needle),
            }
        )
    meeting_ids = search_ids(session, "meeting", needle, limit)
    if meeting_ids is None:
        meetings_found = list(
            session.scalars(
                select(MeetingRow)
                .where(
                    or_(
                        MeetingRow.occasion.ilike(like),
                        MeetingRow.place.ilike(like),
                        _has_participant(_person(actors_named(session, needle))),
                    )
                )
                .order_by(MeetingRow.date.desc().nulls_last(), MeetingRow.id)
                .limit(limit)
            )
        )
    else:
        by_id = {
            m.id: m
            for m in session.scalars(select(MeetingRow).where(MeetingRow.id.in_(meeting_ids)))
        }
        meetings_found = [by_id[i] for i in dict.fromkeys(meeting_ids) if i in by_id]
    for row in meetings_found:
        names = " – ".join(p.name for p in row.participants if not p.accompanying)
        found.append(
            {
                "kind": "meeting",
                "id": row.id,
                "title": f"{row.date or 'undated'}: {names}",
                "snippet": ", ".join(x for x in (row.place, row.occasion) if x),
            }
        )
    said = _text_hits(
        session, StatementRow, "statement", needle, limit, StatementRow.speaker_names,
        StatementRow.date,
    )  # fmt: skip
    for st in said:
        found.append(
            {
                "kind": "statement",
                "id": st.id,
                "title": st.speaker_names,
                "snippet": _snippet(st.text, needle),
            }
        )
    return found[: limit * 3]


def _text_hits(
    session: Session, model: Any, kind: str, needle: str, limit: int, title: Any, date: Any
) -> list[Any]:
    """Rows of ``model`` (documents or statements) whose title or text holds ``needle``: best
    first through the text index, or newest first by a substring scan where there is none."""
    ids = search_ids(session, kind, needle, limit)
    if ids is None:
        like = f"%{needle}%"
        return list(
            session.scalars(
                select(model)
                .where(or_(title.ilike(like), model.text.ilike(like)))
                .order_by(date.desc().nulls_last(), model.id)
                .limit(limit)
            )
        )
    by_id = {row.id: row for row in session.scalars(select(model).where(model.id.in_(ids)))}
    return [by_id[i] for i in ids if i in by_id]


def _snippet(text: str, needle: str, width: int = 80) -> str:
    at = text.lower().find(needle.lower())
    if at < 0:
        return text[: 2 * width]
    start = max(0, at - width)
    return ("…" if start else "") + text[start : at + len(needle) + width] + "…"


#: document columns an export cites (never the text, which may be long)
_CITED = (
    DocumentRow.id,
    DocumentRow.path,
    DocumentRow.url,
    DocumentRow.title,
    DocumentRow.published,
    DocumentRow.publisher,
    DocumentRow.original_source,
    DocumentRow.language,
    DocumentRow.ingested_at,
)


def _cited(row: Any) -> dict[str, Any]:
    return {**_document_summary(row), "language": row.language, "ingested_at": row.ingested_at}


def _evidence(row: Any) -> dict[str, Any]:
    return {"document_id": row.document_id, "start": row.start, "end": row.end, "text": row.text}


def iter_meetings(
    session: Session, page_size: int = 500, **filters: Any
) -> Iterator[dict[str, Any]]:
    """Meetings matching the filters of :func:`meetings`, in id order, read page by page (a
    corpus of any size streams in constant memory). Each has its ``source_documents`` (cited
    columns, oldest published first) and ``evidence`` spans besides the fields of :func:`meetings`.
    """
    conditions = meeting_conditions(session, **filters)
    for window in _id_windows(session, MeetingRow.id, page_size):
        # plain rows, not ORM objects: an export reads each row once
        rows = session.execute(
            select(*MeetingRow.__table__.columns)
            .where(MeetingRow.id.in_(window), *conditions)
            .order_by(MeetingRow.id)
        ).all()
        if not rows:
            continue
        ids = [row.id for row in rows]
        parties = _participants_of(session, ids)
        documents: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for source in session.execute(
            select(MeetingSourceRow.meeting_id, *_CITED)
            .join(DocumentRow, DocumentRow.id == MeetingSourceRow.document_id)
            .where(MeetingSourceRow.meeting_id.in_(ids))
            .order_by(DocumentRow.published.nulls_last(), DocumentRow.id)
        ):
            documents[source.meeting_id].append(_cited(source))
        evidence: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for span in session.execute(
            select(*EvidenceRow.__table__.columns)
            .where(EvidenceRow.meeting_id.in_(ids))
            .order_by(EvidenceRow.id)
        ):
            evidence[span.meeting_id].append(_evidence(span))
        for row in rows:
            record = _meeting_fields(row, parties[row.id])
            record["source_documents"] = documents[row.id]
            record["sources"] = len(documents[row.id])
            record["evidence"] = evidence[row.id]
            yield record


def iter_statements(
    session: Session, page_size: int = 500, **filters: Any
) -> Iterator[dict[str, Any]]:
    """Statements matching :func:`statement_conditions`, in id order, page by page; each with
    its ``source_document``, ``evidence`` and, when it was said at a meeting, that ``meeting``."""
    conditions = statement_conditions(session, **filters)
    for window in _id_windows(session, StatementRow.id, page_size):
        rows = session.execute(
            select(*StatementRow.__table__.columns)
            .where(StatementRow.id.in_(window), *conditions)
            .order_by(StatementRow.id)
        ).all()
        if not rows:
            continue
        ids = [row.id for row in rows]
        documents = {
            doc.id: _cited(doc)
            for doc in session.execute(
                select(*_CITED).where(DocumentRow.id.in_({row.document_id for row in rows}))
            )
        }
        meeting_ids = list({row.meeting_id for row in rows if row.meeting_id})
        parties = _participants_of(session, meeting_ids)
        meetings_of = {
            meeting.id: _meeting_fields(meeting, parties[meeting.id])
            for meeting in session.execute(
                select(*MeetingRow.__table__.columns).where(MeetingRow.id.in_(meeting_ids))
            )
        }
        evidence: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for span in session.execute(
            select(*EvidenceRow.__table__.columns)
            .where(EvidenceRow.statement_id.in_(ids))
            .order_by(EvidenceRow.id)
        ):
            evidence[span.statement_id].append(_evidence(span))
        for row in rows:
            yield {
                **_statement_dict(row, evidence[row.id]),
                "source_document": documents.get(row.document_id),
                "meeting": meetings_of.get(row.meeting_id or ""),
            }


def _id_windows(session: Session, id_column: Any, size: int) -> Iterator[list[str]]:
    """Consecutive windows of ``size`` primary keys, in order. Filters are applied within each
    window: paging a filtered query with ``id > last ... LIMIT`` lets SQLite pick a filter's index
    and sort every match again for each page, which is quadratic on a large corpus. The default
    of 500 keys stays under the 999 bound parameters of older SQLite builds."""
    last = ""
    while True:
        window = list(
            session.scalars(
                select(id_column).where(id_column > last).order_by(id_column).limit(size)
            )
        )
        if not window:
            return
        yield window
        last = window[-1]


def _participants_of(session: Session, meeting_ids: list[str]) -> dict[str, list[Any]]:
    parties: dict[str, list[Any]] = {i: [] for i in meeting_ids}
    for party in session.execute(
        select(*ParticipantRow.__table__.columns)
        .where(ParticipantRow.meeting_id.in_(meeting_ids))
        .order_by(ParticipantRow.id)
    ):
        parties[party.meeting_id].append(party)
    return parties


def _meeting_dict(row: MeetingRow, documents: list[str]) -> dict[str, Any]:
    return {
        **_meeting_fields(row, row.participants),
        "sources": len(row.sources),
        "documents": list(documents),
    }


def _meeting_fields(row: Any, participants: Iterable[Any]) -> dict[str, Any]:
    """The fields of a meeting (an ORM object or a plain row) and its ``participants``."""
    participants = list(participants)  # iterated twice
    return {
        "id": row.id,
        "status": row.status,
        "mode": row.mode,
        "date": row.date,
        "place": row.place,
        "country": row.country,
        "occasion": row.occasion,
        "scope": row.scope,
        "topics": row.topics,
        "cameo": row.cameo,
        "plover": row.plover,
        "participants": [
            {
                "name": p.name,
                "actor_id": p.actor_id,
                "country": p.country,
                "role": p.role,
                "side": p.side,
            }
            for p in participants
            if not p.accompanying
        ],
        "accompanying": [
            {"name": p.name, "country": p.country} for p in participants if p.accompanying
        ],
    }
