"""The map of meeting places: meetings per host country and per place under the timeline's
filters, drawn as a server-side SVG world map whose countries say their count and link to
exactly the meetings they count."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from sidelines.filters import MeetingFilter
from sidelines.store import Store
from sidelines.store.filters import FilterError
from sidelines.store.read.places import meeting_places
from sidelines.web import worldmap

SVG = "{http://www.w3.org/2000/svg}"
SUMMARY = re.compile(r'<p class="summary" role="status">(\d+) meetings? match')


def test_places_count_the_meetings_held_in_each_country_and_place(web_store: Store) -> None:
    meetings = web_store.meetings(limit=1000)
    with web_store.sessions() as session:
        found = meeting_places(session)
    by_country = Counter(m["country"] for m in meetings if m["country"])
    by_place = Counter((m["place"], m["country"]) for m in meetings if m["place"])
    assert {c["country"]: c["meetings"] for c in found["countries"]} == by_country
    assert {(p["place"], p["country"]): p["meetings"] for p in found["places"]} == by_place
    assert found["total"] == len(meetings)
    assert found["unplaced"] == sum(1 for m in meetings if not m["country"])
    # busiest first
    counts = [c["meetings"] for c in found["countries"]]
    assert counts == sorted(counts, reverse=True)


def test_places_honour_the_timeline_filters(web_store: Store) -> None:
    with web_store.sessions() as session:
        lavrov = meeting_places(session, MeetingFilter(actor="Sergey Lavrov"))
        any_status = meeting_places(session, MeetingFilter(status=None))
        domestic = meeting_places(session, MeetingFilter(scope="domestic"))
    expected = Counter(m["country"] for m in web_store.meetings(actor="Sergey Lavrov"))
    assert {c["country"]: c["meetings"] for c in lavrov["countries"]} == expected
    assert any_status["total"] == web_store.count_meetings(status=None)
    assert domestic["total"] == web_store.count_meetings(scope="domestic")
    with web_store.sessions() as session, pytest.raises(FilterError):
        meeting_places(session, MeetingFilter(country="Narnia"))


def test_held_in_and_place_filter_by_where_a_meeting_took_place(web_store: Store) -> None:
    [astana] = [m for m in web_store.meetings(limit=1000) if m["place"] == "Astana"]
    held = web_store.meetings(held_in="Kazakhstan")  # a name, as the country filter reads it
    assert [m["id"] for m in held] == [astana["id"]]
    assert web_store.meetings(held_in="kaz", place="Astana") == held
    assert web_store.meetings(held_in="KAZ", place="Oslo") == []
    # no participant is from Kazakhstan: the party filter is another question
    assert web_store.meetings(country="KAZ") == []
    with pytest.raises(FilterError):
        web_store.meetings(held_in="Narnia")


def test_world_map_draws_each_country_with_its_count_and_link() -> None:
    drawn = worldmap.world_map(
        [
            {"country": "RUS", "meetings": 7},
            {"country": "KAZ", "meetings": 1},
            {"country": "UNO", "meetings": 2},  # an organisation: no shape on a map
        ],
        lambda iso3: f"/meetings?held_in={iso3}",
    )
    assert drawn["drawn"] == ["RUS", "KAZ"]
    assert drawn["missing"] == ["UNO"]
    assert "<script" not in drawn["svg"]  # the CSP allows none; pygal's config script is gone
    root = ET.fromstring(drawn["svg"])
    links = {
        a.get("href"): a.find(f"{SVG}g")
        for a in root.iter(f"{SVG}a")
        if a.get("class") == "map-link"
    }
    assert set(links) == {"/meetings?held_in=RUS", "/meetings?held_in=KAZ"}
    russia, kazakhstan = links["/meetings?held_in=RUS"], links["/meetings?held_in=KAZ"]
    assert russia is not None and kazakhstan is not None
    for area, title, country in (
        (russia, "Russian Federation: 7 meetings", "RUS"),
        (kazakhstan, "Kazakhstan: 1 meeting", "KAZ"),
    ):
        assert area.findtext(f"{SVG}title") == title
        assert area.get("data-country") == country
        assert area.findall(f".//{SVG}path"), "the country's shape"

    def shade(area: ET.Element) -> float:
        found = re.search(r"fill-opacity: ([\d.]+)", area.get("style") or "")
        assert found is not None
        return float(found.group(1))

    assert shade(russia) > shade(kazakhstan)
    # every other country is drawn too, unlinked
    shapes = [g for g in root.iter(f"{SVG}g") if "country" in (g.get("class") or "").split()]
    assert len(shapes) > 150


def test_iso3_codes_become_the_maps_codes() -> None:
    assert worldmap.iso2("RUS") == "ru"
    assert worldmap.iso2("gbr") == "gb"
    assert worldmap.iso2("EUR") is None
    assert worldmap.iso2("XKX") == "xk"  # Kosovo: the knowledge base's user-assigned code
    assert worldmap.iso2("QAT") == "qa"  # small states are on the map too
    assert worldmap.country_title("NOR", 2) == "Norway: 2 meetings"


def test_map_page_counts_agree_with_the_meetings_they_link_to(
    client: TestClient, web_store: Store
) -> None:
    page = client.get("/map")
    assert page.status_code == 200
    assert '<a href="/map" aria-current="page">Map</a>' in page.text
    total = int(SUMMARY.search(page.text).group(1))  # type: ignore[union-attr]
    assert total == web_store.count_meetings()
    svg = page.text[page.text.index("<svg") : page.text.index("</svg>") + 6]
    assert "<script" not in svg
    rows = re.findall(
        r'<tr><td>[^<]*<span class="tag">(\w{3})</span></td><td class="num"><a href="([^"]+)">(\d+)</a>',
        page.text,
    )
    assert rows, "a table of host countries"
    for code, href, count in rows:
        href = href.replace("&amp;", "&")
        assert parse_qs(urlparse(href).query)["held_in"] == [code]
        assert f'data-country="{code}" data-meetings="{count}"' in svg
        listed = client.get(href)
        assert int(SUMMARY.search(listed.text).group(1)) == int(count)  # type: ignore[union-attr]
    places = re.findall(
        r'<td class="num"><a href="(/meetings\?[^"]*place=[^"]+)">(\d+)</a>', page.text
    )
    assert places, "a table of places"
    for href, count in places:
        listed = client.get(href.replace("&amp;", "&"))
        assert int(SUMMARY.search(listed.text).group(1)) == int(count)  # type: ignore[union-attr]


def test_map_page_keeps_the_filters_in_its_links(client: TestClient) -> None:
    page = client.get("/map", params={"actor": "Sergey Lavrov", "status": "any"})
    assert page.status_code == 200
    assert "1 meeting matches" in page.text
    assert 'data-country="KAZ" data-meetings="1"' in page.text
    assert 'data-country="RUS"' not in page.text
    assert "/meetings?actor=Sergey+Lavrov&amp;status=any&amp;held_in=KAZ" in page.text
    assert client.get("/map", params={"held_in": "Narnia"}).status_code == 422
