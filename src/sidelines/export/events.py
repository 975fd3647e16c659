"""Event data: PLOVER JSON lines, POLECAT TSV and GDELT 2.0 events TSV. Choices the standards
leave open, made once here:

- **Events.** Every held meeting is an event; so is every statement (``--what`` narrows to one
  kind). A meeting's date is the date the text gives it, else the earliest publication date of its
  sources; a statement's is its document's date, else its meeting's. Undated records are skipped.
- **Dyads.** Every format is dyadic: an event is one record per pair of opposite sides
  (:mod:`sidelines.pairing`), with ids ``<id>``, ``<id>:1``, ``<id>:2`` ... A visitor is the
  ``actor`` and the host the ``recipient`` when one side is at home (the meeting's country, or
  the host the coder recorded); otherwise the side the report names first is the ``actor``. A
  side of several people (a delegation) is a list; a side of several countries (the leaders
  a president met at a summit) is one dyad per country. A statement's actors are its speakers, its
  recipients each side of its meeting's counterparts from other countries; a joint statement of
  several countries pairs them. (PLOVER also allows every participant as ``actor`` with no
  recipient; event-data users count dyads, so sidelines writes them.)
- **Text and context.** ``event_text`` is the first evidence sentence of the body, not the
  headline that only names the meeting. ``context`` is a list of PLOVER contexts derived from the
  event's topics and words (:mod:`sidelines.code.contexts`, ``kb/data/plover_contexts.yaml``).
- **PLOVER/POLECAT** leave out statements without a PLOVER type (CAMEO 010 "make statement" has
  none). Several people of one side in one POLECAT cell are joined with ``;``; a country cell
  holds one country.
- **GDELT**: actor country codes are ISO 3166-1 alpha-3, which equal CAMEO's country codes for
  states; the geo country columns stay empty, since GDELT writes FIPS 10-4 there and sidelines
  stores ISO codes only. ``GLOBALEVENTID`` is a stable 60-bit number derived from the record id;
  ``Actor1Code`` is country + ``GOV`` for principals with an office; ``IsRootEvent`` is 1 for
  meetings and 0 for statements; the Goldstein value comes from ``kb/data/cameo.yaml`` (empty
  when unknown).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

import pycountry

from sidelines import __version__
from sidelines.code.contexts import plover_contexts
from sidelines.code.scales import (
    cameo_quad_class,
    cow_number,
    goldstein,
    plover_intensity,
    plover_quad,
)
from sidelines.export.report import ExportReport
from sidelines.export.tables import evidence_sentence
from sidelines.pairing import dyads, meeting_dyads, sides
from sidelines.store.keys import actor_key

__all__ = [
    "EVENT_WRITERS",
    "GDELT_COLUMNS",
    "PLOVER_FIELDS",
    "POLECAT_COLUMNS",
    "events",
    "write_gdelt_tsv",
    "write_plover_jsonl",
    "write_polecat_tsv",
]

Side = list[dict[str, Any]]

#: the PLOVER fields sidelines fills, in the manual's order (required ones first)
PLOVER_FIELDS = (
    "id", "date", "actor", "event", "recipient", "event_loc", "event_text", "quad_code",
    "event_scale", "mode", "context", "text_info", "cite_info", "coder",
)  # fmt: skip
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country",
    "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
    "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District", "Province",
    "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
    "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
    "Version",
)  # fmt: skip
_GDELT_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GDELT_GEO = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)  # fmt: skip
GDELT_COLUMNS = (
    *("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"),
    *(f"Actor1{name}" for name in _GDELT_ACTOR),
    *(f"Actor2{name}" for name in _GDELT_ACTOR),
    *("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"),
    *("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"),
    *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in _GDELT_GEO),
    *("DATEADDED", "SOURCEURL"),
)


@dataclass
class _Event:
    """A meeting or a statement as one event, before it is written in a format: one record per
    dyad (``(actor side, recipient side)``) in the dyadic formats."""

    id: str
    kind: str
    date: str
    cameo: str | None
    plover: dict[str, str]
    dyads: list[tuple[Side, Side]]
    place: str | None
    country: str | None
    documents: list[dict[str, Any]]
    evidence: dict[str, Any] | None
    people: list[str]
    contexts: list[str]


# --- records as events ---------------------------------------------------------------------------
def events(
    meetings: Iterable[dict[str, Any]],
    statements: Iterable[dict[str, Any]],
    report: ExportReport,
) -> Iterator[_Event]:
    """The dated meetings, then the dated statements, as events (their parties keyed, as
    :func:`sidelines.store.keys.with_actor_keys` keys them); the undated are counted skipped."""
    undated = 0
    for meeting in meetings:
        event = _meeting_event(meeting)
        if event is None:
            undated += 1
        else:
            yield event
    for statement in statements:
        event = _statement_event(statement)
        if event is None:
            undated += 1
        else:
            yield event
    report.skip(undated, "without a date")


def _meeting_event(meeting: dict[str, Any]) -> _Event | None:
    documents = meeting["source_documents"]
    date = _day(meeting["date"]) or min(
        (day for d in documents if (day := _day(d["published"]))), default=None
    )
    if not date:
        return None
    principals = meeting["participants"]
    evidence = evidence_sentence(meeting["evidence"], documents)
    return _Event(
        id=meeting["id"],
        kind="meeting",
        date=date,
        cameo=meeting["cameo"],
        plover=meeting["plover"] or {},
        dyads=_one_country_each(meeting_dyads(meeting)),
        place=meeting["place"],
        country=meeting["country"],
        documents=documents,
        evidence=evidence,
        people=[p["name"] for p in principals] + [p["name"] for p in meeting["accompanying"]],
        contexts=plover_contexts(
            meeting["topics"],
            evidence["text"] if evidence else None,
            [p["country"] for p in principals],
        ),
    )


def _statement_event(statement: dict[str, Any]) -> _Event | None:
    meeting = statement["meeting"] or {}
    date = _day(statement["date"]) or _day(meeting.get("date"))
    if not date:
        return None
    principals = meeting.get("participants", [])
    roles = {p["actor_id"]: p["role"] for p in principals if p["actor_id"]}
    speakers = [{**s, "role": roles.get(s.get("actor_id") or "")} for s in statement["speakers"]]
    said_by = {s.get("actor_id") or s["name"] for s in speakers}
    countries = {s.get("country") for s in speakers if s.get("country")}
    recipients = [
        p
        for p in principals
        if (p["actor_id"] or p["name"]) not in said_by and p["country"] not in countries
    ]
    # a joint statement of several countries pairs them; else the speakers face each side
    # of their counterparts at the meeting
    by_country = sides([{**s, "side": s.get("country")} for s in speakers])
    if len(by_country) > 1:
        pairs = dyads(by_country)
    else:
        pairs = _one_country_each([(speakers, side) for side in sides(recipients)])
        pairs = pairs or [(speakers, [])]
    document = statement["source_document"]
    documents = [document] if document else []
    evidence = evidence_sentence(statement["evidence"], documents)
    return _Event(
        id=statement["id"],
        kind="statement",
        date=date,
        cameo=statement["cameo"],
        plover=statement["plover"] or {},
        dyads=pairs,
        place=meeting.get("place"),
        country=meeting.get("country"),
        documents=documents,
        evidence=evidence,
        people=list(dict.fromkeys([s["name"] for s in speakers] + [p["name"] for p in principals])),
        contexts=plover_contexts(
            statement["topics"],
            statement["text"],
            [p.get("country") for p in speakers + recipients],
        ),
    )


def _one_country_each(pairs: list[tuple[Side, Side]]) -> list[tuple[Side, Side]]:
    """Each dyad whose side holds parties of several countries (the extractor's side "the
    leaders" of a summit: ``b`` = Argentina, Australia, ...) as one dyad per country of it, so
    an actor or a recipient is one country (a delegation, several people of it, stays one)."""
    out = []
    for first, second in pairs:
        for one in _by_country(first) or [[]]:
            for other in _by_country(second) or [[]]:
                out.append((one, other))
    return out


def _by_country(side: Side) -> list[Side]:
    """A side's parties grouped by country, in order; one with no country is a group alone."""
    groups: dict[str, Side] = {}
    for number, party in enumerate(side):
        groups.setdefault(party.get("country") or f"\x00{number}", []).append(party)
    return list(groups.values())


def _dyad_id(event_id: str, number: int) -> str:
    """The id of an event's ``number``-th dyad: the event's own id for the first."""
    return event_id if number == 0 else f"{event_id}:{number}"


def _day(value: str | None) -> str | None:
    """An ISO date as it is, anything else (a bare year, a typo) as no date."""
    try:
        return dt.date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


def _cited_document(event: _Event) -> dict[str, Any] | None:
    """The document whose sentence is the event's evidence, else its first source."""
    if event.evidence:
        for document in event.documents:
            if document["id"] == event.evidence["document_id"]:
                return document
    return event.documents[0] if event.documents else None


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None

    country = pycountry.countries.get(alpha_3=iso3)
    return str(country.name) if country else None


def _coder() -> str:
    return f"sidelines {__version__}"


# --- PLOVER JSON lines ---------------------------------------------------------------------------
def _entity(party: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": party.get("country"),
        "sector": "GOV" if party.get("role") else "UNK",
        "entity_text": party["name"],
        "identifier_id": None,  # PLOVER wants a Wikidata id; the knowledge base has none yet
        "office": party.get("role"),
        "actor_id": actor_key(party),  # the corpus actor: `sidelines actor ID` shows it
    }


def _plover_record(event: _Event, number: int) -> dict[str, Any]:
    """The ``number``-th dyad of an event as a PLOVER JSON record, its fields in the order of
    :data:`PLOVER_FIELDS`."""
    actor, recipient = event.dyads[number]
    document = _cited_document(event)
    location = None
    if event.place or event.country:
        location = {
            "extracted_place": event.place,
            "resolved_place": event.place,
            "country": _country_name(event.country),
            "country_code": event.country,
        }
    cite = None
    if document:
        publication = document["publisher"] or document["original_source"]
        cite = {
            "corpus": "sidelines",
            "citation": ", ".join(
                str(x) for x in (publication, document["title"], document["published"]) if x
            ),
            "url": document["url"],
            "title": document["title"],
            "language": document["language"],
            "publication": publication,
            "document_id": document["id"],
        }
    ev = event.evidence
    record = {
        "id": _dyad_id(event.id, number),
        "date": event.date,
        "actor": [_entity(p) for p in actor],
        "recipient": [_entity(p) for p in recipient],
        "event": event.plover.get("event"),
        "mode": event.plover.get("mode") or None,
        "context": event.contexts,
        "event_loc": location,
        "event_text": ev["text"] if ev else None,
        "text_info": {"start": ev["start"], "end": ev["end"]} if ev else None,
        "cite_info": cite,
        "quad_code": plover_quad(event.plover.get("event")),
        "event_scale": plover_intensity(event.plover.get("event"), event.plover.get("mode")),
        "coder": _coder(),
    }
    return {name: record[name] for name in PLOVER_FIELDS}


def write_plover_jsonl(
    events: Iterable[_Event], stream: IO[str], report: ExportReport, header: bool = False
) -> None:
    """PLOVER JSON records, one per line and dyad; events without a PLOVER type are skipped."""
    del header  # JSON lines have none
    uncoded = 0
    for event in events:
        if not event.plover.get("event"):
            uncoded += 1
            continue
        for number in range(len(event.dyads)):
            stream.write(json.dumps(_plover_record(event, number), ensure_ascii=False) + "\n")
            report.written += 1
    report.skip(uncoded, "without a PLOVER type")


# --- POLECAT TSV ---------------------------------------------------------------------------------
def _joined(values: Iterable[Any]) -> str:
    return ";".join(str(v) for v in dict.fromkeys(v for v in values if v not in (None, "")))


def _polecat_party(parties: list[dict[str, Any]]) -> list[str]:
    countries = [p.get("country") for p in parties]
    sectors = ["GOV" if p.get("role") else "" for p in parties]
    return [
        _joined(p["name"] for p in parties),
        _joined(countries),
        _joined(cow_number(c) for c in countries),
        sectors[0] if sectors else "",
        _joined(sectors),
        _joined(p.get("role") for p in parties),
        _joined(p["name"] for p in parties),
        "",  # Wikipedia id: not in the knowledge base
    ]


def _polecat_row(event: _Event, number: int) -> list[str]:
    """The ``number``-th dyad of an event as the 40 POLECAT columns (:data:`POLECAT_COLUMNS`)."""
    actor, recipient = event.dyads[number]
    mode = event.plover.get("mode") or ""
    documents = event.documents
    # Placename City District Province Country Latitude Longitude GeoNamesID RawPlacename Feature
    location = [event.place, None, None, None, event.country, None, None, None, event.place, None]
    row = [
        _dyad_id(event.id, number),
        event.date,
        event.plover.get("event", ""),
        mode,
        _number(plover_intensity(event.plover.get("event"), mode)),
        plover_quad(event.plover.get("event")) or "",
        _joined(event.contexts),
        *_polecat_party(actor),
        *_polecat_party(recipient),
        *(value or "" for value in location),
        _joined(d["publisher"] or d["original_source"] for d in documents),
        min((d["published"] for d in documents if d["published"]), default=""),
        _joined(event.people),
        "",
        _joined([event.place, _country_name(event.country)]),
        _joined(d["language"] for d in documents[:1]),
        _coder(),
    ]
    return row


def write_polecat_tsv(
    events: Iterable[_Event], stream: IO[str], report: ExportReport, header: bool = True
) -> None:
    """POLECAT rows under their header; events without a PLOVER type are skipped."""
    del header  # POLECAT files always have their header row
    stream.write("\t".join(POLECAT_COLUMNS) + "\n")
    uncoded = 0
    for event in events:
        if not event.plover.get("event"):
            uncoded += 1
            continue
        for number in range(len(event.dyads)):
            stream.write(_tsv_line(_polecat_row(event, number)))
            report.written += 1
    report.skip(uncoded, "without a PLOVER type")


# --- GDELT 2.0 events TSV ------------------------------------------------------------------------
def _event_number(key: str) -> int:
    """A stable 60-bit GLOBALEVENTID (fits a signed 64-bit integer column)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:15], 16)


def _gdelt_actor(parties: list[dict[str, Any]]) -> list[str]:
    if not parties:
        return [""] * len(_GDELT_ACTOR)
    countries = {p.get("country") or "" for p in parties}
    country = countries.pop() if len(countries) == 1 else ""
    kind = "GOV" if all(p.get("role") for p in parties) else ""
    names = "; ".join(p["name"] for p in parties)
    # Code Name CountryCode KnownGroup Ethnic Religion1 Religion2 Type1 Type2 Type3
    return [country + kind if country else "", names, country, "", "", "", "", kind, "", ""]


def _gdelt_rows(event: _Event) -> Iterator[list[str]]:
    """The event as GDELT 2.0 rows of 61 columns (:data:`GDELT_COLUMNS`), one per dyad."""
    day = dt.date.fromisoformat(event.date)
    cameo = event.cameo or ""
    documents = event.documents
    added = min((d["ingested_at"] for d in documents if d["ingested_at"]), default=None)
    source = next((d["url"] or d["path"] for d in documents if d["url"] or d["path"]), "")
    place = ", ".join(x for x in (event.place, _country_name(event.country)) if x)
    action_geo = [("4" if event.place else "1") if place else "", place] + [""] * 6
    for number, (first, second) in enumerate(event.dyads):
        key = _dyad_id(event.id, number)
        yield [
            str(_event_number(key)),
            day.strftime("%Y%m%d"),
            day.strftime("%Y%m"),
            str(day.year),
            f"{day.year + (day.month * 30 + day.day) / 365:.4f}",  # GDELT's own formula
            *_gdelt_actor(first),
            *_gdelt_actor(second),
            "1" if event.kind == "meeting" else "0",
            cameo,
            cameo[:3],
            cameo[:2],
            _number(cameo_quad_class(cameo)),
            _number(goldstein(cameo)),
            *[str(len(documents))] * 3,
            "",
            *[""] * (2 * len(_GDELT_GEO)),
            *action_geo,
            added.strftime("%Y%m%d%H%M%S") if added else "",
            source,
        ]


def write_gdelt_tsv(
    events: Iterable[_Event], stream: IO[str], report: ExportReport, header: bool = False
) -> None:
    """GDELT 2.0 event rows, tab-separated, without a header (as GDELT) unless ``header``."""
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    for event in events:
        for row in _gdelt_rows(event):
            stream.write(_tsv_line(row))
            report.written += 1


EVENT_WRITERS: dict[str, Callable[[Iterable[_Event], IO[str], ExportReport, bool], None]] = {
    "plover-jsonl": write_plover_jsonl,
    "polecat-tsv": write_polecat_tsv,
    "gdelt-tsv": write_gdelt_tsv,
}


def _number(value: float | int | None) -> str:
    return "" if value is None else str(value)


def _tsv_line(cells: list[str]) -> str:
    # a tab or a line break inside a value would shift every column after it
    line = "\t".join(cells)
    if line.count("\t") != len(cells) - 1 or "\n" in line or "\r" in line:
        line = "\t".join(" ".join(c.split()) for c in cells)
    return line + "\n"
