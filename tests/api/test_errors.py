"""One JSON error shape everywhere: every route's errors, unknown paths, methods, crashes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from sidelines.api import create_app
from sidelines.settings import Settings
from sidelines.store import Store

from .conftest import assert_error_shape


def api_routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, path) of every API route; FastAPI >= 0.16x keeps included routers lazy in
    ``app.routes``, which ``iter_route_contexts`` flattens."""
    try:
        from fastapi.routing import iter_route_contexts  # type: ignore[attr-defined]
    except ImportError:  # older FastAPI: app.routes is flat
        routes: Any = app.routes
    else:
        routes = iter_route_contexts(app.routes)
    for route in routes:
        path = getattr(route, "path", None)
        if not path or not path.startswith("/api/v1/") or path.endswith((".json", "/docs")):
            continue
        if "oauth2-redirect" in path:
            continue
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                yield method, path


def test_every_route_errors_in_one_shape(app: FastAPI, client: TestClient) -> None:
    seen = list(api_routes(app))
    assert len(seen) >= 12
    for method, path in seen:
        url = re.sub(r"\{[^}]+\}", "no-such-thing", path)
        if method == "GET" and url != path:
            assert_error_shape(client.get(url), 404)  # an unknown id
        if method == "POST":
            assert_error_shape(client.post(url, json={}), 403)  # writes are off in this app
        assert_error_shape(client.delete(url), 405)


def test_bad_parameters_are_422(client: TestClient) -> None:
    for path in ("meetings", "statements", "actors", "documents", "reviews"):
        assert_error_shape(client.get(f"/api/v1/{path}", params={"limit": "many"}), 422)
        assert_error_shape(client.get(f"/api/v1/{path}", params={"limit": 0}), 422)
    assert_error_shape(client.get("/api/v1/meetings", params={"since": "yesterday"}), 422)
    assert_error_shape(client.get("/api/v1/meetings", params={"mode": "telepathy"}), 422)
    assert_error_shape(client.get("/api/v1/search"), 422)
    assert_error_shape(client.get("/api/v1/search", params={"q": ""}), 422)


def test_unknown_path_and_method(client: TestClient) -> None:
    assert_error_shape(client.get("/api/v1/no-such-route"), 404)
    assert_error_shape(client.put("/api/v1/meetings"), 405)


def test_a_crash_is_a_500_in_the_shape_without_a_traceback(store: Store) -> None:
    app = create_app(Settings(), store)

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/boom")
    error = assert_error_shape(response, 500)
    assert "secret" not in error["message"] and "Traceback" not in response.text


def test_openapi_is_served_and_declares_the_error_shape(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/meetings" in schema["paths"]
    responses = schema["paths"]["/api/v1/meetings"]["get"]["responses"]
    assert "ErrorPublic" in str(responses["404"]) and "ErrorPublic" in str(responses["422"])
    assert client.get("/api/v1/docs").status_code == 200


def test_api_docs_page_lists_every_operation_and_loads_nothing_external(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    schema = client.get("/api/v1/openapi.json").json()
    for path in schema["paths"]:
        assert f"<code>{path}</code>" in page.text  # listed for a browser without JavaScript
    assert "http://" not in page.text and "https://" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_api_docs_page_is_swagger_ui_served_from_this_server(client: TestClient) -> None:
    pytest.importorskip("fastapi_offline")
    page = client.get("/api/v1/docs").text
    scripts = re.findall(r"<script src='([^']+)'>", page)
    assert scripts == ["/api/v1/docs/assets/swagger-ui-bundle.js", "/api/v1/docs/init.js"]
    assert "<script>" not in page  # no inline script
    for url in [*scripts, "/api/v1/docs/assets/swagger-ui.css"]:
        response = client.get(url)
        assert response.status_code == 200 and len(response.content) > 100, url
    init = client.get("/api/v1/docs/init.js").text
    assert "validatorUrl: null" in init and "tryItOutEnabled: true" in init
    assert client.get("/api/v1/docs/assets/index.html").status_code == 404  # only what it needs
    assert client.get("/api/v1/docs/assets/..%2F__init__.py").status_code == 404


def test_api_docs_page_without_swagger_ui_is_the_plain_list(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sidelines.api import docs

    monkeypatch.setattr(docs, "swagger_ui_dir", lambda: None)
    page = client.get("/api/v1/docs").text
    assert "<script" not in page and "<code>/api/v1/meetings</code>" in page
    assert "fastapi-offline" in page  # says what to install
    assert client.get("/api/v1/docs/assets/swagger-ui-bundle.js").status_code == 404
