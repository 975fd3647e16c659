"""The dashboard's HTML pages: each route reads the store and renders one template.

Filters are GET parameters of plain forms, so every page works without JavaScript; ``app.js``
adds the charts when plotly.js is installed. Pages get the store from ``request.app.state.store``.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from sidelines.errors import SidelinesError
from sidelines.filters import STATUSES, MeetingFilter
from sidelines.pairing import side_key
from sidelines.store import Store
from sidelines.store.read import facets as facet_counts
from sidelines.store.read import network as network_query
from sidelines.store.read.network import Level
from sidelines.store.read.places import meeting_places
from sidelines.store.reviews import reviews
from sidelines.web import charts, worldmap
from sidelines.web.highlight import FACT_COLOURS, FactLabel, highlight, span_anchor

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "plotly_js", "router"]

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"
PAGE_SIZE = 50
#: rows of the network page's tables of pairs and of actors, per page
TABLE_PAGE = 25
#: the timeline plots at most this many meetings (the newest matching); the page says so
TIMELINE_CAP = 3000
LEVELS = ("person", "country")
CSV_PAGE = 500
#: characters of CSV sent at a time
CSV_CHUNK = 64 * 1024
OCCASION_CHOICES = 300
MODES = ("in_person", "phone", "video")
SCOPES = ("international", "domestic")
#: what the review page shows of a fact, and the fields the review API lets an analyst correct
MEETING_FIELDS: tuple[str, ...] = (
    "participants",
    "date",
    "place",
    "country",
    "occasion",
    "mode",
    "status",
    "topics",
)
MEETING_CORRECTABLE: tuple[str, ...] = MEETING_FIELDS
STATEMENT_FIELDS: tuple[str, ...] = ("speakers", "date", "cue", "text", "topics")
STATEMENT_CORRECTABLE: tuple[str, ...] = ("text", "cue", "topics")

#: only our own files: no inline script, no request to another host (plotly.js needs inline styles)
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

_env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True)
_env.filters["anchor"] = lambda ev: span_anchor(int(ev["start"]), int(ev["end"]))
_env.filters["country_name"] = charts.country_name
_env.globals["FACT_COLOURS"] = FACT_COLOURS
templates = Jinja2Templates(env=_env)
router = APIRouter(include_in_schema=False)


def plotly_js() -> Path | None:
    """The plotly.min.js bundled with the installed plotly package, or None."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "package_data" / "plotly.min.js"
        if path.is_file():
            return path
    return None


def _store(request: Request) -> Any:
    return request.app.state.store


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    context.setdefault("charts_available", plotly_js() is not None)
    context.setdefault("q", "")
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _bad_filter(request: Request, error: SidelinesError) -> HTMLResponse:
    """A filter value that names nothing (an unknown country): say so and what is valid."""
    return _render(request, "bad_filter.html", {"message": error.message}, status_code=422)


def _not_found(request: Request, what: str, key: str) -> HTMLResponse:
    return _render(request, "404.html", {"what": what, "key": key}, status_code=404)


def _page_links(
    request: Request, offset: int, shown: int, total: int | None
) -> dict[str, str | None]:
    params = {k: v for k, v in request.query_params.items() if v and k != "offset"}

    def link(to: int) -> str:
        return "?" + urlencode({**params, "offset": to}) if to else "?" + urlencode(params)

    more = offset + shown < total if total is not None else shown >= PAGE_SIZE
    return {
        "previous": link(max(0, offset - PAGE_SIZE)) if offset > 0 else None,
        "next": link(offset + PAGE_SIZE) if more else None,
    }


