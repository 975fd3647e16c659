"""The dashboard's HTML pages: each route reads the store and renders one template.

Filters are GET parameters of plain forms, so every page works without JavaScript; ``app.js``
adds the charts when plotly.js is installed. Pages get the store from ``request.app.state.store``.
"""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from sidelines.errors import SidelinesError
from sidelines.web import charts
from sidelines.web.highlight import highlight, span_anchor

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "plotly_js", "router"]

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"
PAGE_SIZE = 50
#: the network is drawn from at most this many meetings (the newest matching the filters)
NETWORK_MEETINGS = 2000
OCCASION_CHOICES = 300
MODES = ("in_person", "phone", "video")
STATUSES = ("held", "planned")
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
MEETING_CORRECTABLE: tuple[str, ...] = MEETING_FIELDS[1:]
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
            "latest": store.meetings(limit=10),
            "actors": store.actors(limit=10),
            "occasions": store.occasions()[:10],
        },
    )


def _meeting_filters(request: Request) -> dict[str, Any]:
    get = request.query_params.get
    status = get("status", "held")
    return {
        "actor": _clean(get("actor")),
        "country": _clean(get("country")),
        "with_": _clean(get("with")),
        "topic": _clean(get("topic")),
        "occasion": _clean(get("occasion")),
        "mode": _clean(get("mode")) if get("mode") in MODES else None,
        "since": _clean(get("since")),
        "until": _clean(get("until")),
        "status": status if status in STATUSES else None,
        "scope": get("scope") if get("scope") in SCOPES else None,
    }


def _offset(request: Request) -> int:
    raw = request.query_params.get("offset", "0")
    return max(0, int(raw)) if raw.isdigit() else 0


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
    """The meetings matching the filters, newest first, as a chart and a table."""
    store = _store(request)
    filters = _meeting_filters(request)
    offset = _offset(request)
    try:
        meetings = store.meetings(**filters, limit=PAGE_SIZE, offset=offset)
        total = store.count_meetings(**filters)
    except SidelinesError as error:
        return _bad_filter(request, error)
    return _render(
        request,
        "timeline.html",
        {
            "meetings": meetings,
            "total": total,
            "offset": offset,
            "filters": filters,
            "pages": _page_links(request, offset, len(meetings), total),
            "chart": charts.meeting_timeline(meetings),
            **_filter_choices(store),
        },
    )


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    """Who met whom: the same filters as the timeline, drawn as a graph."""
    store = _store(request)
    filters = _meeting_filters(request)
    try:
        meetings = store.meetings(**filters, limit=NETWORK_MEETINGS)
        total = store.count_meetings(**filters)
    except SidelinesError as error:
        return _bad_filter(request, error)
    return _render(
        request,
        "network.html",
        {
            "graph": charts.meeting_network(meetings),
            "shown": len(meetings),
            "total": total,
            "filters": filters,
            **_filter_choices(store),
        },
    )


def _sides(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """Participants and statements grouped by side (delegation), in the order sides appear."""
    sides: dict[str, dict[str, Any]] = {}
    side_of: dict[str, str] = {}
    for party in meeting.get("participants", []):
        side = party.get("side") or party.get("country") or "side unknown"
        group = sides.setdefault(side, {"side": side, "participants": [], "statements": []})
        group["participants"].append(party)
        side_of[charts.actor_key(party)] = side
        if party.get("name"):
            side_of[party["name"]] = side
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
    from sidelines.store.reviews import reviews

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
    """Every actor, with how many meetings and statements the corpus has of each."""
    get = request.query_params.get
    offset = _offset(request)
    try:
        actors = _store(request).actors(
            country=_clean(get("country")),
            name=_clean(get("name")),
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
            "pages": _page_links(request, offset, len(actors), None),
        },
    )


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: str) -> HTMLResponse:
    """An actor: roles over time, counterparts, statements by topic, a stance timeline."""
    actor = _store(request).actor(key)
    if actor is None:
        return _not_found(request, "actor", key)
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
    return _render(
        request,
        "document.html",
        {
            "document": document,
            "body": highlight(
                document.get("text") or "",
                document.get("sections", []),
                document.get("evidence", []),
            ),
            "meetings": meetings,
            "statement_ids": document.get("statements", []),
            "spans": spans,
            "kinds": sorted({s["kind"] for s in document.get("sections", [])}),
        },
    )


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


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    """Actors, meetings, statements and documents matching the words of ``q``."""
    query = q.strip()
    results = _store(request).search(query, limit=50) if query else []
    return _render(request, "search.html", {"q": query, "results": results})
