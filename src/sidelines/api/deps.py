"""Dependencies shared by the routers: the store, pagination, the filters and the write token.

Pagination: a list route takes ``limit`` (1-500, default 50) and an opaque ``cursor``; its answer
carries ``next_cursor``, to pass back for the next page, or null on the last page. A cursor is
the URL-safe base64 of ``"o:<offset>"``: stable for a database that does not change between
calls, and never to be built by clients.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hmac
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sidelines.api.errors import api_error
from sidelines.settings import Settings
from sidelines.store import Store
from sidelines.store.filters import knowledge_base

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
#: the longest text a filter takes
MAX_TEXT = 200

F = TypeVar("F")


def get_store(request: Request) -> Store:
    """The store the app serves."""
    store: Store = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]


def knowledge_base_loaded() -> None:
    """Load the knowledge base once, before a query needs it.

    Loading takes seconds and ``KnowledgeBase.default()`` caches without a lock, so concurrent
    first requests would each load it; the lock makes the others wait for the one load. The app
    also calls this in a background thread at startup.
    """
    knowledge_base()  # the one lock the filters share


def encode_cursor(offset: int) -> str:
    """The cursor of the page that starts at ``offset``."""
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The offset a cursor stands for; a 400 error for anything not made by :func:`encode_cursor`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        kind, _, number = raw.partition(":")
        offset = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise api_error(
            400, "invalid cursor; pass back a next_cursor unchanged", "bad_cursor"
        ) from None
    if kind != "o" or offset < 0 or not number.isdigit():
        raise api_error(400, "invalid cursor; pass back a next_cursor unchanged", "bad_cursor")
    return offset


@dataclass(frozen=True)
class Page:
    """Which slice of a list a request asks for."""

    limit: int
    offset: int

    def next_cursor(self, returned: int, total: int) -> str | None:
        """The cursor of the following page, or None when this page is the last."""
        end = self.offset + returned
        return encode_cursor(end) if returned and end < total else None


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None, Query(max_length=64, description="The next_cursor of the previous page.")
    ] = None,
) -> Page:
    """The page a list request asks for."""
    return Page(limit=limit, offset=decode_cursor(cursor) if cursor else 0)


PageDep = Annotated[Page, Depends(page)]


#: documents the bearer scheme in OpenAPI; checking is ours (auto_error would answer 403)
bearer = HTTPBearer(auto_error=False, description="The operator's SIDELINES_TOKEN.")


def require_token(
    settings: Annotated[Settings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let a write through only with the operator's bearer token (compared in constant time).

    No token configured: 403 (the write routes are off). No or malformed ``Authorization``
    header, or a wrong token: 401 with ``WWW-Authenticate: Bearer`` (RFC 6750).
    """
    if not settings.token:
        raise api_error(403, "write routes are off: set SIDELINES_TOKEN", "writes_disabled")
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None or not credentials.credentials.strip():
        raise api_error(401, "this route needs Authorization: Bearer <token>", headers=challenge)
    if not hmac.compare_digest(credentials.credentials.strip().encode(), settings.token.encode()):
        raise api_error(401, "wrong token", "bad_token", headers=challenge)


def _api_fields(kind: type[Any]) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(kind) if f.metadata.get("in_api")]


def query_filters(kind: type[F]) -> Callable[..., F]:
    """The dependency that reads the query parameters of filter ``kind``
    (:mod:`sidelines.filters`: their names, types and descriptions are its fields'): text up to
    :data:`MAX_TEXT` characters unless a field says its type (a date, a choice)."""
    fields = _api_fields(kind)
    parameters = []
    for f in fields:
        meta = f.metadata
        query = Query(alias=meta["api"], description=meta["doc"]) if meta["api"] else None
        if query is None:
            query = Query(description=meta["doc"]) if meta["doc"] else Query()
        typed = meta["api_type"]
        if typed is None:
            annotation: Any = Annotated[str | None, Query(max_length=MAX_TEXT), query]
        elif meta["api_default"] is not None:
            annotation = Annotated[typed, query]
        else:
            annotation = Annotated[typed | None, query]
        parameters.append(
            inspect.Parameter(
                f.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=meta["api_default"],
                annotation=annotation,
            )
        )

    def read(**values: Any) -> F:
        parsed = {
            f.name: f.metadata["parse"](values[f.name]) if f.metadata["parse"] else values[f.name]
            for f in fields
        }
        return kind(**parsed)

    read.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    read.__doc__ = f"{kind.__name__} from the query string."
    return read
