"""Facet counts of the meetings matching the filters of ``meetings``: how many of them per
country, actor, mode, occasion and year, each value with the filter that selects exactly those.

Every count is of distinct meetings under the same WHERE conditions as :func:`meetings`, so a
facet's number is the number of meetings its link lists (an occasion's, of the meetings its
words and summit series find, as the ``occasion`` filter reads them).

The search page's results (documents, meetings and statements) have the same facets, each value
with the same filter (:func:`search_facets`); there a value is counted by the conditions its
filter narrows the results with, so its number is again what its link lists.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sidelines.errors import SidelinesError
from sidelines.filters import MeetingFilter
from sidelines.store.filters import (
    actors_named,
    country_named,
    occasions_named,
    stored_occasions,
)
from sidelines.store.read.conditions import meeting_conditions
from sidelines.store.read.search import Matches
from sidelines.store.schema import (
    ActorRow,
    DocumentRow,
    MeetingRow,
    MeetingSourceRow,
    ParticipantRow,
    StatementRow,
    StatementSpeakerRow,
)

__all__ = ["FACETS", "meeting_facets", "search_facets"]

FACETS = ("country", "actor", "mode", "occasion", "year")
#: the filter fields each facet's values set
FACET_FIELDS = {
    "country": ("country",),
    "actor": ("actor",),
    "mode": ("mode",),
    "occasion": ("occasion",),
    "year": ("since", "until"),
}
#: results counted in one query at most (their ids are bound in it)
_BATCH = 500


def meeting_facets(session: Session, filters: MeetingFilter, limit: int = 10) -> dict[str, Any]:
    """``{facet: [{value, label, count, filter}]}`` for :data:`FACETS`, most meetings first,
    at most ``limit`` values each; ``filter`` is the query parameters that select the value's
    meetings (added to the current filters). Also ``total``: the meetings matching ``filters``."""
    conditions = meeting_conditions(session, filters)
    matching = select(MeetingRow.id).where(*conditions)
    meetings = func.count(func.distinct(MeetingRow.id)).label("n")
    principal = (
        select(MeetingRow.id)
        .join(ParticipantRow, ParticipantRow.meeting_id == MeetingRow.id)
        .where(ParticipantRow.accompanying.is_(False), MeetingRow.id.in_(matching))
    )
    out: dict[str, Any] = {}
    countries = session.execute(
        principal.with_only_columns(ParticipantRow.country, meetings)
        .where(ParticipantRow.country.is_not(None))
        .group_by(ParticipantRow.country)
        .order_by(meetings.desc(), ParticipantRow.country)
        .limit(limit)
    ).all()
    out["country"] = [
        {"value": c, "label": c, "count": int(n), "filter": {"country": c}} for c, n in countries
    ]
    actors = session.execute(
        principal.with_only_columns(ParticipantRow.actor_key, ActorRow.name, meetings)
        .join(ActorRow, ActorRow.id == ParticipantRow.actor_key)
        .group_by(ParticipantRow.actor_key, ActorRow.name)
        .order_by(meetings.desc(), ParticipantRow.actor_key)
        .limit(limit)
    ).all()
    out["actor"] = [
        {"value": key, "label": name, "count": int(n), "filter": {"actor": key}}
        for key, name, n in actors
    ]
    modes = session.execute(
        select(MeetingRow.mode, meetings)
        .where(*conditions, MeetingRow.mode.is_not(None))
        .group_by(MeetingRow.mode)
        .order_by(meetings.desc(), MeetingRow.mode)
        .limit(limit)
    ).all()
    out["mode"] = [
        {"value": v, "label": v, "count": int(n), "filter": {"mode": v}} for v, n in modes
    ]
    out["occasion"] = _occasions(session, filters, conditions, limit)
    year = func.substr(MeetingRow.date, 1, 4)
    years = session.execute(
        select(year, meetings)
        .where(*conditions, MeetingRow.date.is_not(None))
        .group_by(year)
        .order_by(year.desc())
        .limit(limit * 3)
    ).all()
    out["year"] = [
        {
            "value": y,
            "label": y,
            "count": int(n),
            "filter": _year(filters, y),
        }
        for y, n in years
    ]
    undated = session.scalar(
        select(func.count()).select_from(MeetingRow).where(*conditions, MeetingRow.date.is_(None))
    )
    out["undated"] = int(undated or 0)
    out["total"] = int(
        session.scalar(select(func.count()).select_from(MeetingRow).where(*conditions)) or 0
    )
    return out


def _year(filters: MeetingFilter, year: str) -> dict[str, str]:
    """The dates of ``year`` within the date range in force (a year's link keeps a narrower
    ``since`` or ``until``, so it lists the meetings its count counts)."""
    since, until = f"{year}-01-01", f"{year}-12-31"
    return {
        "since": max(since, filters.since) if filters.since else since,
        "until": min(until, filters.until) if filters.until else until,
    }


def _occasions(
    session: Session, filters: MeetingFilter, conditions: list[Any], limit: int
) -> list[dict[str, Any]]:
    """The occasions of the matching meetings, each counted as its link finds them: the
    ``occasion`` filter matches words and summit series, so "G20 summit" counts "G20 Bali
    Summit" too. The candidates are the busiest stored occasions; two that select the same
    occasions are one value."""
    busiest = (
        select(MeetingRow.occasion)
        .where(*conditions, MeetingRow.occasion.is_not(None))
        .group_by(MeetingRow.occasion)
        .order_by(func.count().desc(), MeetingRow.occasion)
        .limit(limit * 2)
    )
    candidates = [o for o in session.scalars(busiest) if o]
    if not candidates:
        return []
    # the link replaces the occasion in force: count under the other filters
    others = meeting_conditions(session, dataclasses.replace(filters, occasion=None))
    values: list[dict[str, Any]] = []
    for value, named in _distinct_occasions(session, candidates):
        count = session.scalar(
            select(func.count())
            .select_from(MeetingRow)
            .where(*others, MeetingRow.occasion.in_(sorted(named)))
        )
        values.append(
            {
                "value": value,
                "label": value,
                "count": int(count or 0),
                "filter": {"occasion": value},
            }
        )
    values.sort(key=lambda v: (-int(v["count"]), str(v["value"])))
    return values[:limit]


def _distinct_occasions(
    session: Session, candidates: list[str]
) -> list[tuple[str, frozenset[str]]]:
    """Each candidate occasion with the stored occasions its filter selects; of two that select
    the same, the first."""
    stored = stored_occasions(session)
    seen: set[frozenset[str]] = set()
    out = []
    for value in candidates:
        named = frozenset(occasions_named(session, value, stored))
        if named not in seen:
            seen.add(named)
            out.append((value, named))
    return out


@dataclass(frozen=True)
class _Fact:
    """What a filter reads of a meeting or a statement: its date (a statement's own, else its
    meeting's), mode and occasion (a statement's, its meeting's), and the countries and actors
    of its principals (a meeting's) or speakers (a statement's; the country filter matches
    their " | "-joined three-letter codes as text, which is matching one of them)."""

    date: str | None
    mode: str | None
    occasion: str | None
    countries: frozenset[str]
    actors: frozenset[str]

    def values(self, facet: str) -> frozenset[str]:
        if facet == "country":
            return self.countries
        if facet == "actor":
            return self.actors
        value = self.mode if facet == "mode" else self.occasion
        return frozenset({value} if value else ())


@dataclass
class _Results:
    """The facts of search results: the results' own, and those of the documents' meetings and
    statements, which a filter narrows documents by."""

    meetings: dict[str, _Fact] = field(default_factory=dict)
    statements: dict[str, _Fact] = field(default_factory=dict)
    published: dict[str, str | None] = field(default_factory=dict)
    reports: dict[str, list[str]] = field(default_factory=dict)
    holds: dict[str, list[str]] = field(default_factory=dict)

    def result(self, kind: str, key: str) -> tuple[str | None, list[_Fact]]:
        """A result's date and the facts a filter reads of it: a meeting or a statement
        itself; a document its publication and the meetings it reports and statements it
        holds (it is of a value when one of them is)."""
        if kind == "document":
            told = [self.meetings.get(m) for m in self.reports.get(key, [])]
            told += [self.statements.get(s) for s in self.holds.get(key, [])]
            return self.published.get(key), [f for f in told if f]
        fact = (self.meetings if kind == "meeting" else self.statements).get(key)
        return (fact.date, [fact]) if fact else (None, [])


#: a date range, (since, until)
_Range = tuple[str | None, str | None]


def search_facets(
    session: Session, found: Matches, filters: MeetingFilter, limit: int = 10
) -> dict[str, list[dict[str, Any]]]:
    """``{facet: [{value, label, count, filter}]}`` for :data:`FACETS` of search results
    (``found``, the matches of some words), most results first (years newest first, every
    one), at most ``limit`` values each, and always the value in force.

    A value's ``filter`` is the query parameters that select it, as :func:`meeting_facets` gives
    them; it replaces the facet's value in force. Its count is of the results that filter and
    the other facets' filters in ``filters`` select, read as
    :func:`~sidelines.store.read.search.result_conditions` reads them (a country by its code,
    an actor by every id it names, an occasion by the stored occasions it names, a document by
    its meetings and statements): the number of results its link lists. The results are at
    most a text index's ranked matches, so their facts are read once and counted here, not
    with a query a value.

    Raises:
        FilterError: ``[E031]`` for a country in force that names nothing.
    """
    facts = _read_facts(session, found)
    results = [facts.result(kind, key) for kind, keys in found.items() for key in keys]
    in_force = _in_force(session, filters)
    dates = (filters.since, filters.until) if filters.since or filters.until else None
    out: dict[str, list[dict[str, Any]]] = {}
    for facet in FACETS:
        others = {f: s for f, s in in_force.items() if f != facet}
        within = None if facet == "year" else dates
        # each result the other filters keep, with the values of this facet it may be of
        pool = [v for r in results if (v := _kept(r, facet, within, others)) is not None]
        if facet == "year":
            values = _years(filters, [day for day, _ in pool])
        else:
            values = _values(session, facet, getattr(filters, facet), [v for _, v in pool], limit)
        out[facet] = values
    return out


def _in_force(session: Session, filters: MeetingFilter) -> dict[str, frozenset[str]]:
    """The values a fact must have one of, of each facet but the year whose filter is in
    force."""
    chosen: dict[str, frozenset[str]] = {}
    for facet in ("country", "actor", "mode", "occasion"):
        value = getattr(filters, facet)
        if value:
            chosen[facet] = _selector(session, facet, value)
    return chosen


def _selector(session: Session, facet: str, value: str) -> frozenset[str]:
    """The values of a fact the filter ``{facet: value}`` accepts."""
    if facet == "country":
        return frozenset({country_named(session, value)})
    if facet == "actor":
        return frozenset(actors_named(session, value))
    if facet == "occasion":
        return frozenset(occasions_named(session, value))
    return frozenset({value})


def _dated(day: str | None, dates: _Range) -> bool:
    since, until = dates
    return day is not None and (not since or day >= since) and (not until or day <= until)


def _kept(
    result: tuple[str | None, list[_Fact]],
    facet: str,
    dates: _Range | None,
    others: dict[str, frozenset[str]],
) -> tuple[str | None, frozenset[str]] | None:
    """None when the date range ``dates`` or the filters ``others`` drop ``result``; else its
    date and the values of ``facet`` of the facts they keep (of a document, those its filter
    reads: one fact must hold every filter)."""
    day, told = result
    if dates is not None and not _dated(day, dates):
        return None
    if others:
        told = [fact for fact in told if all(fact.values(f) & s for f, s in others.items())]
        if not told:
            return None
    if facet == "year":
        return day, frozenset()
    return day, frozenset(v for fact in told for v in fact.values(facet))


def _years(filters: MeetingFilter, days: list[str | None]) -> list[dict[str, Any]]:
    """Each year of the results' dates (and the year in force), newest first, with how many
    results its date range holds."""
    years = {d[:4] for d in days if d}
    in_force = _year_in_force(filters)
    years |= {in_force} if in_force else set()
    values = []
    for year in sorted(years, reverse=True):
        since, until = f"{year}-01-01", f"{year}-12-31"
        count = sum(1 for d in days if _dated(d, (since, until)))
        if count or year == in_force:
            values.append(_value(year, year, {"since": since, "until": until}, count))
    return values


def _values(
    session: Session, facet: str, in_force: str | None, pool: list[frozenset[str]], limit: int
) -> list[dict[str, Any]]:
    """The values of ``facet`` of the most results (``pool``, each result's values) and the
    value in force, each with how many results its filter selects."""
    seen: Counter[str] = Counter(v for values in pool for v in values)
    candidates = [v for v, _ in seen.most_common(limit * 2)]
    if in_force and in_force not in candidates:
        candidates.append(in_force)
    if facet == "occasion":
        candidates = [o for o, _ in _distinct_occasions(session, candidates)]
    labels: dict[str, str] = {}
    if facet == "actor":
        named = select(ActorRow.id, ActorRow.name).where(ActorRow.id.in_(candidates))
        labels = {str(key): str(name) for key, name in session.execute(named)}
    values = []
    for value in candidates:
        try:
            selects = _selector(session, facet, value)
        except SidelinesError:  # a stored code no country filter knows
            continue
        count = sum(1 for values in pool if values & selects)
        if count or value == in_force:
            values.append(_value(value, labels.get(value, value), {facet: value}, count))
    values.sort(key=lambda v: (-int(v["count"]), str(v["label"]), str(v["value"])))
    return [v for n, v in enumerate(values) if n < limit or v["value"] == in_force]


def _value(value: str, label: str, selects: dict[str, str], count: int) -> dict[str, Any]:
    return {"value": value, "label": label, "count": count, "filter": selects}


def _year_in_force(filters: MeetingFilter) -> str | None:
    """The year whose value the date range in force is (None for any other range)."""
    since, until = filters.since or "", filters.until or ""
    year = since[:4]
    return year if since == f"{year}-01-01" and until == f"{year}-12-31" else None


def _read_facts(session: Session, found: Matches) -> _Results:
    """The facts of the results ``found``, of their documents' meetings and statements, and of
    the statements' meetings: a few queries for them all."""
    out = _Results()
    documents = found.get("document", [])
    for batch in _batches(documents):
        published = select(DocumentRow.id, DocumentRow.published).where(DocumentRow.id.in_(batch))
        out.published.update({str(d): p for d, p in session.execute(published)})
        reported = select(MeetingSourceRow.document_id, MeetingSourceRow.meeting_id).where(
            MeetingSourceRow.document_id.in_(batch)
        )
        for document, reports in session.execute(reported):
            out.reports.setdefault(document, []).append(reports)
    said: dict[str, tuple[str | None, str | None, str]] = {}
    for column, ids in (
        (StatementRow.id, found.get("statement", [])),
        (StatementRow.document_id, documents),
    ):
        for batch in _batches(ids):
            rows = select(
                StatementRow.id, StatementRow.date, StatementRow.meeting_id,
                StatementRow.speaker_countries,
            ).where(column.in_(batch))  # fmt: skip
            for statement, day, at_meeting, countries in session.execute(rows):
                said[statement] = (day, at_meeting, countries)
        if column is StatementRow.document_id:
            for batch in _batches(ids):
                held = select(StatementRow.document_id, StatementRow.id).where(column.in_(batch))
                for document, statement in session.execute(held):
                    out.holds.setdefault(document, []).append(statement)
    meetings = set(found.get("meeting", [])) | {m for ms in out.reports.values() for m in ms}
    meetings |= {meeting for _, meeting, _ in said.values() if meeting}
    out.meetings = _meeting_facts(session, sorted(meetings))
    speakers: dict[str, set[str]] = {}
    for batch in _batches(sorted(said)):
        spoke = select(StatementSpeakerRow.statement_id, StatementSpeakerRow.actor_key).where(
            StatementSpeakerRow.statement_id.in_(batch)
        )
        for statement, actor in session.execute(spoke):
            speakers.setdefault(statement, set()).add(actor)
    for statement, (day, meeting, countries) in said.items():
        at = out.meetings.get(meeting or "")
        out.statements[statement] = _Fact(
            day or (at.date if at else None),
            at.mode if at else None,
            at.occasion if at else None,
            # the country filter matches the speakers' " | "-joined codes as text
            frozenset(c for c in (countries or "").split(" | ") if c),
            frozenset(speakers.get(statement, set())),
        )
    return out


def _meeting_facts(session: Session, ids: list[str]) -> dict[str, _Fact]:
    """The facts of the meetings ``ids``."""
    out: dict[str, _Fact] = {}
    for batch in _batches(ids):
        parties: dict[str, list[tuple[str | None, str | None]]] = {}
        principals = select(
            ParticipantRow.meeting_id, ParticipantRow.country, ParticipantRow.actor_key
        ).where(ParticipantRow.meeting_id.in_(batch), ParticipantRow.accompanying.is_(False))
        for meeting, country, actor in session.execute(principals):
            parties.setdefault(meeting, []).append((country, actor))
        rows = select(MeetingRow.id, MeetingRow.date, MeetingRow.mode, MeetingRow.occasion)
        for meeting, day, mode, occasion in session.execute(rows.where(MeetingRow.id.in_(batch))):
            them = parties.get(meeting, [])
            out[meeting] = _Fact(
                day, mode, occasion,
                frozenset(c for c, _ in them if c), frozenset(a for _, a in them if a),
            )  # fmt: skip
    return out


def _batches(ids: list[str]) -> list[list[str]]:
    return [ids[start : start + _BATCH] for start in range(0, len(ids), _BATCH)]
