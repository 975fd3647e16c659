"""Property-based: every GET operation of the OpenAPI schema, fed generated input, gives no 5xx.

Schemathesis' lazy pytest loader (``schemathesis.pytest.from_fixture``) breaks on pytest 9
(``Function._nodeid``), so each operation's strategy is driven by Hypothesis directly.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from sidelines.errors import InputError

from .conftest import TOKEN

pytestmark = pytest.mark.slow  # generated requests to every operation

MAX_EXAMPLES = 25


def test_get_operations_never_fail_on_the_server(app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app).include(method="GET")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        )
        def no_server_error(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        no_server_error()


def test_write_operations_never_fail_on_the_server(
    writer: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(url: str, *args: Any, **kwargs: Any) -> Any:
        raise InputError(f"{url}: not fetched (tests stay offline)")

    monkeypatch.setattr("sidelines.ingest.raw.fetch_url", offline)
    app = writer.app
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app).include(method="POST")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} == {"/api/v1/reviews", "/api/v1/ingest"}
    headers = {"Authorization": f"Bearer {TOKEN}"}

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=10,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        )
        def no_server_error(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        no_server_error()
