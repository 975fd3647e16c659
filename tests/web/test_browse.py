"""Faceted browsing of meetings: counts that agree with the pages their links open, a timeline
of every match (not only one page), and a CSV of any filtered view."""

from __future__ import annotations

import csv
import html as html_lib
import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from sidelines.store import Store
from sidelines.web import pages


def facet_links(html: str) -> list[tuple[str, str, int]]:
    """(facet, href, count) of every facet value on a page."""
    found = []
    for facet, body in re.findall(r'data-facet="(\w+)"[^>]*>(.*?)</section>', html, re.S):
        for href, count in re.findall(r'<a href="([^"]+)" data-count="(\d+)"', body):
            found.append((facet, html_lib.unescape(href), int(count)))
    return found


def total(html: str) -> int:
    match = re.search(r'role="status">\s*(\d+) meetings? match', html)
    assert match, "the summary line says how many meetings match"
    return int(match.group(1))


def test_facet_counts_agree_with_the_pages_they_open(client: TestClient) -> None:
    html = client.get("/meetings").text
    links = facet_links(html)
    assert {f for f, _, _ in links} == {"country", "actor", "mode", "occasion", "year"}
    for facet, href, count in links:
        opened = client.get("/meetings" + href).text
        assert total(opened) == count, (facet, href)
        # and the network of the same filters counts the same meetings
        network = client.get("/network" + href).text
        assert re.search(rf'role="status">{count} meetings?:', network), (facet, href)


@pytest.mark.parametrize(
    "query",
    ["status=any", "country=RUS", "country=RUS&with=CHN", "actor=sergey-lavrov&with=Wang+Yi",
     "since=2023-03-01&status=any", "mode=phone"],
)  # fmt: skip
def test_every_facet_link_lists_as_many_meetings_as_it_counts(
    client: TestClient, query: str
) -> None:
    html = client.get(f"/meetings?{query}").text
    links = facet_links(html)
    assert links, query
    for facet, href, count in links:
        assert total(client.get("/meetings" + href).text) == count, (query, facet, href)


def test_facets_narrow_within_the_current_filters(client: TestClient, web_store: Store) -> None:
    html = client.get("/meetings?country=RUS").text
    assert total(html) == web_store.count_meetings(country="RUS")
    for facet, href, count in facet_links(html):
        assert "country=RUS" in href  # a facet adds to the filters in force
        if facet == "country" and "country=RUS&with=" in href:
            assert total(client.get("/meetings" + href).text) == count
        assert count <= total(html), facet


def test_timeline_plots_every_match_not_only_the_page(
    client: TestClient, web_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    html = client.get("/meetings?status=any").text
    data = json.loads(html.split('id="timeline-data" type="application/json">', 1)[1].split("<")[0])
    dated = [m for m in web_store.meetings(status=None) if m["date"]]
    assert len(data["points"]) == len(dated) > 2
    assert len(data["rows"]) == len({p["row"] for p in data["points"]})
    monkeypatch.setattr(pages, "TIMELINE_CAP", 3)
    capped = client.get("/meetings?status=any").text
    assert "The chart shows the 3 newest of the" in capped


def test_csv_of_the_filtered_view_has_every_match(client: TestClient, web_store: Store) -> None:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(pages, "CSV_PAGE", 2)  # several batches
    try:
        response = client.get("/meetings.csv?status=any&country=RUS")
    finally:
        monkeypatch.undo()
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = web_store.meetings(country="RUS", status=None)
    assert [r["id"] for r in rows] == [m["id"] for m in expected]
    assert all("RUS" in r["participant_countries"] for r in rows)
    assert 'href="/meetings.csv?country=RUS"' in client.get("/meetings?country=RUS").text


def test_counts_agree_between_the_overview_the_actors_and_the_meetings(
    client: TestClient, web_store: Store
) -> None:
    home = client.get("/").text
    held = re.search(r'<a href="/meetings"><strong>(\d+)</strong> meetings held', home)
    assert held and int(held.group(1)) == total(client.get("/meetings").text)
    for page in ("/", "/actors", "/actors?scope=international", "/actors?country=Russia"):
        html = client.get(page).text
        links = re.findall(
            r'<a href="(/meetings\?actor=[^"]+)" title="all their[^"]*">(\d+)</a>', html
        )
        assert links, page
        for href, count in links:
            assert total(client.get(html_lib.unescape(href)).text) == int(count), href


@pytest.mark.parametrize("scope", ["international", "domestic"])
def test_the_actors_page_filters_by_scope(client: TestClient, web_store: Store, scope: str) -> None:
    html = client.get("/actors", params={"scope": scope}).text
    listed = re.findall(r'<td><a href="/actors/[^"]+">([^<]+)</a></td>', html)
    expected = [a["name"] for a in web_store.actors(scope=scope, limit=50)]
    assert [html_lib.unescape(n) for n in listed] == expected
    assert f"<option selected>{scope}</option>" in html  # the box keeps the choice
    if not expected:
        assert "No actors match." in html


def test_a_third_party_facet_value_has_no_link() -> None:
    """At ``country=RUS&with=TUR`` an Iranian at the same meetings has no filter of its own:
    its link would drop Turkey and list more meetings than it counts."""
    from starlette.requests import Request

    request = Request({"type": "http", "query_string": b"country=RUS&with=TUR", "headers": []})
    found = {
        "country": [
            {"value": code, "label": code, "count": 1, "filter": {"country": code}}
            for code in ("RUS", "TUR", "IRN")
        ]
    }
    values = {v["value"]: v for v in pages._facet_links(request, found)["country"]}
    assert values["RUS"]["chosen"] and values["TUR"]["chosen"]
    assert values["TUR"]["href"] == "?country=RUS&with=TUR"
    assert values["IRN"]["href"] is None and not values["IRN"]["chosen"]
    # with no counterpart in force, the second country is one
    request = Request({"type": "http", "query_string": b"country=RUS", "headers": []})
    values = {v["value"]: v for v in pages._facet_links(request, found)["country"]}
    assert values["IRN"]["href"] == "?country=RUS&with=IRN"


@pytest.mark.parametrize("query", ["", "scope=international", "country=Russia", "name=Lavrov"])
def test_actors_csv_lists_every_actor_of_the_filters(
    client: TestClient, web_store: Store, query: str
) -> None:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(pages, "CSV_PAGE", 2)  # several batches
    try:
        response = client.get(f"/actors.csv?{query}")
    finally:
        monkeypatch.undo()
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    params = dict(p.split("=") for p in query.split("&") if p)
    expected = web_store.actors(**params)
    assert rows and [r["id"] for r in rows] == [a["id"] for a in expected]
    assert [int(r["meetings"]) for r in rows] == [a["meetings"] for a in expected]
    page = client.get(f"/actors?{query}").text
    assert f'href="/actors.csv?{html_lib.escape(query)}"' in page
