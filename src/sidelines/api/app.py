"""The FastAPI application: API routers under ``/api/v1``, and the dashboard when installed."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sidelines import __version__
from sidelines.api.deps import knowledge_base_loaded
from sidelines.api.docs import install_docs
from sidelines.api.errors import install_error_handlers
from sidelines.api.responses import SafeJSONResponse
from sidelines.api.routes import (
    actors,
    documents,
    ingest,
    meetings,
    occasions,
    reviews,
    search,
    statements,
    stats,
    topics,
)
from sidelines.settings import Settings
from sidelines.store import Store

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
RESOURCES = (
    meetings,
    statements,
    actors,
    documents,
    topics,
    occasions,
    search,
    stats,
    reviews,
    ingest,
)


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    # the actor pages need the knowledge base: load it while the first requests come in
    threading.Thread(target=knowledge_base_loaded, name="load-kb", daemon=True).start()
    yield


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The API (and dashboard) over ``store``, or over the database of ``settings.db_url``.

    ``app.state.store`` is the :class:`Store`, ``app.state.settings`` the :class:`Settings`.
    Write routes work only when ``settings.token`` is set; CORS is on only for
    ``settings.cors_origins``.
    """
    settings = settings or Settings.load()
    app = FastAPI(
        title="sidelines",
        version=__version__,
        summary="Who met whom, when, where, and what each side said, with evidence.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # FastAPI's Swagger page loads from a CDN; ours (api/docs.py) is served here
        redoc_url=None,
        default_response_class=SafeJSONResponse,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.store = store or Store.open(settings.db_url)
    install_error_handlers(app)
    app.add_middleware(NoSniffMiddleware)
    app.add_middleware(HeadAsGetMiddleware)
    api = APIRouter(prefix=API_PREFIX)
    for resource in RESOURCES:
        api.include_router(resource.router)
    app.include_router(api)

    install_docs(app, API_PREFIX)

    if not _include_dashboard(app):

        @app.get("/", include_in_schema=False)
        def home() -> RedirectResponse:
            """Without the dashboard, a browser opening the server lands on the API docs."""
            return RedirectResponse(f"{API_PREFIX}/docs")

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    return app


class NoSniffMiddleware:
    """Forbid browsers to guess a content type: JSON holding markup stays JSON (pure ASGI, so
    streaming and the error handlers are untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).setdefault("X-Content-Type-Options", "nosniff")
            await send(message)

        await self.app(scope, receive, send_with_header)


class HeadAsGetMiddleware:
    """Answer ``HEAD`` wherever ``GET`` is answered, with the same status and headers and no
    body (HTTP's rule; FastAPI's routes and the dashboard's vendored scripts answered 405, so
    link checkers and caches saw missing files)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # the rest of the body is dropped; the end is still sent
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


def _include_dashboard(app: FastAPI) -> bool:
    """Mount ``sidelines.web`` (HTML pages and /static) when that package is present; whether
    it was."""
    try:
        web = importlib.import_module("sidelines.web")
    except ImportError as err:
        if err.name not in ("sidelines.web", None):
            logger.warning("dashboard not mounted: %s", err)
        return False
    router = getattr(web, "router", None)
    if router is None:
        return False
    app.include_router(router)
    static = Path(web.__file__ or "").parent / "static"
    if web.__file__ and static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")
    return True
