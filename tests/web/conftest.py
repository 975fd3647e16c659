"""A store built from the bundled samples plus a hostile page, and the API's app, which serves the
dashboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from spacy.language import Language

from sidelines.api.app import create_app
from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.store import Store

from ..conftest import SAMPLES

TOKEN = "test-token-for-the-dashboard"

#: a page whose title and text carry script payloads; every one of them must render as text
HOSTILE_PAGE = """Hayashi and Huitfeldt meet <script>window.__xss=1</script>

Japanese Foreign Minister Yoshimasa Hayashi met with Norwegian Foreign Minister Anniken Huitfeldt in Oslo on April 1, 2023. <script>window.__xss=2</script>
Hayashi stressed that <img src=x onerror="window.__xss=3"> maritime security matters to both countries.
"""


def make_app(store: Store) -> FastAPI:
    """The app the dashboard runs in: the API's."""
    return create_app(store=store)


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Store:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE_PAGE, encoding="utf-8")
    store = Store.open(f"sqlite:///{folder / 'web.db'}")
    report = IngestReport()
    documents = read_items([str(SAMPLES), str(hostile)], store, report)
    ingest_documents(documents, store, report, nlp=nlp)
    assert report.stored >= 5 and not report.failed
    return store


@pytest.fixture(scope="session")
def hostile_document(web_store: Store) -> dict[str, Any]:
    [meeting] = [m for m in web_store.meetings(actor="Huitfeldt") if m["place"] == "Oslo"]
    found = web_store.meeting(meeting["id"])
    assert found is not None
    [source] = found["source_documents"]
    document = web_store.document(source["id"])
    assert document is not None and "<script>" in document["text"]
    return document


@pytest.fixture(scope="session")
def app(web_store: Store, monkeypatch_session: pytest.MonkeyPatch) -> FastAPI:
    monkeypatch_session.setenv("SIDELINES_TOKEN", TOKEN)
    return make_app(web_store)


@pytest.fixture(scope="session")
def monkeypatch_session() -> Iterator[pytest.MonkeyPatch]:
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)
