"""Dependencies shared by the routers: the store, pagination, the filters and the write token.

Pagination: a list route takes ``limit`` (1-500, default 50) and an opaque ``cursor``; its answer
carries ``next_cursor``, to pass back for the next page, or null on the last page. A cursor is
the URL-safe base64 of ``"k:<offset>:<key>"``, the key (JSON) being the sort key of the last item
of the page before, from which the next page is read (keyset pagination: as fast deep in a list as
at its start, and stable while items are added before it); the offset only tells whether a page
is the last. The ``"o:<offset>"`` cursors of earlier versions are still read. Never to be built
by clients.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hmac
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sidelines.api.errors import api_error
from sidelines.settings import Settings
from sidelines.store import Store
from sidelines.store.filters import knowledge_base
from sidelines.store.read.pages import PageKey

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


#: the longest cursor taken
MAX_CURSOR = 400
_BAD_CURSOR = "invalid cursor; pass back a next_cursor unchanged"


def encode_cursor(offset: int, after: PageKey | None = None) -> str:
    """The cursor of the page that starts at ``offset``, after the item whose sort key is
    ``after`` (when given)."""
    raw = f"o:{offset}" if after is None else f"k:{offset}:{json.dumps(list(after))}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _page_key(text: str) -> PageKey:
    key = json.loads(text)
    if (
        not isinstance(key, list)
        or len(key) != 2
        or not (key[0] is None or isinstance(key[0], str))
        or not isinstance(key[1], str)
    ):
        raise ValueError("not a page key")
    return (key[0], key[1])


def decode_cursor(cursor: str) -> tuple[int, PageKey | None]:
    """The offset and the sort key a cursor stands for; a 400 error for anything not made by
    :func:`encode_cursor`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        kind, _, rest = raw.partition(":")
        number, _, key = rest.partition(":") if kind == "k" else (rest, "", "")
        offset = int(number)
        after = _page_key(key) if kind == "k" else None
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise api_error(400, _BAD_CURSOR, "bad_cursor") from None
    if kind not in ("o", "k") or offset < 0 or not number.isdigit():
        raise api_error(400, _BAD_CURSOR, "bad_cursor")
    return offset, after


@dataclass(frozen=True)
class Page:
    """Which slice of a list a request asks for: ``limit`` items from ``offset``, read after
    the item whose sort key is ``after`` when the cursor gives one."""

    limit: int
    offset: int
    after: PageKey | None = None

    def next_cursor(self, returned: int, total: int, last: PageKey | None = None) -> str | None:
        """The cursor of the following page (after ``last``, the sort key of this page's last
        item, when given), or None when this page is the last."""
        end = self.offset + returned
        return encode_cursor(end, last) if returned and end < total else None


def newest_first_key(items: list[Any], date: str = "date") -> PageKey | None:
    """The sort key of the last of ``items`` of a newest-first list (its ``date`` and id)."""
    return (items[-1][date], items[-1]["id"]) if items else None


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(max_length=MAX_CURSOR, description="The next_cursor of the previous page."),
    ] = None,
) -> Page:
    """The page a list request asks for."""
    if not cursor:
        return Page(limit=limit, offset=0)
    offset, after = decode_cursor(cursor)
    return Page(limit=limit, offset=offset, after=after)


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
