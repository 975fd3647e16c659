"""Security: bound parameters, escaped text, bearer token, CORS off unless configured."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from sidelines.api import create_app
from sidelines.settings import Settings
from sidelines.store import Store

from .conftest import TOKEN, assert_error_shape

INJECTIONS = [
    "x' OR '1'='1",
    "'; DROP TABLE meetings; --",
    '" OR ""="',
    "%' --",
    "1; SELECT * FROM documents",
    "%%",
    "_",
    "\\",
    "') UNION SELECT id, text FROM documents --",
]

FILTERS: dict[str, list[str]] = {
    "/meetings": ["actor", "country", "with", "occasion", "topic"],
    "/statements": ["speaker", "country", "topic", "with", "occasion"],
    "/actors": ["country", "name"],
    "/search": ["q"],
    "/reviews": ["fact_id"],
}

#: filters whose value must name a country (or, for ``with``, an actor)
NAMED = {"country", "with"}


@pytest.mark.parametrize("injection", INJECTIONS)
def test_sql_injection_in_every_filter_is_harmless(
    client: TestClient, store: Store, injection: str
) -> None:
    before = store.counts()
    for path, names in FILTERS.items():
        for name in names:
            response = client.get(f"/api/v1{path}", params={name: injection})
            if name in NAMED and response.status_code == 422:
                # names no country (or actor): a clear error, never a match
                assert_error_shape(response, 422)
                assert response.json()["error"]["code"] == "bad_filter"
                continue
            assert response.status_code == 200, (path, name, response.text)
            if injection.startswith(("x'", "'", '"', "1;")):
                assert response.json()["data"] == [], (path, name)
    for path in ("/meetings/", "/documents/", "/actors/"):
        response = client.get(f"/api/v1{path}{injection}")
        # a bare LIKE wildcard ("%%", "_") may match an actor's name: a match, not an injection
        wildcard = path == "/actors/" and injection in ("%%", "_")
        assert response.status_code in ((200, 404) if wildcard else (404,)), (path, response.text)
    assert store.counts() == before
    assert {"meetings", "documents", "statements"} <= set(store.tables())


def test_markup_in_a_document_comes_back_as_escaped_json(writer: TestClient) -> None:
    text = (
        "Foreign Minister Sergey Lavrov met with Foreign Minister Wang Yi in Beijing on "
        "May 5, 2024. <script>alert(1)</script> Lavrov said that <img src=x onerror=alert(1)> "
        "the talks were useful & frank.\n"
    )
    headers = {"Authorization": f"Bearer {TOKEN}"}
    created = writer.post("/api/v1/ingest", json={"text": text}, headers=headers)
    assert created.status_code == 201, created.text
    document_id = created.json()["document_id"]
    response = writer.get(f"/api/v1/documents/{document_id}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    raw = response.text
    assert "<script>" not in raw and "<img" not in raw and "\\u003cscript\\u003e" in raw
    document = response.json()
    assert "<script>alert(1)</script>" in document["text"]
    assert "<img src=x onerror=alert(1)>" in document["text"]
    hits = writer.get("/api/v1/search", params={"q": "<script>"})
    assert hits.status_code == 200 and "<script>" not in hits.text


WRITES: list[tuple[str, dict[str, Any]]] = [
    ("/api/v1/reviews", {"fact_type": "meeting", "fact_id": "x", "action": "confirm"}),
    ("/api/v1/ingest", {"text": "Hello."}),
]


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_writes_need_the_bearer_token(writer: TestClient, path: str, body: dict[str, Any]) -> None:
    missing = writer.post(path, json=body)
    assert_error_shape(missing, 401)
    assert missing.headers["www-authenticate"] == "Bearer"
    for header in (f"Bearer {TOKEN}x", "Bearer ", f"Basic {TOKEN}", TOKEN, "Bearer s3cret"):
        assert_error_shape(writer.post(path, json=body, headers={"Authorization": header}), 401)


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_writes_are_off_without_a_configured_token(
    client: TestClient, path: str, body: dict[str, Any]
) -> None:
    for headers in ({}, {"Authorization": "Bearer anything"}, {"Authorization": "Bearer "}):
        error = assert_error_shape(client.post(path, json=body, headers=headers), 403)
        assert "SIDELINES_TOKEN" in error["message"]


def test_empty_token_setting_means_writes_off() -> None:
    settings = Settings.load({"SIDELINES_TOKEN": ""}, token="")
    assert settings.token is None and not settings.writable
    assert Settings.load({"SIDELINES_TOKEN": "t"}).writable
    assert Settings.load({"SIDELINES_TOKEN": "t"}, token="u").token == "u"


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/api/v1/stats", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/v1/meetings",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_when_configured(store: Store) -> None:
    settings = Settings.load(
        {"SIDELINES_CORS_ORIGINS": "https://dash.example, https://other.example"}
    )
    assert settings.cors_origins == ("https://dash.example", "https://other.example")
    with TestClient(create_app(settings, store)) as client:
        allowed = client.get("/api/v1/stats", headers={"Origin": "https://dash.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://dash.example"
        other = client.get("/api/v1/stats", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
