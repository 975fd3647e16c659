"""The bytes of one input item, read from a file, an http(s) URL or standard input, and the
signature of the function that turns them into documents (``core.parse_raw``; the readers of
feeds and WARC archives are handed it, as each entry or record is an input of its own)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sidelines.errors import InputError
from sidelines.ingest.url import fetch_url, is_url
from sidelines.types import Document

__all__ = ["MAX_DOCUMENT_BYTES", "STDIN", "ParseRaw", "RawInput", "read_file", "read_source"]

STDIN = "-"
#: a single document larger than this is refused (JSON lines files are streamed, so not limited)
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class RawInput:
    """The bytes of one input item and what is known about where they came from."""

    source: str  # as given: a path, a URL or "-"
    data: bytes
    url: str | None = None
    content_type: str | None = None

    @property
    def name(self) -> str:
        """How messages name the item."""
        return "stdin" if self.source == STDIN else self.source

    @property
    def name_for_format(self) -> str:
        """The name whose extension hints at the format: a path, or a URL's path."""
        if self.source == STDIN:
            return ""
        return urlsplit(self.url).path if self.url else self.source


def read_stdin() -> bytes:
    """Return everything on standard input as bytes (a text-only stdin is encoded as UTF-8)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data = buffer.read()
        if isinstance(data, bytes):
            return data
    return sys.stdin.read().encode("utf-8")


def read_file(path: str) -> bytes:
    """Return a file's bytes.

    Raises:
        InputError: ``[E001]`` when it is missing, a directory, unreadable or too large.
    """
    try:
        size = os.stat(path).st_size
        if Path(path).is_dir():
            raise InputError(f"{path}: is a directory (use iter_documents to read its files)")
        if size > MAX_DOCUMENT_BYTES:
            raise InputError(
                f"{path}: too large ({size // 2**20} MB; limit "
                f"{MAX_DOCUMENT_BYTES // 2**20} MB per document)"
            )
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file or directory") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def read_source(source: str) -> RawInput:
    """Return the raw bytes of one source: a file path, an http(s) URL or ``-`` for stdin.

    Raises:
        InputError: ``[E001]`` when the source cannot be read.
    """
    if source == STDIN:
        return RawInput(source, read_stdin())
    if is_url(source):
        fetched = fetch_url(source)
        return RawInput(source, fetched.data, url=fetched.url, content_type=fetched.content_type)
    return RawInput(source, read_file(source))


#: reads one raw input into its documents (and an error for each bad part)
ParseRaw = Callable[[RawInput], Iterator[Document | InputError]]
