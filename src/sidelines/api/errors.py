"""One JSON error shape for every route: ``{"error": {"code", "message", "status"}}``.

FastAPI's own handlers (HTTP errors, request validation) are replaced, and any unexpected
exception becomes a 500 of the same shape without a traceback in the body.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from sidelines.api.responses import SafeJSONResponse
from sidelines.store.filters import FilterError

logger = logging.getLogger(__name__)

#: the error code of each status when a route does not give one
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "validation_error",
    500: "internal_error",
    501: "not_implemented",
}


class ErrorBody(BaseModel):
    """What went wrong: a stable ``code``, a human ``message`` and the HTTP ``status``."""

    code: str
    message: str
    status: int


class ErrorPublic(BaseModel):
    """The body of every error response."""

    error: ErrorBody


def api_error(
    status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None
) -> HTTPException:
    """An exception that the handlers turn into the error shape."""
    return HTTPException(
        status_code=status,
        detail={"code": code or CODES.get(status, "error"), "message": message},
        headers=headers,
    )


def error_response(
    status: int, message: str, code: str | None = None, headers: Mapping[str, str] | None = None
) -> SafeJSONResponse:
    body = {
        "error": {"code": code or CODES.get(status, "error"), "message": message, "status": status}
    }
    return SafeJSONResponse(body, status_code=status, headers=dict(headers or {}))


async def _http_error(_request: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail: Any = exc.detail
    if isinstance(detail, dict):
        return error_response(
            exc.status_code, str(detail.get("message")), detail.get("code"), exc.headers
        )
    return error_response(exc.status_code, str(detail), headers=exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()))
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return error_response(422, "; ".join(problems) or "invalid request")


async def _filter_error(_request: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, FilterError)
    return error_response(422, exc.message, "bad_filter")


async def _server_error(request: Request, exc: Exception) -> SafeJSONResponse:
    logger.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal error; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    """Make every error response of ``app`` take the one shape."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(FilterError, _filter_error)
    app.add_exception_handler(Exception, _server_error)


#: OpenAPI description of the error responses every route may give
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorPublic, "description": CODES[status].replace("_", " ")}
    for status in (400, 404, 422, 500)
}
