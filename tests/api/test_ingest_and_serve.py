"""POST /ingest, the serve command's wiring, and the missing-extra message."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sidelines.api import MissingExtraError, create_app
from sidelines.cli import app as cli_app
from sidelines.settings import Settings

from .conftest import TOKEN, assert_error_shape

AUTH = {"Authorization": f"Bearer {TOKEN}"}
READOUT = (
    "Japanese Foreign Minister Yoshimasa Hayashi met with Norwegian Foreign Minister Anniken "
    "Huitfeldt in Tokyo on March 2, 2023. Hayashi stressed that the two countries share a "
    "commitment to maritime security.\n"
)


def test_ingest_a_text_stores_it_once(writer: TestClient) -> None:
    body = {"text": READOUT, "title": "Hayashi meets Huitfeldt"}
    first = writer.post("/api/v1/ingest", json=body, headers=AUTH)
    assert first.status_code == 201, first.text
    created = first.json()
    assert created["stored"] is True and created["meetings"] >= 1 and created["statements"] >= 1
    document = writer.get(f"/api/v1/documents/{created['document_id']}").json()
    assert document["title"] == "Hayashi meets Huitfeldt"
    again = writer.post("/api/v1/ingest", json=body, headers=AUTH)
    assert again.status_code == 201 and again.json()["stored"] is False
    assert again.json()["document_id"] == created["document_id"]
    found = writer.get("/api/v1/meetings", params={"actor": "Hayashi"}).json()
    assert found["count"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": READOUT, "url": "https://example.org/x"},
        {"url": "file:///etc/passwd"},
        {"url": "ftp://example.org/x"},
        {"text": "   "},
        {"text": 5},
    ],
)
def test_bad_ingest_requests_are_422(writer: TestClient, body: dict[str, Any]) -> None:
    assert_error_shape(writer.post("/api/v1/ingest", json=body, headers=AUTH), 422)


def test_serve_reads_settings_from_env_then_options(monkeypatch: pytest.MonkeyPatch) -> None:
    import sidelines.api.commands as commands

    seen: dict[str, Any] = {}

    def fake_run(settings: Any, host: str, port: int, store: Any = None, workers: int = 1) -> None:
        seen.update(settings=settings, host=host, port=port, workers=workers)

    monkeypatch.setattr(commands, "_run", fake_run)
    monkeypatch.setenv("SIDELINES_TOKEN", "from-env")
    monkeypatch.setenv("SIDELINES_DB_URL", "sqlite:///env.db")
    result = CliRunner().invoke(cli_app, ["serve", "--port", "9001", "--db", "sqlite:///cli.db"])
    assert result.exit_code == 0, result.output
    assert seen["port"] == 9001 and seen["host"] == "127.0.0.1"
    assert seen["settings"].db_url == "sqlite:///cli.db" and seen["settings"].token == "from-env"
    assert seen["workers"] == 1
    assert Settings.load(seen["settings"].as_env()) == seen["settings"]


def test_missing_fastapi_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "sidelines.api.app"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(MissingExtraError, match=r'pip install "sidelines\[api\]"'):
        create_app()


def test_ingest_a_url(writer: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from sidelines.ingest.url import Fetched

    page = f"<html><head><title>Tokyo talks</title></head><body><article><p>{READOUT}</p></article></body></html>"

    def fetch(url: str, *args: Any, **kwargs: Any) -> Fetched:
        return Fetched(url=url, data=page.encode(), content_type="text/html; charset=utf-8")

    monkeypatch.setattr("sidelines.ingest.raw.fetch_url", fetch)
    url = "https://example.org/readouts/tokyo"
    response = writer.post("/api/v1/ingest", json={"url": url}, headers=AUTH)
    assert response.status_code == 201, response.text
    document = writer.get(f"/api/v1/documents/{response.json()['document_id']}").json()
    assert document["url"] == url and "Huitfeldt" in document["text"]
