"""The search page and its CSV: the documents, meetings and statements matching some words,
counted per kind and per facet (the meetings page's facets: country, actor, mode, occasion,
year), narrowed by a facet's value, sorted by relevance or date, and downloadable as filtered.

A facet's value is a meeting filter (:class:`~sidelines.filters.MeetingFilter`); it narrows
meetings as the meetings page does, statements as said at such meetings or by such speakers, and
documents that report them (:func:`~sidelines.store.read.search.result_conditions`). Both routes
read one :class:`SearchView`, so the download holds the page's results in the page's order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from sidelines.errors import SidelinesError
from sidelines.filters import MeetingFilter
from sidelines.store.read.facets import search_facets
from sidelines.store.read.result_dates import result_dates
from sidelines.store.read.search import KINDS, Matches, narrowed, search_hits, search_matches
from sidelines.store.search import RANKED
from sidelines.web.pages import (
    CSV_PAGE,
    MODES,
    _bad_filter,
    _clean,
    _csv,
    _facet_links,
    _query,
    _render,
    _store,
    router,
)

__all__ = ["SEARCH_COLUMNS", "SEARCH_FILTERS", "SearchView", "search_csv", "search_page"]

SEARCH_KINDS = ("meeting", "statement", "document")
SEARCH_SORTS = ("relevance", "newest", "oldest")
#: the page lists at most this many of each kind (the CSV lists them all)
SEARCH_LIMIT = 50
#: the query parameters of the facets' filters
SEARCH_FILTERS = ("country", "actor", "mode", "occasion", "since", "until")
SEARCH_COLUMNS = ("kind", "id", "date", "title", "snippet", "url")


def _search_filters(request: Request) -> MeetingFilter:
    """The facets' filters in force (of meetings of any status, as the search finds them)."""
    get = request.query_params.get
    mode = get("mode")
    return MeetingFilter(
        actor=_clean(get("actor")),
        country=_clean(get("country")),
        mode=mode if mode in MODES else None,
        occasion=_clean(get("occasion")),
        since=_clean(get("since")),
        until=_clean(get("until")),
        status=None,
    )


@dataclass(frozen=True)
class SearchView:
    """What a search shows: its words, kind, sort and filters; every match of the words (per
    kind, best first), those the filters keep, and the kept results of the kind in view as
    ``{kind, id, date}`` in the order of the sort."""

    q: str
    kind: str | None
    sort: str
    filters: MeetingFilter
    found: Matches
    kept: Matches
    results: list[dict[str, Any]]


def _in_view(matches: Matches, kind: str | None) -> Matches:
    """``matches`` of ``kind`` (every kind when None)."""
    return {k: ids for k, ids in matches.items() if kind in (None, k)}


def search_view(request: Request, session: Session) -> SearchView:
    """The search of the request's ``q``, ``kind``, ``sort`` and facet filters.

    Raises:
        FilterError: ``[E031]`` for a country that names nothing.
    """
    get = request.query_params.get
    q = (get("q") or "").strip()
    kind = get("kind") if get("kind") in SEARCH_KINDS else None
    asked = get("sort") or ""
    sort = asked if asked in SEARCH_SORTS else "relevance"
    filters = _search_filters(request)
    found = search_matches(session, q) if q else {k: [] for k in KINDS}
    kept = narrowed(session, found, filters)
    results: list[dict[str, Any]] = [
        {"kind": k, "id": i} for k, ids in _in_view(kept, kind).items() for i in ids
    ]
    dates = result_dates(session, results)
    for r in results:
        r["date"] = dates.get(f"{r['kind']}:{r['id']}")
    if sort != "relevance":  # undated results last either way
        dated = sorted(
            (r for r in results if r["date"]), key=lambda r: r["date"], reverse=sort == "newest"
        )
        results = dated + [r for r in results if not r["date"]]
    return SearchView(q, kind, sort, filters, found, kept, results)


def _with_hits(session: Session, q: str, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``results`` with their titles and snippets."""
    hits = search_hits(session, q, [(r["kind"], r["id"]) for r in results])
    dates = {(r["kind"], r["id"]): r["date"] for r in results}
    return [{**hit, "date": dates[(hit["kind"], hit["id"])]} for hit in hits]


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    """Meetings, statements and documents matching the words of ``q``: counts per kind and per
    facet (click one to narrow the results to it, its × to undo), sorted by relevance or by
    date, at most :data:`SEARCH_LIMIT` of each kind listed."""
    store = _store(request)
    try:
        with store.sessions() as session:
            view = search_view(request, session)
            shown: list[dict[str, Any]] = []
            per_kind: dict[str, int] = {}
            for r in view.results:
                per_kind[r["kind"]] = per_kind.get(r["kind"], 0) + 1
                if per_kind[r["kind"]] <= SEARCH_LIMIT:
                    shown.append(r)
            results = _with_hits(session, view.q, shown)
            in_view = _in_view(view.found, view.kind)
            facets = search_facets(session, in_view, view.filters) if view.q else {}
    except SidelinesError as error:
        return _bad_filter(request, error)
    params = {k: v for k, v in request.query_params.items() if v and k not in ("offset", "kind")}
    counts = {k: len(view.kept[k]) for k in SEARCH_KINDS}
    in_force = [k for k in SEARCH_FILTERS if request.query_params.get(k)]
    kept = {k: v for k, v in request.query_params.items() if v and k in ("q", "kind", "sort")}
    return _render(
        request,
        "search.html",
        {
            "q": view.q,
            "results": results,
            "total": len(view.results),
            "kind": view.kind,
            "sort": view.sort,
            "sorts": SEARCH_SORTS,
            "limit": SEARCH_LIMIT,
            "ranked": RANKED,
            "capped": any(n > SEARCH_LIMIT for n in per_kind.values()),
            "kinds": [
                {
                    "kind": k,
                    "count": counts[k],
                    "href": "?" + urlencode({**params, "kind": k}),
                    "chosen": k == view.kind,
                }
                for k in SEARCH_KINDS
            ],
            "all_href": "?" + urlencode(params),
            "all_count": sum(counts.values()),
            "facets": _facet_links(request, facets, counterparts=False),
            "undated": sum(1 for r in view.results if not r["date"]),
            # the form keeps the filters in force; "clear" drops them, keeping words, kind, sort
            "hidden": {k: v for k, v in request.query_params.items() if k in in_force},
            "clear_href": "?" + urlencode(kept) if in_force else None,
            "csv_link": "/search.csv?" + _query(request),
        },
    )


@router.get("/search.csv", response_model=None)
def search_csv(request: Request) -> Response:
    """Every result of the search page's words, kind and filters (not only the first
    :data:`SEARCH_LIMIT` of each kind), in the page's order, as CSV."""
    store = _store(request)
    try:
        with store.sessions() as session:
            view = search_view(request, session)
    except SidelinesError as error:
        return _bad_filter(request, error)

    def rows() -> Iterator[list[Any]]:
        yield list(SEARCH_COLUMNS)
        for start in range(0, len(view.results), CSV_PAGE):
            with store.sessions() as session:
                batch = _with_hits(session, view.q, view.results[start : start + CSV_PAGE])
            for hit in batch:
                url = f"{request.base_url}{hit['kind']}s/{hit['id']}"
                yield [hit["kind"], hit["id"], hit["date"], hit["title"], hit["snippet"], url]

    return _csv(rows(), "search.csv")