@router.get("/vendor/plotly.min.js", response_model=None)
def plotly_script() -> Response:
    """plotly.js as installed with the plotly package (never a copy in this repository)."""
    path = plotly_js()
    if path is None:
        return Response("plotly is not installed", status_code=404, media_type="text/plain")
    return FileResponse(
        path, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"}
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """Counts, the latest meetings, the busiest actors and occasions."""
    store = _store(request)
    return _render(
        request,
        "home.html",
        {
            "counts": store.counts(),
            # the numbers the meetings page shows for the same links
            "by_status": {s: store.count_meetings(status=s) for s in STATUSES},
            "latest": store.meetings(limit=10),
            "actors": store.actors(limit=10),
            "occasions": store.occasions()[:10],
        },
    )


def _meeting_filters(request: Request) -> MeetingFilter:
    """The filter boxes' values (an unknown mode, status or scope is no filter)."""
    get = request.query_params.get
    status = get("status", "held")
    return MeetingFilter(
        actor=_clean(get("actor")),
        country=_clean(get("country")),
        with_=_clean(get("with")),
        topic=_clean(get("topic")),
        occasion=_clean(get("occasion")),
        mode=_clean(get("mode")) if get("mode") in MODES else None,
        since=_clean(get("since")),
        until=_clean(get("until")),
        status=status if status in STATUSES else None,
        scope=get("scope") if get("scope") in SCOPES else None,
        held_in=_clean(get("held_in")),
        place=_clean(get("place")),
    )


def _offset(request: Request, name: str = "offset") -> int:
    raw = request.query_params.get(name, "0")
    return max(0, int(raw)) if raw.isdigit() else 0


def _window(
    request: Request, items: list[Any], name: str, size: int | None = None
) -> dict[str, Any]:
    """One page of ``items`` and the links to the pages before and after it (``name`` is the
    query parameter of its offset, so two tables on one page page on their own)."""
    size = size or TABLE_PAGE
    offset = min(_offset(request, name), max(0, len(items) - 1))
    params = {k: v for k, v in request.query_params.items() if v and k != name}

    def link(to: int) -> str:
        return "?" + urlencode({**params, name: to} if to else params)

    return {
        "rows": items[offset : offset + size],
        "offset": offset,
        "total": len(items),
        "previous": link(max(0, offset - size)) if offset > 0 else None,
        "next": link(offset + size) if offset + size < len(items) else None,
    }


def _facet_links(
    request: Request, found: dict[str, Any], counterparts: bool = True
) -> dict[str, Any]:
    """Each facet value with the link that adds its filter to the current ones (and drops the
    page offset), whether it is the filter in force, and if so the link that removes it. With
    ``counterparts``, a second country or actor is a counterpart of the one in force (the
    meetings page); without, a value replaces the one in force (the search page)."""
    params = {k: v for k, v in request.query_params.items() if v and k != "offset"}
    out: dict[str, Any] = {}
    for facet in facet_counts.FACETS:
        values = []
        for item in found.get(facet, []):
            chosen = all(params.get(k) == v for k, v in item["filter"].items())
            linked = True
            if counterparts and facet in ("country", "actor") and params.get(facet) and not chosen:
                # a second country or actor is a counterpart of the first, not instead of it
                item = {**item, "filter": {"with": item["value"]}}
                chosen = params.get("with") == item["value"]
                # a third party: no filter lists only the meetings of all three, so no link
                # (it would drop the counterpart in force and list more than the count)
                linked = chosen or not params.get("with")
            href = "?" + urlencode({**params, **item["filter"]}) if linked else None
            kept = {k: v for k, v in params.items() if k not in item["filter"]}
            remove = "?" + urlencode(kept) if chosen else None
            values.append({**item, "href": href, "chosen": chosen, "remove": remove})
        out[facet] = values
    return out


def _filter_choices(store: Any) -> dict[str, Any]:
    return {
        "topics": [t["topic"] for t in store.topics()],
        # suggestions for the occasion box, busiest first; any text is a valid filter
        "occasions": [o["occasion"] for o in store.occasions() if o["occasion"]][:OCCASION_CHOICES],
        "modes": MODES,
        "statuses": STATUSES,
    }


@router.get("/meetings", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    """The meetings matching the filters, newest first: facets with counts, a chart of every
    match (up to :data:`TIMELINE_CAP`) and a table paged by :data:`PAGE_SIZE`."""
    store = _store(request)
    filters = _meeting_filters(request)
    offset = _offset(request)
    try:
        meetings = store.meetings(filters, limit=PAGE_SIZE, offset=offset)
        with store.sessions() as session:
            found = facet_counts.meeting_facets(session, filters)
        total = found["total"]
        left_out = _undated_left_out(store, filters)
        plotted = meetings if total <= len(meetings) and not offset else None
        if plotted is None:
            plotted = store.meetings(filters, limit=TIMELINE_CAP)
    except SidelinesError as error:
        return _bad_filter(request, error)
    return _render(
        request,
        "timeline.html",
        {
            "meetings": meetings,
            "total": total,
            "offset": offset,
            "filters": dataclasses.asdict(filters),
            "pages": _page_links(request, offset, len(meetings), total),
            "chart": charts.meeting_timeline(plotted),
            "plotted": len(plotted),
            "undated": found["undated"],
            "undated_left_out": left_out,
            "facets": _facet_links(request, found),
            "csv_link": "/meetings.csv?" + _query(request),
            **_filter_choices(store),
        },
    )


def _query(request: Request, drop: tuple[str, ...] = ("offset",)) -> str:
    return urlencode({k: v for k, v in request.query_params.items() if v and k not in drop})


def _csv(rows: Iterator[list[Any]], name: str) -> StreamingResponse:
    """Rows streamed as a CSV download (the first row is the header)."""

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            # sent in pieces of some rows: each piece is a hop to the server's thread pool
            if buffer.tell() >= CSV_CHUNK:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(
        lines(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


MEETING_CSV_COLUMNS = (
    "id", "date", "status", "mode", "place", "country", "occasion", "participants",
    "participant_ids", "participant_countries", "topics", "sources", "url",
)  # fmt: skip


@router.get("/meetings.csv", response_model=None)
def meetings_csv(request: Request) -> StreamingResponse:
    """Every meeting of the timeline's filters (not only one page), newest first, as CSV."""
    store = _store(request)
    filters = _meeting_filters(request)

    def rows() -> Iterator[list[Any]]:
        yield list(MEETING_CSV_COLUMNS)
        offset = 0
        while True:
            batch = store.meetings(filters, limit=CSV_PAGE, offset=offset)
            for m in batch:
                parties = m["participants"]
                yield [
                    m["id"], m["date"], m["status"], m["mode"], m["place"], m["country"],
                    m["occasion"], "; ".join(p["name"] for p in parties),
                    "; ".join(charts.actor_key(p) for p in parties),
                    "; ".join(p["country"] or "" for p in parties), "; ".join(m["topics"]),
                    m["sources"], f"{request.base_url}meetings/{m['id']}",
                ]  # fmt: skip
            if len(batch) < CSV_PAGE:
                return
            offset += CSV_PAGE

    return _csv(rows(), "meetings.csv")


def _network(request: Request) -> tuple[Level, MeetingFilter, dict[str, Any]]:
    asked = request.query_params.get("level", "person")
    level: Level = "country" if asked == "country" else "person"
    filters = _meeting_filters(request)
    with _store(request).sessions() as session:
        graph = network_query.meeting_network(session, filters, level=level)
    return level, filters, graph


def _undated_left_out(store: Store, filters: MeetingFilter) -> int:
    """How many meetings a date range leaves out for having no date (0 without a range)."""
    if not (filters.since or filters.until):
        return 0
    every, dated = filters.dateless()
    return store.count_meetings(every) - store.count_meetings(dated)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    """Who met whom among the meetings of the filters: persons or countries, coloured by
    country, edges weighted by meetings; tables of pairs and of nodes, paged."""
    try:
        level, filters, graph = _network(request)
        left_out = _undated_left_out(_store(request), filters)
    except SidelinesError as error:
        return _bad_filter(request, error)
    names = {n["id"]: n for n in graph["nodes"]}
    # a pair's count links to its meetings under the same filters
    keep = {
        k: v
        for k, v in request.query_params.items()
        if v and k not in ("level", "pairs", "nodes", "actor", "country", "with", "offset")
    }
    keep.setdefault("status", filters.status or "any")
    party = "country" if level == "country" else "actor"
    pairs = [
        {
            **e,
            "a": names[e["source"]],
            "b": names[e["target"]],
            # the unknown country is no filter: its pairs have no link
            "href": None
            if network_query.NO_COUNTRY in (e["source"], e["target"])
            else "/meetings?" + urlencode({**keep, party: e["source"], "with": e["target"]}),
        }
        for e in graph["edges"]
    ]
    return _render(
        request,
        "network.html",
        {
            "level": level,
            "levels": LEVELS,
            "graph": charts.network_chart(graph, level),
            "meetings": graph["meetings"],
            "undated_left_out": left_out,
            "pairs": _window(request, pairs, "pairs"),
            "nodes": _window(request, graph["nodes"], "nodes"),
            "filters": dataclasses.asdict(filters),
            "country_name": charts.country_name,
            "csv_link": "/network.csv?" + _query(request, ("pairs", "nodes")),
            "timeline_link": "/meetings?" + _query(request, ("pairs", "nodes", "level")),
            **_filter_choices(_store(request)),
        },
    )


@router.get("/network.csv", response_model=None)
def network_csv(request: Request) -> StreamingResponse:
    """The network's edges (every pair, not only those drawn) as CSV."""
    level, _filters, graph = _network(request)
    names = {n["id"]: n for n in graph["nodes"]}

    def rows() -> Iterator[list[Any]]:
        yield ["source", "source_name", "source_country", "target", "target_name",
               "target_country", "meetings", "first_date", "last_date"]  # fmt: skip
        for e in graph["edges"]:
            a, b = names[e["source"]], names[e["target"]]
            yield [e["source"], a["name"], a["country"], e["target"], b["name"], b["country"],
                   e["weight"], e["first_date"], e["last_date"]]  # fmt: skip

    return _csv(rows(), f"network-{level}.csv")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    """Where the meetings of the filters took place: a world map shaded by meetings per host
    country (each country links to its meetings) and tables of the countries and places."""
    filters = _meeting_filters(request)
    try:
        with _store(request).sessions() as session:
            places = meeting_places(session, filters)
        left_out = _undated_left_out(_store(request), filters)
    except SidelinesError as error:
        return _bad_filter(request, error)
    # a country's or a place's count links to exactly the meetings it counts
    keep = {
        k: v
        for k, v in request.query_params.items()
        if v and k not in ("held_in", "place", "offset", "places")
    }
    keep.setdefault("status", filters.status or "any")

    def meetings_in(country: str | None, place: str | None = None) -> str:
        where = {k: v for k, v in (("held_in", country), ("place", place)) if v}
        return "/meetings?" + urlencode({**keep, **where})

    drawn = worldmap.world_map(places["countries"], meetings_in) if places["countries"] else None
    countries = [{**c, "href": meetings_in(c["country"])} for c in places["countries"]]
    rows = [{**p, "href": meetings_in(p["country"], p["place"])} for p in places["places"]]
    return _render(
        request,
        "map.html",
        {
            "filters": dataclasses.asdict(filters),
            "world_map": drawn,
            "countries": countries,
            "places": _window(request, rows, "places"),
            "total": places["total"],
            "unplaced": places["unplaced"],
            "undated_left_out": left_out,
            "timeline_link": "/meetings?" + _query(request, ("places",)),
            "csv_link": "/map.csv?" + _query(request, ("places",)),
            **_filter_choices(_store(request)),
        },
    )


@router.get("/map.csv", response_model=None)
def map_csv(request: Request) -> Response:
    """The map's table of host countries (``?table=places``: of named places) as CSV, for the
    meetings of the filters."""
    table = request.query_params.get("table", "countries")
    try:
        with _store(request).sessions() as session:
            places = meeting_places(session, _meeting_filters(request))
    except SidelinesError as error:
        return _bad_filter(request, error)

    def rows() -> Iterator[list[Any]]:
        if table == "places":
            yield ["place", "country", "country_name", "meetings"]
            for p in places["places"]:
                yield [p["place"], p["country"], charts.country_name(p["country"]), p["meetings"]]
            return
        yield ["country", "country_name", "meetings"]
        for c in places["countries"]:
            yield [c["country"], charts.country_name(c["country"]), c["meetings"]]

    return _csv(rows(), "places.csv" if table == "places" else "host-countries.csv")


def _sides(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """Participants and statements grouped by side (delegation, as :mod:`sidelines.pairing`
    groups them), in the order sides appear."""
    sides: dict[str, dict[str, Any]] = {}
    side_of: dict[str, str] = {}
    for party in meeting.get("participants", []):
        key = side_key(party)
        label = party.get("side") or party.get("country") or "side unknown"
        group = sides.setdefault(key, {"side": label, "participants": [], "statements": []})
        group["participants"].append(party)
        side_of[charts.actor_key(party)] = key
        if party.get("name"):
            side_of[party["name"]] = key
    other: list[dict[str, Any]] = []
    for statement in meeting.get("statements", []):
        speakers = statement.get("speakers") or []
        side = next(
            (
                side_of.get(charts.actor_key(s)) or side_of.get(s.get("name", ""))
                for s in speakers
                if side_of.get(charts.actor_key(s)) or side_of.get(s.get("name", ""))
            ),
            None,
        )
        if side is None:
            other.append(statement)
        else:
            sides[side]["statements"].append(statement)
    groups = list(sides.values())
    if other:
        groups.append(
            {"side": "speaker not a participant", "participants": [], "statements": other}
        )
    return groups


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting_page(request: Request, meeting_id: str) -> HTMLResponse:
    """One meeting: participants by side, when, where, topics, statements and every source."""
    meeting = _store(request).meeting(meeting_id)
    if meeting is None:
        return _not_found(request, "meeting", meeting_id)
    evidence_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in meeting.get("evidence", []):
        evidence_by_doc[ev["document_id"]].append(ev)

    return _render(
        request,
        "meeting.html",
        {
            "meeting": meeting,
            "sides": _sides(meeting),
            "evidence_by_doc": evidence_by_doc,
            # an analyst's confirmations and corrections show where the fact is read
            "reviews": reviews(_store(request), fact_id=meeting_id),
        },
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    """Every actor, with how many meetings (of a scope, when one is chosen) and statements the
    corpus has of each."""
    get = request.query_params.get
    offset = _offset(request)
    scope = get("scope") if get("scope") in SCOPES else None
    try:
        actors = _store(request).actors(
            country=_clean(get("country")),
            name=_clean(get("name")),
            scope=scope,
            limit=PAGE_SIZE,
            offset=offset,
        )
    except SidelinesError as error:
        return _bad_filter(request, error)
    return _render(
        request,
        "actors.html",
        {
            "actors": actors,
            "offset": offset,
            "name": get("name", ""),
            "country": get("country", ""),
            "scope": scope,
            "scopes": SCOPES,
            "pages": _page_links(request, offset, len(actors), None),
            "csv_link": "/actors.csv?" + _query(request),
        },
    )


@router.get("/actors.csv", response_model=None)
def actors_csv(request: Request) -> Response:
    """Every actor of the actors page's filters (not only one page), busiest first, as CSV."""
    get = request.query_params.get
    store = _store(request)
    filters = {
        "country": _clean(get("country")),
        "name": _clean(get("name")),
        "scope": get("scope") if get("scope") in SCOPES else None,
    }
    try:
        store.actors(**filters, limit=1)  # a bad filter is a page that says so, not a broken file
    except SidelinesError as error:
        return _bad_filter(request, error)

    def rows() -> Iterator[list[Any]]:
        yield ["id", "name", "country", "meetings", "statements", "aliases"]
        offset = 0
        while True:
            batch = store.actors(**filters, limit=CSV_PAGE, offset=offset)
            for a in batch:
                yield [a["id"], a["name"], a["country"], a["meetings"], a["statements"],
                       "; ".join(a["aliases"] or [])]  # fmt: skip
            if len(batch) < CSV_PAGE:
                return
            offset += CSV_PAGE

    return _csv(rows(), "actors.csv")


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: str) -> HTMLResponse:
    """An actor: roles over time, counterparts, statements by topic, a stance timeline."""
    store = _store(request)
    actor = store.actor(key)
    if actor is None:
        return _not_found(request, "actor", key)
    # the profile lists the counterparts met most; ?offset= pages through the rest
    offset = _offset(request)
    met = actor["counterparts"][:PAGE_SIZE]
    if offset:
        met = list(store.counterparts(actor["id"], limit=PAGE_SIZE, offset=offset)[0])
    total = actor["counterparts_total"]
    # a statement whose document gives no date happened at its meeting, when that is dated
    meeting_dates = {m["id"]: m.get("date") for m in actor.get("meetings", [])}
    statements = [
        {**s, "date": s.get("date") or meeting_dates.get(s.get("meeting_id") or "")}
        for s in actor.get("statements", [])
    ]
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for statement in statements:
        for topic in statement.get("topics") or ["(no topic)"]:
            by_topic[topic].append(statement)
    roles = sorted(actor.get("roles", []), key=lambda r: (r.get("start") or "", r.get("end") or ""))
    return _render(
        request,
        "actor.html",
        {
            "actor": actor,
            "counterparts": met,
            "counterparts_from": offset + 1 if met else 0,
            "counterparts_total": total,
            "pages": _page_links(request, offset, len(met), total),
            "roles": roles,
            "by_topic": sorted(by_topic.items(), key=lambda kv: (-len(kv[1]), kv[0])),
            "stance": charts.stance_timeline(statements),
            "stance_of": charts.stance,
            "statement_link": charts.statement_link,
        },
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> HTMLResponse:
    """The stored documents, newest first."""
    offset = _offset(request)
    documents = _store(request).documents(limit=PAGE_SIZE, offset=offset)
    return _render(
        request,
        "documents.html",
        {
            "documents": documents,
            "offset": offset,
            "pages": _page_links(request, offset, len(documents), None),
        },
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str) -> HTMLResponse:
    """A document's text, sections shaded, every evidence span marked, its facts beside it."""
    store = _store(request)
    document = store.document(document_id)
    if document is None:
        return _not_found(request, "document", document_id)
    spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in document.get("evidence", []):
        if ev.get("meeting_id"):
            spans[f"m-{ev['meeting_id']}"].append(ev)
        if ev.get("statement_id"):
            spans[f"s-{ev['statement_id']}"].append(ev)
    meetings = [m for m in (store.meeting(mid) for mid in document.get("meetings", [])) if m]
    statements = [s for s in (store.statement(i) for i in document.get("statements", [])) if s]
    facts = _fact_labels(meetings, statements)
    return _render(
        request,
        "document.html",
        {
            "document": document,
            "body": highlight(
                document.get("text") or "",
                document.get("sections", []),
                document.get("evidence", []),
                facts,
            ),
            "meetings": meetings,
            "facts": facts,
            "statement_ids": document.get("statements", []),
            "spans": spans,
            "kinds": sorted({s["kind"] for s in document.get("sections", [])}),
        },
    )


def _fact_labels(
    meetings: list[dict[str, Any]], statements: list[dict[str, Any]]
) -> dict[str, FactLabel]:
    """A label, a title, a link and a colour for every fact of a document: meetings M1, M2 ...
    (linking to their page), statements S1, S2 ... (linking to their meeting, else their
    review page)."""
    labels: dict[str, FactLabel] = {}
    for number, m in enumerate(meetings, 1):
        who = " – ".join(p["name"] for p in m.get("participants", []))
        labels[f"m-{m['id']}"] = FactLabel(
            f"M{number}",
            f"M{number}: meeting {m.get('date') or 'undated'}, {who}",
            f"/meetings/{m['id']}",
            len(labels),
        )
    for number, st in enumerate(statements, 1):
        who = ", ".join(p["name"] for p in st.get("speakers", []))
        href = (
            f"/meetings/{st['meeting_id']}"
            if st.get("meeting_id")
            else f"/review/statement/{st['id']}"
        )
        labels[f"s-{st['id']}"] = FactLabel(
            f"S{number}", f"S{number}: {who} {st.get('cue') or 'said'}", href, len(labels)
        )
    return labels


@router.get("/review/{fact_type}/{fact_id}", response_class=HTMLResponse)
def review_page(request: Request, fact_type: str, fact_id: str) -> HTMLResponse:
    """Confirm, correct or annotate one fact; the form posts to the review API."""
    store = _store(request)
    if fact_type == "meeting":
        fact = store.meeting(fact_id)
        fields, correctable = MEETING_FIELDS, MEETING_CORRECTABLE
    elif fact_type == "statement":
        fact = store.statement(fact_id)
        fields, correctable = STATEMENT_FIELDS, STATEMENT_CORRECTABLE
    else:
        return _not_found(request, "kind of fact", fact_type)
    if fact is None:
        return _not_found(request, fact_type, fact_id)
    return _render(
        request,
        "review.html",
        {"fact_type": fact_type, "fact": fact, "fields": fields, "correctable": correctable},
    )


@router.get("/statements/{statement_id}", response_model=None)
def statement_page(request: Request, statement_id: str) -> Response:
    """A statement is read in its document: send the browser to its sentence there."""
    statement = _store(request).statement(statement_id)
    if statement is None:
        return _not_found(request, "statement", statement_id)
    return RedirectResponse(charts.statement_link(statement), status_code=303)
