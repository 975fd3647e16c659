"""One :class:`Settings`: read from a settings file, then the environment, then the command line.

The file is ``$SIDELINES_CONFIG``, else ``./sidelines.toml`` when there is one: TOML with any of
the fields below as top-level keys (``db_url = "postgresql+psycopg://..."``, ``model =
"en_core_web_md"``). Each field's environment variable (``$SIDELINES_DB_URL``, ``$SIDELINES_MODEL``,
...) overrides the file, and a command-line option overrides both. This module is the one place
that reads the environment.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sidelines.errors import SidelinesError

__all__ = ["CONFIG_FILE", "Settings", "SettingsError"]

#: the settings file read when ``$SIDELINES_CONFIG`` names none
CONFIG_FILE = "sidelines.toml"


class SettingsError(SidelinesError):
    """The settings file cannot be read, or names a setting that does not exist."""

    code = "E090"


@dataclass(frozen=True)
class Settings:
    """How sidelines runs.

    ``db_url``: the corpus database (``$SIDELINES_DB_URL``; default ``./sidelines.db``).
    ``model``: the spaCy pipeline (``$SIDELINES_MODEL``; default: the first installed English
    model). ``token``: the operator's bearer token for the API's write routes
    (``$SIDELINES_TOKEN``); with none set they answer 403. ``cors_origins``: origins allowed to call
    the API from a browser (``$SIDELINES_CORS_ORIGINS``, comma-separated); empty means CORS is off.
    ``kb_dir``: the user's own knowledge-base files (``$SIDELINES_KB_DIR``; default
    ``$XDG_DATA_HOME/sidelines/kb``). ``cache_dir``: the compiled knowledge base
    (``$SIDELINES_CACHE_DIR``; default ``$XDG_CACHE_HOME/sidelines``).
    """

    db_url: str | None = None
    model: str | None = None
    token: str | None = None
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    kb_dir: str | None = None
    cache_dir: str | None = None

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from the file, then the environment (``env``, default ``os.environ``), then
        ``overrides`` (those that are not None).

        Raises:
            SettingsError: ``[E090]`` for a file that is not TOML or names an unknown setting.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = _read_file(env)
        for name in _NAMES:
            found = env.get(f"SIDELINES_{name.upper()}")
            if found is not None:
                values[name] = found
        given = {k: v for k, v in overrides.items() if v is not None}
        if given.keys() - _NAMES:
            raise TypeError(f"unknown settings: {', '.join(sorted(given.keys() - _NAMES))}")
        values.update(given)
        if isinstance(values.get("cors_origins"), str):
            values["cors_origins"] = values["cors_origins"].split(",")
        values["cors_origins"] = tuple(
            str(o).strip() for o in values.get("cors_origins") or () if str(o).strip()
        )
        cleaned: dict[str, Any] = {
            k: (v or None) if k != "cors_origins" else v for k, v in values.items()
        }
        return replace(cls(), **cleaned)

    def as_env(self) -> dict[str, str]:
        """The environment variables that :meth:`load` reads back into these settings."""
        return {
            f"SIDELINES_{name.upper()}": (
                ",".join(self.cors_origins) if name == "cors_origins" else getattr(self, name) or ""
            )
            for name in sorted(_NAMES)
        }

    @property
    def writable(self) -> bool:
        """Whether the API's write routes work (an operator set a token)."""
        return bool(self.token)

    @property
    def kb_path(self) -> Path:
        """The folder of the user's own knowledge-base files."""
        if self.kb_dir:
            return Path(self.kb_dir).expanduser()
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "sidelines" / "kb"

    @property
    def cache_path(self) -> Path:
        """The folder of the compiled knowledge base."""
        if self.cache_dir:
            return Path(self.cache_dir).expanduser()
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "sidelines"


_NAMES = frozenset(f.name for f in fields(Settings))


def _read_file(env: Mapping[str, str]) -> dict[str, Any]:
    named = env.get("SIDELINES_CONFIG")
    path = Path(named).expanduser() if named else Path(CONFIG_FILE)
    if not named and not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise SettingsError(f"cannot read the settings file {path}: {err}") from err
    unknown = sorted(data.keys() - _NAMES)
    if unknown:
        raise SettingsError(
            f"{path}: unknown settings {', '.join(unknown)}; known: {', '.join(sorted(_NAMES))}"
        )
    return dict(data)
