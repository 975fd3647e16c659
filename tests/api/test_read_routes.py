"""Every read route answers with data from the bundled samples; filters narrow; pages walk."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from sidelines.api import app as api_app
from sidelines.api import create_app
from sidelines.settings import Settings
from sidelines.store import Store
from sidelines.store.reviews import record_review

from ..store.test_aggregates import LAVROV_AND_THREE
from .conftest import assert_error_shape

API = "/api/v1"


def get(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"{API}{path}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("path", ["/meetings", "/statements", "/actors", "/documents"])
def test_list_routes_hold_sample_data(client: TestClient, path: str) -> None:
    page = get(client, path)
    assert page["data"] and page["count"] >= len(page["data"])
    assert set(page) == {"data", "count", "next_cursor"}


def test_topics_occasions_stats_search(client: TestClient) -> None:
    topics = get(client, "/topics")
    assert topics["count"] == len(topics["data"]) > 0
    assert all(t["topic"] for t in topics["data"])
    occasions = get(client, "/occasions")
    assert occasions["count"] == len(occasions["data"])
    stats = get(client, "/stats")
    assert stats["documents"] >= 4 and stats["meetings"] >= 1
    hits = get(client, "/search", q="Lavrov")
    assert hits["data"] and {h["kind"] for h in hits["data"]} <= {
        "document",
        "meeting",
        "statement",
    }


def test_meeting_detail_has_statements_sources_evidence(client: TestClient) -> None:
    [first] = get(client, "/meetings", actor="Sergey Lavrov", limit=1)["data"]
    meeting = get(client, f"/meetings/{first['id']}")
    assert meeting["id"] == first["id"]
    assert meeting["source_documents"] and meeting["evidence"]
    assert all(e["text"] for e in meeting["evidence"])


def test_document_detail_has_text_sections_evidence(client: TestClient) -> None:
    listed = get(client, "/documents")["data"]
    assert all("text" not in d for d in listed)
    document = get(client, f"/documents/{listed[0]['id']}")
    assert document["text"] and document["sections"]
    for span in document["evidence"]:
        assert document["text"][span["start"] : span["end"]] == span["text"]


def test_actor_by_id_and_by_name(client: TestClient) -> None:
    [lavrov] = [a for a in get(client, "/actors", name="Lavrov")["data"] if "Lavrov" in a["name"]]
    by_id = get(client, f"/actors/{lavrov['id']}")
    by_name = get(client, "/actors/Sergey Lavrov")
    assert by_id["id"] == by_name["id"] == lavrov["id"]
    assert by_id["meetings"] and by_id["counterparts"]
    assert by_id["counterparts_total"] == len(by_id["counterparts"])


def test_an_actors_counterparts_page_by_page(writable_store: Store) -> None:
    [meeting] = writable_store.meetings(actor="sergey-lavrov", limit=1)
    record_review(
        writable_store, "meeting", meeting["id"], "correct", "participants", LAVROV_AND_THREE
    )
    client = TestClient(create_app(Settings(), writable_store))
    profile = get(client, "/actors/sergey-lavrov")
    assert profile["counterparts_total"] == len(profile["counterparts"]) >= 3
    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 1}
    while True:
        page = get(client, "/actors/Sergey Lavrov/counterparts", **params)
        assert page["count"] == profile["counterparts_total"] and len(page["data"]) == 1
        seen += page["data"]
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    assert seen == profile["counterparts"]
    assert_error_shape(client.get(f"{API}/actors/nobody-at-all/counterparts"), 404)


def test_meeting_filters_narrow(client: TestClient) -> None:
    everything = get(client, "/meetings", limit=500)
    lavrov = get(client, "/meetings", actor="Sergey Lavrov", limit=500)
    assert 0 < lavrov["count"] <= everything["count"]
    assert all(any(p["name"] == "Sergey Lavrov" for p in m["participants"]) for m in lavrov["data"])
    assert get(client, "/meetings", country="RUS", **{"with": "CHN"})["count"] >= 1
    assert all(m["mode"] == "phone" for m in get(client, "/meetings", mode="phone")["data"])
    since = get(client, "/meetings", since="2023-01-01", limit=500)["data"]
    assert all(m["date"] >= "2023-01-01" for m in since)
    assert get(client, "/meetings", actor="Nobody Atall")["count"] == 0
    planned = get(client, "/meetings", status="planned")["data"]
    assert all(m["status"] == "planned" for m in planned)
    anything = get(client, "/meetings", status="any", limit=500)["count"]
    assert anything >= everything["count"]


def test_filters_take_any_spelling_country_names_and_scope(client: TestClient) -> None:
    lavrov = get(client, "/meetings", actor="Sergey Lavrov")["data"]
    assert lavrov and get(client, "/meetings", actor="Sergei Lavrov")["data"] == lavrov
    assert get(client, "/meetings", **{"with": "Sergey Viktorovich Lavrov"})["data"] == lavrov
    russia = get(client, "/meetings", country="Russia")
    assert russia["count"] and russia == get(client, "/meetings", country="rus")
    assert get(client, "/statements", speaker="Sergei Lavrov")["count"] >= 1
    scoped = get(client, "/meetings", scope="international", limit=500)["data"]
    assert scoped and all(m["scope"] == "international" for m in scoped)
    assert get(client, "/statements", scope="domestic")["count"] >= 0
    assert get(client, "/actors", scope="international")["count"] >= 2
    response = client.get("/api/v1/meetings", params={"country": "Rusia"})
    assert_error_shape(response, 422)
    assert response.json()["error"]["code"] == "bad_filter"
    assert "Russia" in response.json()["error"]["message"]
    assert client.get("/api/v1/meetings", params={"scope": "global"}).status_code == 422


def test_where_a_meeting_was_held_is_a_parameter(client: TestClient) -> None:
    held = get(client, "/meetings", held_in="Kazakhstan")
    assert held["count"] and {m["country"] for m in held["data"]} == {"KAZ"}
    for value in ("kaz", "Kazakh"):  # a code, a name or a demonym, as country reads them
        assert get(client, "/meetings", held_in=value) == held
    place = held["data"][0]["place"]
    assert get(client, "/meetings", held_in="KAZ", place=place)["count"] >= 1
    assert get(client, "/meetings", held_in="NOR", place=place)["count"] == 0
    said = get(client, "/statements", held_in="KAZ", limit=500)["data"]
    assert said and {s["meeting_id"] for s in said} <= {m["id"] for m in held["data"]}
    response = client.get("/api/v1/meetings", params={"held_in": "Kazakstan"})
    assert_error_shape(response, 422)
    assert response.json()["error"]["code"] == "bad_filter"
    assert "Kazakhstan" in response.json()["error"]["message"]


def test_statement_filters_narrow(client: TestClient) -> None:
    everything = get(client, "/statements", limit=500)["count"]
    wang = get(client, "/statements", speaker="Wang Yi", limit=500)
    assert 0 < wang["count"] <= everything
    assert all(any("Wang Yi" in s["name"] for s in st["speakers"]) for st in wang["data"])


@pytest.mark.parametrize("path", ["/meetings", "/statements", "/actors", "/documents"])
def test_cursor_walks_every_page_once(client: TestClient, path: str) -> None:
    total = get(client, path, limit=500)
    seen: list[str] = []
    params: dict[str, Any] = {"limit": 2}
    pages = 0
    while True:
        page = get(client, path, **params)
        assert page["count"] == total["count"]
        seen.extend(item["id"] for item in page["data"])
        pages += 1
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
        assert pages < 1000
    assert len(seen) == len(set(seen)) == total["count"]
    assert seen == [item["id"] for item in total["data"]]


@pytest.mark.parametrize("cursor", ["zz", "eDoxMA", "%%%", "o:-1", "bzotMQ"])
def test_bad_cursor_is_400(client: TestClient, cursor: str) -> None:
    assert_error_shape(client.get(f"{API}/meetings", params={"cursor": cursor}), 400)


@pytest.mark.parametrize("path", ["/meetings/nope", "/documents/nope", "/actors/Nobody%20Atall"])
def test_unknown_item_is_404(client: TestClient, path: str) -> None:
    assert_error_shape(client.get(f"{API}{path}"), 404)


def test_home_without_dashboard_leads_to_the_api_docs(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the dashboard ships with the package: take it away as an install without it would be
    monkeypatch.setattr(api_app, "_include_dashboard", lambda app: False)
    client = TestClient(create_app(Settings(), store))
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/api/v1/docs"
