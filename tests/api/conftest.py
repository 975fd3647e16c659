"""Fixtures of the API tests: one store of the bundled samples per session, apps over it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from spacy.language import Language

from sidelines.api import create_app
from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.settings import Settings
from sidelines.store import Store

from ..conftest import SAMPLES

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A SQLite file holding the extractions of every bundled sample (built once)."""
    path = tmp_path_factory.mktemp("api") / "samples.db"
    store = Store.open(f"sqlite:///{path}")
    report = IngestReport()
    ingest_documents(read_items([str(SAMPLES)], store, report), store, report, nlp=nlp)
    assert report.stored >= 4 and not report.failed
    store.engine.dispose()
    return path


@pytest.fixture(scope="session")
def store(sample_db: Path) -> Store:
    """The sample store, shared by read-only tests."""
    return Store.open(f"sqlite:///{sample_db}")


@pytest.fixture(scope="session")
def app(store: Store) -> FastAPI:
    """A read-only app (no token) over the sample store."""
    return create_app(Settings(), store)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def copy_store(sample_db: Path, target: Path) -> Store:
    """A private copy of the sample store, for tests that write."""
    with sqlite3.connect(sample_db) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return Store.open(f"sqlite:///{target}")


@pytest.fixture
def writable_store(sample_db: Path, tmp_path: Path) -> Store:
    return copy_store(sample_db, tmp_path / "copy.db")


@pytest.fixture
def writer(writable_store: Store) -> Iterator[TestClient]:
    """A client of an app with a token over a private copy of the sample store."""
    app = create_app(Settings(token=TOKEN), writable_store)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def assert_error_shape(response: Any, status: int | None = None) -> dict[str, Any]:
    """The response is the one JSON error shape (with ``status`` when given)."""
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "status"}, error
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert error["status"] == response.status_code
    if status is not None:
        assert response.status_code == status, body
    return dict(error)
