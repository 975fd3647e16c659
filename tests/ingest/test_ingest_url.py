"""Fetching URLs, against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ingest_samples import READOUT_TEXT, TITLE, readout_page

from sidelines.errors import InputError
from sidelines.ingest import iter_documents, load_document
from sidelines.ingest.url import USER_AGENT, fetch_url
from sidelines.types import Document

MARKDOWN = f"---\ntitle: Solen speaks with Reyk\ndate: 2021-03-04\n---\n{READOUT_TEXT}\n"
JSONL = "".join(json.dumps({"id": f"r{i}", "text": READOUT_TEXT}) + "\n" for i in range(2))

#: path -> (Content-Type, body)
ROUTES: dict[str, tuple[str, bytes]] = {
    "/news/1234": ("text/html; charset=utf-8", readout_page().encode("utf-8")),
    "/readout": ("text/markdown", MARKDOWN.encode("utf-8")),
    "/plain": (
        "text/plain; charset=windows-1252",
        ("Solen \u2013 Reyk\n" + READOUT_TEXT).encode("cp1252"),
    ),
    "/feed": ("application/x-ndjson", JSONL.encode("utf-8")),
    "/unlabelled": ("application/octet-stream", readout_page().encode("utf-8")),
}
SEEN_AGENTS: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/1234")
            self.end_headers()
            return
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        content_type, body = route
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client that stops reading early (size limit, timeout) is expected here


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy set in the environment must not take the local requests."""
    for scheme in ("http", "https", "all"):
        monkeypatch.delenv(f"{scheme}_proxy", raising=False)
        monkeypatch.delenv(f"{scheme.upper()}_PROXY", raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def test_html_page_by_url(base_url: str) -> None:
    document = load_document(f"{base_url}/news/1234")
    assert document.title == TITLE
    assert document.path == f"{base_url}/news/1234"
    assert document.url == "https://president.example.org/news/1234"  # the page's own og:url
    assert any(agent == USER_AGENT for agent in SEEN_AGENTS)


def test_markdown_by_content_type_gets_the_fetch_url(base_url: str) -> None:
    document = load_document(f"{base_url}/readout")
    assert document.title == "Solen speaks with Reyk"
    assert document.url == f"{base_url}/readout"
    assert document.text == f"{document.title}\n\n{READOUT_TEXT}"  # the title attached at ingest


def test_declared_charset_is_used(base_url: str) -> None:
    document = load_document(f"{base_url}/plain")
    assert document.title == "Solen \u2013 Reyk"


def test_format_detected_by_content_when_the_type_says_nothing(base_url: str) -> None:
    assert load_document(f"{base_url}/unlabelled").title == TITLE


def test_redirect_is_followed(base_url: str) -> None:
    assert fetch_url(f"{base_url}/moved").url == f"{base_url}/news/1234"


def test_jsonl_by_url_expands(base_url: str) -> None:
    results = list(iter_documents([f"{base_url}/feed"]))
    assert [r.path for r in results if isinstance(r, Document)] == [
        f"{base_url}/feed#r0",
        f"{base_url}/feed#r1",
    ]


def test_http_error_is_an_input_error_in_a_batch(base_url: str) -> None:
    results = list(iter_documents([f"{base_url}/missing", f"{base_url}/readout"]))
    assert isinstance(results[0], InputError)
    assert f"{base_url}/missing: HTTP 404" in str(results[0])
    assert isinstance(results[1], Document)


def test_timeout_is_an_input_error(base_url: str) -> None:
    with pytest.raises(InputError, match="/slow"):
        fetch_url(f"{base_url}/slow", timeout=0.5)


def test_unreachable_host_is_an_input_error() -> None:
    # port 9 on localhost (discard) is closed in test environments: connection refused
    with pytest.raises(InputError, match="cannot fetch"):
        fetch_url("http://127.0.0.1:9/x", timeout=2)


def test_too_large_response_is_refused(base_url: str) -> None:
    with pytest.raises(InputError, match="larger than 100 bytes"):
        fetch_url(f"{base_url}/news/1234", max_bytes=100)
