"""Tie the readers together: from a path, a directory, a URL or ``-`` (stdin) to documents.

:func:`load_document` reads one input and raises on a bad one; :func:`iter_documents` reads many and
yields an :class:`InputError` in place of each bad item, so a batch always goes on.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import logging
import os
import zlib
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from sidelines.errors import InputError
from sidelines.ingest.detect import (
    EXTENSIONS,
    Format,
    charset_from_content_type,
    decode_bytes,
    detect_format,
    format_from_name,
    gunzip,
    is_gzip,
    is_supported_name,
    is_warc,
)
from sidelines.ingest.feeds import iter_feed
from sidelines.ingest.finish import finish_document
from sidelines.ingest.html import parse_html
from sidelines.ingest.markdown import parse_markdown
from sidelines.ingest.raw import MAX_DOCUMENT_BYTES, STDIN, RawInput, read_source
from sidelines.ingest.records import iter_jsonl, parse_json
from sidelines.ingest.text import parse_text
from sidelines.ingest.url import is_url
from sidelines.ingest.warc import iter_warc, iter_warc_file
from sidelines.types import Document

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "STDIN",
    "RawInput",
    "expand_directory",
    "finish_document",
    "iter_documents",
    "iter_jsonl_file",
    "load_document",
    "parse_raw",
    "read_source",
]

logger = logging.getLogger(__name__)


def _records(items: Iterable[Document | InputError], name: str) -> Iterator[Document | InputError]:
    count = 0
    for item in items:
        count += 1
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield finish_document(item, item.path or name)
        except InputError as exc:
            yield exc
    if count == 0:
        yield InputError(f"{name}: empty (no JSON records)")


def parse_raw(raw: RawInput) -> Iterator[Document | InputError]:
    """Yield the documents of one raw input: one for a page, Markdown or text; one per record for
    JSON and JSON lines; one per entry of an RSS/Atom feed; one per page response of a WARC
    archive (a bad record, entry or page is yielded as an :class:`InputError`).

    Raises:
        InputError: (or a subclass) when the item as a whole cannot be read.
    """
    data = raw.data
    if is_gzip(data):
        data = gunzip(data, raw.name)
    if is_warc(data):
        yield from iter_warc(io.BytesIO(data), raw.name, parse=parse_raw)
        return
    if not data.strip():
        raise InputError(f"{raw.name}: empty")
    text = decode_bytes(data, raw.name, charset_from_content_type(raw.content_type))
    if not text.strip():
        raise InputError(f"{raw.name}: empty")
    fmt: Format = detect_format(text, raw.name_for_format, raw.content_type)
    logger.debug("%s: read as %s", raw.name, fmt)
    if fmt == "feed":
        yield from iter_feed(data, raw.source, raw.url, parse=parse_raw)
        return
    if fmt == "warc":
        raise InputError(f"{raw.name}: not a WARC archive (no WARC/ header)")
    if fmt == "json":
        yield from _records(parse_json(text, raw.source), raw.name)
        return
    if fmt == "jsonl":
        yield from _records(iter_jsonl(text.split("\n"), raw.source), raw.name)
        return
    if fmt == "html":
        document = parse_html(text, path=raw.source, url=raw.url)
    elif fmt == "markdown":
        document = parse_markdown(text, path=raw.source)
    else:
        document = parse_text(text, path=raw.source)
    if document.url is None and raw.url is not None:
        document = dataclasses.replace(document, url=raw.url)
    yield finish_document(document, raw.name)


def iter_jsonl_file(path: str) -> Iterator[Document | InputError]:
    """Stream the records of a JSON lines file (plain or gzip), one document per line, without
    reading the whole file into memory. A bad line, or a broken file, is yielded as an error."""
    try:
        with open(path, "rb") as head:
            compressed = is_gzip(head.read(2))
        opener = gzip.open if compressed else open
        with opener(path, "rb") as stream:
            yield from _records(iter_jsonl(stream, path), path)
    except FileNotFoundError:
        yield InputError(f"{path}: no such file or directory")
    except PermissionError:
        yield InputError(f"{path}: permission denied")
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(f"{path}: cannot read ({exc})")


def expand_directory(directory: str) -> list[str]:
    """Return every supported file under ``directory`` (recursively, hidden entries skipped) as
    paths that start with ``directory`` as given, in sorted order."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if filename.startswith(".") or not is_supported_name(filename):
                continue
            full = os.path.join(root, filename)
            relative = os.path.relpath(full, directory)
            found.append((Path(relative).parts, full))
    return [full for _, full in sorted(found)]


def _iter_source(source: str) -> Iterator[Document | InputError]:
    """Yield the documents of one file, URL or stdin; never raises for a bad item."""
    try:
        local_format = None if source == STDIN or is_url(source) else format_from_name(source)
        if local_format == "jsonl":
            yield from iter_jsonl_file(source)
        elif local_format == "warc":
            yield from iter_warc_file(source, parse=parse_raw)
        else:
            yield from parse_raw(read_source(source))
    except InputError as exc:
        yield exc
    except Exception as exc:  # a reader bug must not stop the batch; keep what went wrong
        logger.exception("%s: unexpected error while reading", source)
        yield InputError(f"{source}: unexpected {type(exc).__name__} while reading ({exc})")


def iter_documents(sources: list[str]) -> Iterator[Document | InputError]:
    """Yield the documents of many sources, in order, and an :class:`InputError` for each bad item.

    A source is a file path, a directory (expanded into every supported file under it, sorted),
    an http(s) URL, or ``-`` for stdin. JSON and JSON lines files (optionally gzip-compressed)
    yield one document per record, RSS/Atom feeds one per entry, WARC archives one per page. Bad items (missing, empty, binary, undecodable, not English, a
    page without an article, a record without text) are yielded as errors that name the item;
    nothing is raised.
    """
    for source in sources:
        if source != STDIN and not is_url(source) and os.path.isdir(source):
            files = expand_directory(source)
            if not files:
                supported = ", ".join(sorted(EXTENSIONS))
                yield InputError(f"{source}: no supported files in directory ({supported})")
            for path in files:
                yield from _iter_source(path)
        else:
            yield from _iter_source(source)


def load_document(source: str) -> Document:
    """Read one document from a file path, an http(s) URL, or ``-`` (stdin).

    The format (HTML, Markdown, JSON record, JSON lines, plain text) is detected from the content
    and the name. A JSON or JSON lines input must hold exactly one record here; use
    :func:`iter_documents` for many.

    Raises:
        InputError: ``[E001]`` when the item is missing, empty, binary, undecodable, or holds more
            than one record; its subclasses for an unsupported format (``[E002]``), a page
            without an article (``[E003]``) or a text that is not English (``[E004]``).
    """
    if source != STDIN and not is_url(source) and os.path.isdir(source):
        raise InputError(f"{source}: is a directory (use iter_documents to read its files)")
    results = list(islice(parse_raw(read_source(source)), 2))
    if len(results) > 1:
        name = "stdin" if source == STDIN else source
        raise InputError(f"{name}: holds more than one record; use iter_documents to read them all")
    result = results[0]
    if isinstance(result, InputError):
        raise result
    return result
