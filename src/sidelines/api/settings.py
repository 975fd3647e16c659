"""The API's settings: one object, read from the environment, then overridden by the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    """How the API runs.

    ``db_url``: the corpus database (``$SIDELINES_DB_URL``; default ``./sidelines.db``).
    ``token``: the operator's bearer token for write routes (``$SIDELINES_TOKEN``); with none set
    the write routes answer 403. ``cors_origins``: origins allowed to call the API from a browser
    (``$SIDELINES_CORS_ORIGINS``, comma-separated); empty means CORS is off.
    """

    db_url: str | None = None
    token: str | None = None
    cors_origins: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from the environment, then ``overrides`` (those that are not None)."""
        env = dict(os.environ) if env is None else env
        origins = tuple(
            o.strip() for o in env.get("SIDELINES_CORS_ORIGINS", "").split(",") if o.strip()
        )
        settings = cls(
            db_url=env.get("SIDELINES_DB_URL") or None,
            token=env.get("SIDELINES_TOKEN") or None,
            cors_origins=origins,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "cors_origins" in given:
            given["cors_origins"] = tuple(given["cors_origins"])
        if given.get("token") == "":
            given["token"] = None
        return replace(settings, **given)

    def as_env(self) -> dict[str, str]:
        """The environment variables that :meth:`from_env` reads back into these settings."""
        return {
            "SIDELINES_DB_URL": self.db_url or "",
            "SIDELINES_TOKEN": self.token or "",
            "SIDELINES_CORS_ORIGINS": ",".join(self.cors_origins),
        }

    @property
    def writable(self) -> bool:
        """Whether the write routes work (an operator set a token)."""
        return bool(self.token)
