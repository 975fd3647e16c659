"""Read web archives (WARC, plain or gzip-compressed): one document per archived page.

Only ``response`` records whose payload is HTML or text with a 2xx status are read; requests,
metadata, images, scripts, redirects and error pages are skipped. A document's ``url`` is the
record's ``WARC-Target-URI``, its ``path`` is ``<warc file>#<uri>``, and the ``WARC-Date`` (the
crawl day) is its date when the page itself names none.
"""

from __future__ import annotations

import dataclasses
import gzip
import logging
import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sidelines.errors import InputError
from sidelines.ingest.detect import format_from_content_type, is_gzip, is_warc
from sidelines.ingest.raw import ParseRaw, RawInput
from sidelines.ingest.url import MAX_BYTES
from sidelines.types import Document

__all__ = ["iter_warc", "iter_warc_file"]

logger = logging.getLogger(__name__)

#: payload types read as documents (HTML, Markdown, plain text)
_READ_FORMATS = {"html", "markdown", "text"}


def _payload_type(record: Any) -> str | None:
    headers = record.http_headers
    if headers is None:
        return None
    value = headers.get_header("Content-Type")
    return str(value) if value else None


def _ok(record: Any) -> bool:
    headers = record.http_headers
    status = headers.get_statuscode() if headers is not None else None
    return bool(status) and str(status).startswith("2")


def iter_warc(
    stream: IO[bytes], source: str, *, parse: ParseRaw
) -> Iterator[Document | InputError]:
    """Yield the documents of the page responses in a WARC stream, and an :class:`InputError` for
    a page that cannot be read (or for a broken archive, after the records before it); ``parse``
    reads each page (``sidelines.ingest.core.parse_raw``)."""
    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            content_type = _payload_type(record)
            if format_from_content_type(content_type) not in _READ_FORMATS or not _ok(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            name = f"{source}#{uri or count + 1}"
            data = record.content_stream().read(MAX_BYTES + 1)
            count += 1
            if len(data) > MAX_BYTES:
                yield InputError(f"{name}: response larger than {MAX_BYTES:,} bytes")
                continue
            raw = RawInput(name, data, url=uri, content_type=content_type)
            try:
                for result in parse(raw):
                    if isinstance(result, Document) and result.published is None and crawled:
                        result = dataclasses.replace(result, published=crawled)
                    yield result
            except InputError as exc:
                yield exc
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield InputError(f"{source}: broken WARC archive ({exc})")
        return
    if count == 0:
        yield InputError(f"{source}: no HTML or text responses in the WARC archive")


def iter_warc_file(path: str, *, parse: ParseRaw) -> Iterator[Document | InputError]:
    """Stream the documents of a WARC file (``.warc`` or ``.warc.gz``) without reading it whole;
    ``parse`` reads each page."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(2)
            if is_gzip(head):
                stream.seek(0)
                with gzip.open(stream) as inner:
                    head = inner.read(5)
            else:
                head += stream.read(3)
            if not is_warc(head):  # warcio would skip through anything, warning on stderr
                yield InputError(f"{path}: broken WARC archive (no WARC/ header at its start)")
                return
            stream.seek(0)
            yield from iter_warc(stream, path, parse=parse)
    except FileNotFoundError:
        yield InputError(f"{path}: no such file or directory")
    except PermissionError:
        yield InputError(f"{path}: permission denied")
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(f"{path}: cannot read ({exc})")
