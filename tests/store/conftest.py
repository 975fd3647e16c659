"""Store tests run on both back ends: the embedded SQLite file and a PostgreSQL server.

PostgreSQL is used when ``SIDELINES_TEST_POSTGRES`` holds the URL of a server database a test
may create databases from (``.ci/run`` starts a server and sets it). Without it the PostgreSQL
runs are skipped with that reason, except under CI, where its absence is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

POSTGRES_ENV = "SIDELINES_TEST_POSTGRES"
BACKENDS = ["sqlite", "postgresql"]

NewDatabase = Callable[[str], str]


def _postgres_admin() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(f"{POSTGRES_ENV} is not set under CI: the PostgreSQL store tests must run")
    pytest.skip(f"{POSTGRES_ENV} is not set: no PostgreSQL server to test the store against")


def _databases(backend: str, folder: Path) -> Iterator[NewDatabase]:
    """A factory of fresh, empty databases of one back end, removed afterwards."""
    if backend == "sqlite":
        yield lambda name: f"sqlite:///{folder / name}.db"
        return
    admin_url = _postgres_admin()
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def new(name: str) -> str:
        database = f"sidelines_test_{name}_{uuid.uuid4().hex[:10]}".lower()
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{database}"'))
        made.append(database)
        return admin.url.set(database=database).render_as_string(hide_password=False)

    yield new
    with admin.connect() as connection:
        for database in made:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewDatabase]:
    """``new_db(name)``: the URL of a fresh database on this test's back end."""
    yield from _databases(request.param, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def module_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[NewDatabase]:
    """Like ``new_db``, shared by the tests of one module."""
    yield from _databases(request.param, tmp_path_factory.mktemp(request.param))
