"""The network: only principals on opposite sides make an edge, at the level of persons or of
countries, filtered like the timeline, with paged tables and a CSV of every pair."""

from __future__ import annotations

import csv
import html as html_lib
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sidelines.export import export
from sidelines.filters import MeetingFilter
from sidelines.store import Store
from sidelines.store.read.network import meeting_network, opposite_pairs
from sidelines.web import pages


def test_same_side_co_participants_are_no_pair() -> None:
    delegation = [
        {"key": "lavrov", "country": "RUS", "side": "RUS"},
        {"key": "shoigu", "country": "RUS", "side": "RUS"},
        {"key": "wang-yi", "country": "CHN", "side": "CHN"},
    ]
    pairs = opposite_pairs(delegation, lambda p: p["key"])
    assert pairs == {("lavrov", "wang-yi"), ("shoigu", "wang-yi")}
    # no side recorded: the country is the side; neither: each principal is its own side
    unsided = [
        {"key": "a", "country": "FRA"},
        {"key": "b", "country": "FRA"},
        {"key": "c"},
    ]
    assert opposite_pairs(unsided, lambda p: p["key"]) == {("a", "c"), ("b", "c")}


def test_network_edges_are_the_exported_graph_edges(web_store: Store, tmp_path: Path) -> None:
    """The dashboard and `sidelines export --format graphml` count the same pairs."""
    pytest.importorskip("networkx")
    report = export(web_store, "graphml", tmp_path / "net.graphml")
    with web_store.sessions() as session:
        graph = meeting_network(session)
    assert len(graph["edges"]) == report.written > 0
    meetings = web_store.meetings(limit=1000)
    assert graph["meetings"] == len(meetings)
    expected: set[tuple[str, str]] = set()
    for meeting in meetings:  # pairs across sides only, never within one delegation
        sides: dict[str, set[str]] = {}
        for p in meeting["participants"]:
            key = p.get("side") or p.get("country") or p.get("actor_id") or p["name"]
            sides.setdefault(key, set()).add(p.get("actor_id") or p["name"])
        groups = list(sides.values())
        for i, one in enumerate(groups):
            for other in groups[i + 1 :]:
                expected |= {(min(a, b), max(a, b)) for a in one for b in other if a != b}
    assert {(e["source"], e["target"]) for e in graph["edges"]} == expected


def test_country_network_and_filters(web_store: Store) -> None:
    with web_store.sessions() as session:
        people = meeting_network(session)
        countries = meeting_network(session, level="country")
        phone = meeting_network(session, MeetingFilter(mode="phone"), level="country")
        early = meeting_network(session, MeetingFilter(until="2000-01-01"))
    ids = {n["id"] for n in countries["nodes"]}
    assert {"RUS", "CHN"} <= ids and all(len(i) == 3 or i.startswith("(") for i in ids)
    by_country: dict[str, int] = {}
    for n in countries["nodes"]:
        by_country[n["id"]] = n["meetings"]
    assert by_country["RUS"] == web_store.count_meetings(country="RUS")
    assert countries["meetings"] == people["meetings"]
    assert phone["meetings"] == web_store.count_meetings(mode="phone") < people["meetings"]
    assert early == {"nodes": [], "edges": [], "meetings": 0}


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_network_page_levels_tables_and_csv(client: TestClient, web_store: Store) -> None:
    page = client.get("/network")
    assert page.status_code == 200
    assert 'id="network-data"' in page.text and 'name="level"' in page.text
    assert 'href="/actors/sergey-lavrov"' in page.text
    with web_store.sessions() as session:
        graph = meeting_network(session)
    assert f"{len(graph['edges'])} pairs that met across sides" in page.text
    country = client.get("/network?level=country")
    assert (
        "Each node is a country" in country.text and 'href="/meetings?country=RUS"' in country.text
    )
    # the pairs name their countries, as the table of countries does
    table = country.text.split('id="pairs-table"', 1)[1].split("</table>", 1)[0]
    assert '<td>China <span class="tag">CHN</span></td>' in table
    assert '<td>Russian Federation <span class="tag">RUS</span></td>' in table
    download = client.get("/network.csv?level=country")
    assert download.headers["content-type"].startswith("text/csv")
    pairs = rows(download.text)
    assert any({p["source"], p["target"]} == {"CHN", "RUS"} for p in pairs)
    assert all(int(p["meetings"]) >= 1 for p in pairs)
    assert len(rows(client.get("/network.csv").text)) == len(graph["edges"])


def test_network_tables_are_paged(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "TABLE_PAGE", 2)
    first = client.get("/network").text
    table = first.split('id="pairs-table"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 3  # the header and two pairs
    assert "?pairs=2" in first and "?nodes=2" in first
    second = client.get("/network?pairs=2").text
    table2 = second.split('id="pairs-table"', 1)[1].split("</table>", 1)[0]
    assert table2 != table and "3–4 of" in second
    assert client.get("/network?pairs=999999").status_code == 200  # past the end: the last page


@pytest.mark.parametrize(
    "query",
    [
        {"mode": "phone", "since": "2000-01-01"},
        {"scope": "international"},
        {"scope": "domestic"},
        {"held_in": "Kazakhstan"},
        {"status": "any", "until": "2023-12-31"},
    ],
)
def test_network_honours_the_timeline_filters(
    client: TestClient, web_store: Store, query: dict[str, str]
) -> None:
    html = client.get("/network", params=query).text
    chosen = {k: v for k, v in query.items() if k != "status"}
    status = None if query.get("status") == "any" else "held"
    expected = web_store.count_meetings(MeetingFilter(**chosen, status=status))
    assert re.search(rf'role="status">{expected} meetings?:', html), query


def test_a_pair_links_to_the_meetings_it_counts(client: TestClient) -> None:
    for url in ("/network", "/network?level=country", "/network?mode=in_person&status=any"):
        html = client.get(url).text
        table = html.split('id="pairs-table"', 1)[1].split("</table>", 1)[0]
        links = re.findall(r'<td class="num"><a href="([^"]+)">(\d+)</a>', table)
        assert links, url
        for href, count in links:
            opened = client.get(html_lib.unescape(href)).text
            assert re.search(rf'role="status">{count} meetings? match', opened), (url, href)
