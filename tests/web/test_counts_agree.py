"""One filter, one number: the timeline, its facets, the API, the CSV downloads, the network,
the map and the exports count the same meetings and the same pairs."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from fastapi.testclient import TestClient

from sidelines.export import export
from sidelines.filters import MeetingFilter
from sidelines.store import Store

QUERIES = [
    "",
    "country=RUS",
    "country=Russia&scope=international",
    "scope=domestic",
    "mode=phone",
    "since=2023-01-01",
    "with=CHN",
    "held_in=Kazakhstan",
]


def summary(html: str, pattern: str) -> re.Match[str]:
    found = re.search(r'role="status">\s*' + pattern, html)
    assert found, pattern
    return found


def where(query: str) -> MeetingFilter:
    params = dict(parse_qsl(query))
    if "with" in params:
        params["with_"] = params.pop("with")
    return MeetingFilter(**params)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("query", QUERIES)
def test_pages_downloads_and_exports_count_the_same_meetings(
    client: TestClient, web_store: Store, tmp_path: Path, query: str
) -> None:
    timeline = client.get(f"/meetings?{query}").text
    total = int(summary(timeline, r"(\d+) meetings? match").group(1))
    expected = {m["id"] for m in web_store.meetings(where(query), limit=1000)}
    assert total == len(expected)

    # the facets: every dated meeting in one year, the others undated; no value counts more
    facets = re.findall(r'data-facet="(\w+)"[^>]*>(.*?)</section>', timeline, re.S)
    counts = {
        facet: [int(n) for n in re.findall(r'data-count="(\d+)"', body)] for facet, body in facets
    }
    undated = sum(1 for m in web_store.meetings(where(query), limit=1000) if not m["date"])
    assert sum(counts.get("year", [])) + undated == total
    assert all(n <= total for values in counts.values() for n in values)

    # the API and the CSV download of the page
    api = client.get(f"/api/v1/meetings?{query}&limit=500").json()
    assert api["count"] == total and {m["id"] for m in api["data"]} == expected
    download = csv_rows(client.get(f"/meetings.csv?{query}").text)
    assert {r["id"] for r in download} == expected and len(download) == total

    # the exports of the same filter: a row per meeting, a row per meeting x participant
    report = export(web_store, "csv", tmp_path / "m.csv", where=where(query))
    exported = csv_rows((tmp_path / "m.csv").read_text(encoding="utf-8"))
    assert report.written == len(exported) == total
    assert {r["id"] for r in exported} == expected
    export(web_store, "csv", tmp_path / "p.csv", what="participants", where=where(query))
    people = csv_rows((tmp_path / "p.csv").read_text(encoding="utf-8"))
    assert {r["meeting_id"] for r in people} == expected
    listed = sum(
        len(m["participants"]) + len(m.get("accompanying") or [])
        for m in (web_store.meeting(i) for i in expected)
        if m is not None
    )
    assert len(people) == listed
    # every dated meeting is an event of the event formats, once per dyad
    plover = export(web_store, "plover-jsonl", tmp_path / "e.jsonl", what="meetings",
                    where=where(query))  # fmt: skip
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    events = {json.loads(line)["id"].split(":")[0] for line in lines}
    assert events <= expected and len(events) + plover.skipped == total

    # the network and the map of the same filter count the same meetings; the map's host
    # countries hold every meeting with a known country, its places those with a place
    network = client.get(f"/network?{query}").text
    assert int(summary(network, r"(\d+) meetings?:").group(1)) == total
    page = client.get(f"/map?{query}").text
    assert int(summary(page, r"(\d+) meetings? match").group(1)) == total
    hosts = csv_rows(client.get(f"/map.csv?{query}").text)
    places = csv_rows(client.get(f"/map.csv?{query}&table=places").text)
    found = [web_store.meeting(i) for i in expected]
    assert sum(int(r["meetings"]) for r in hosts) == sum(1 for m in found if m and m["country"])
    assert sum(int(r["meetings"]) for r in places) == sum(1 for m in found if m and m["place"])


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("level", ["person", "country"])
def test_network_pairs_agree_with_its_csv_and_the_graph_export(
    client: TestClient, web_store: Store, tmp_path: Path, query: str, level: str
) -> None:
    network = client.get(f"/network?level={level}&{query}").text
    found = summary(network, r"\d+ meetings?: (\d+) (?:actors|countries), (\d+) pairs?")
    nodes, pairs = int(found.group(1)), int(found.group(2))
    download = csv_rows(client.get(f"/network.csv?level={level}&{query}").text)
    assert len(download) == pairs
    # a pair's meetings add up to its row's count in the table of pairs
    table = network.split('id="pairs-table"', 1)[1].split("</table>", 1)[0]
    shown = [int(n) for n in re.findall(r'<td class="num">(?:<a [^>]*>)?(\d+)', table)]
    assert shown == [int(r["meetings"]) for r in download][: len(shown)]
    if level == "country":
        return  # the graph exports are of persons
    pytest.importorskip("networkx")
    report = export(web_store, "graphml", tmp_path / "n.graphml", where=where(query))
    assert report.written == pairs
    root = ET.parse(tmp_path / "n.graphml").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph_nodes = root.findall(".//g:node", ns)
    graph_edges = root.findall(".//g:edge", ns)
    assert len(graph_edges) == pairs
    # the export's nodes are the actors of some pair; the page also lists actors without one
    assert len(graph_nodes) <= nodes
    ends = {r["source"] for r in download} | {r["target"] for r in download}
    assert {n.get("id") for n in graph_nodes} == ends
