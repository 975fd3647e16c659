"""The REST API (FastAPI, ``/api/v1``): read meetings, statements, actors, documents, topics,
occasions and search; with an operator's token, ingest documents and review facts.

Needs the ``api`` extra: ``pip install "sidelines[api]"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelines.errors import SidelinesError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from sidelines.settings import Settings
    from sidelines.store import Store

__all__ = ["MissingExtraError", "create_app"]


class MissingExtraError(SidelinesError):
    """An optional dependency of the API is not installed."""

    code = "E060"


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The API application (see :func:`sidelines.api.app.create_app`)."""
    try:
        from sidelines.api.app import create_app as _create_app
    except ImportError as err:
        raise MissingExtraError(
            f'the API needs {err.name or "fastapi"}: pip install "sidelines[api]"'
        ) from err
    return _create_app(settings, store)
