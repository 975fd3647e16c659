"""The compiled knowledge base: the data files parsed once, kept as a pickle in a cache folder.

Parsing the ~200 YAML files of ``kb/data`` takes seconds; unpickling the built knowledge base takes
a few hundredths of one. The cache file is named after a key, a hash of

* every file under each source folder (the bundled ``kb/data`` and the user's folder), by path and
  content, whatever its name: a file added, changed or removed gives a new key;
* the code that builds the knowledge base (the modules of ``sidelines.kb``, and the installed
  libraries it reads with: PyYAML, pycountry's country list, anyascii's folding), the cache format
  and the Python version, so a cache written by other code is never read.

A process that finds no cache for its key builds the knowledge base and writes it to a temporary
file that it then renames over the cache file (:func:`os.replace` is atomic), so a reader sees a
whole file or none; two processes starting together both build and the last rename wins. A cache
that cannot be read (truncated, corrupt, written by another format) is rebuilt, never an error; a
cache folder that cannot be written leaves the knowledge base built in memory only.

The folder is ``$SIDELINES_CACHE_DIR``, else ``$XDG_CACHE_HOME/sidelines``, else
``~/.cache/sidelines``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import anyascii
import pycountry
import yaml

from sidelines.settings import Settings

__all__ = ["FORMAT", "cache_dir", "cache_key", "cache_path", "load_or_build", "source_files"]

#: bump when the pickled layout changes in a way the code hash would not show
FORMAT = 1
#: cache files kept: one per set of sources in use (seed alone, seed and a user folder, tests)
KEEP = 8
#: a temporary file older than this was left by a process that died while writing
STALE_SECONDS = 3600
_PREFIX = "kb-"
_SUFFIX = ".pickle"

T = TypeVar("T")

#: libraries whose upgrade may change what the build makes (their installed files are in the key)
LIBRARIES: tuple[ModuleType, ...] = (yaml, pycountry, anyascii)


def cache_dir() -> Path:
    """The folder of the compiled knowledge base."""
    return Settings.load().cache_path


def source_files(directory: Path) -> list[Path]:
    """Every file under ``directory``, sorted; hidden folders (``kb add``'s staging) left out."""
    if not directory.is_dir():
        return []
    found: list[Path] = []
    for root, folders, files in os.walk(directory):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f != "__pycache__")
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    return sorted(found)


#: the foundation modules the build reads through (name folding, YAML reading), besides kb's own
_SHARED_CODE = ("names.py", "data.py", "types.py")


def _code_files() -> list[Path]:
    package = Path(__file__).parent
    return sorted([*package.glob("*.py"), *(package.parent / name for name in _SHARED_CODE)])


def cache_key(directories: Iterable[Path]) -> str:
    """The hash of every source file (path and content), the building code and the format."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}".encode())
    for path in _code_files():
        digest.update(b"\0code\0" + path.name.encode() + b"\0" + _content(path))
    for library in LIBRARIES:
        digest.update(b"\0library\0" + _installed(library).encode())
    for directory in directories:
        digest.update(b"\0dir\0" + str(directory.resolve()).encode())
        for path in source_files(directory):
            relative = path.relative_to(directory).as_posix()
            digest.update(b"\0file\0" + relative.encode() + b"\0" + _content(path))
    return digest.hexdigest()


def _installed(library: ModuleType) -> str:
    """Where a library is installed and when its files were written (an upgrade rewrites them)."""
    folder = Path(library.__file__ or library.__name__).parent
    try:
        stamps = [
            f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}"
            for p in folder.iterdir()
            if p.name != "__pycache__"
        ]
    except OSError:
        return str(folder)
    return f"{folder}|{'|'.join(sorted(stamps))}"


def _content(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError:
        return b"\0unreadable"
    return hashlib.sha256(data).digest()


def cache_path(key: str) -> Path:
    """Where the compiled knowledge base of ``key`` is kept."""
    return cache_dir() / f"{_PREFIX}{key[:32]}{_SUFFIX}"


def load_or_build(directories: list[Path], build: Callable[[list[Path]], T], kind: type[T]) -> T:
    """The object ``build(directories)`` makes, from the cache when it holds one for these sources."""
    key = cache_key(directories)
    path = cache_path(key)
    found = _read(path, key, kind)
    if found is not None:
        return found
    built = build(directories)
    if cache_key(directories) == key:  # a file that changed while we read it is read again later
        _write(path, key, built)
    return built


def _read(path: Path, key: str, kind: type[T]) -> T | None:
    try:
        with path.open("rb") as handle:
            payload = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file: any unpickling error means "build it again"
        return None
    if (
        isinstance(payload, tuple)
        and len(payload) == 3
        and payload[0] == FORMAT
        and payload[1] == key
        and isinstance(payload[2], kind)
    ):
        return payload[2]
    return None


def _write(path: Path, key: str, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    except OSError:
        return  # a read-only cache folder: the knowledge base stays built in memory only
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((FORMAT, key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    _prune(path.parent, keep=path)


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the newest :data:`KEEP` cache files (a reader holding one open still reads it)."""
    try:
        caches = sorted(
            folder.glob(f"{_PREFIX}*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
        )
    except OSError:
        return
    for old in caches[KEEP:]:
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
    # the temporary file of a process killed while writing
    for stale in folder.glob(f".{_PREFIX}*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > STALE_SECONDS:
                stale.unlink()
