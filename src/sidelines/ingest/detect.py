"""Tell what an input is: decode its bytes and detect its format by content, Content-Type and name.

Content wins over the name when it is unambiguous (an HTML page saved as ``.txt`` is read as HTML,
JSON lines saved as ``.txt`` as records); the name or Content-Type decides between formats that the
content cannot tell apart (Markdown and plain text).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import unicodedata
import zlib
from pathlib import PurePosixPath
from typing import Literal

from sidelines.errors import InputError, UnsupportedFormatError

Format = Literal["html", "markdown", "json", "jsonl", "text", "feed", "warc"]
FORMATS: tuple[Format, ...] = ("html", "markdown", "json", "jsonl", "text", "feed", "warc")

#: file name endings read when a directory is expanded (each also with ``.gz``)
EXTENSIONS: dict[str, Format] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}

CONTENT_TYPES: dict[str, Format] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/ndjson": "jsonl",
    "text/plain": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/warc": "warc",
}

#: formats we recognise but do not read, by their first bytes, so the message can name them
_KNOWN_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive (DOCX, XLSX, EPUB, ...)"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"WARC/", "WARC archive"),
)

_GZIP_MAGIC = b"\x1f\x8b"
_MAX_DECOMPRESSED = 512 * 1024 * 1024
_HTML_START = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
#: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom documents start with one of these root elements
_FEED_START = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<\?xml-stylesheet[^>]*>)\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:head|body|article|main)\b[^>]*>", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"^---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_MARKDOWN_SIGNS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),  # ATX heading
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # link
    re.compile(r"^\S[^\n]*\n(?:=+|-+)[ \t]*$", re.MULTILINE),  # setext heading
    re.compile(r"\\[#_*\[\]`]"),  # Markdown escape
)


def format_from_name(name: str) -> Format | None:
    """Return the format that a file name's extension says (``.gz`` looked through), or ``None``."""
    path = PurePosixPath(name.lower().replace("\\", "/"))
    if path.suffix == ".gz":
        path = path.with_suffix("")
    return EXTENSIONS.get(path.suffix)


def is_supported_name(name: str) -> bool:
    """Return whether a directory listing should include a file of this name."""
    return format_from_name(name) is not None


def format_from_content_type(content_type: str | None) -> Format | None:
    """Return the format an HTTP ``Content-Type`` header names (parameters ignored), or ``None``."""
    if not content_type:
        return None
    media_type = content_type.split(";", 1)[0].strip().lower()
    return CONTENT_TYPES.get(media_type)


def charset_from_content_type(content_type: str | None) -> str | None:
    """Return the ``charset`` parameter of a ``Content-Type`` header, or ``None``."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def is_gzip(data: bytes) -> bool:
    """Return whether ``data`` starts with the gzip magic number."""
    return data[:2] == _GZIP_MAGIC


def gunzip(data: bytes, name: str) -> bytes:
    """Decompress gzip ``data``.

    Raises:
        InputError: ``[E001]`` when the data is not valid gzip or expands beyond 512 MB.
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(_MAX_DECOMPRESSED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{name}: broken gzip data ({exc})") from exc
    if len(out) > _MAX_DECOMPRESSED:
        raise InputError(f"{name}: gzip data expands beyond {_MAX_DECOMPRESSED // 2**20} MB")
    return out


def _mostly_printable(text: str) -> bool:
    """Whether a cp1252 decoding looks like text: no control characters, mostly ASCII."""
    if not text:
        return True
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    ascii_count = sum(1 for ch in text if ch < "\x80")
    return controls == 0 and ascii_count / len(text) >= 0.9


def is_warc(data: bytes) -> bool:
    """Return whether ``data`` (already decompressed) starts like a WARC file."""
    return data.startswith(b"WARC/")


def binary_kind(data: bytes) -> str | None:
    """Return a description of ``data`` when it is binary (a known binary format or NUL bytes in its
    first 8 KB), else ``None``. UTF-16 text with a byte-order mark is not binary."""
    for magic, kind in _KNOWN_BINARY:
        if data.startswith(magic):
            return kind
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in data[:8192]:
        return "binary data (NUL bytes)"
    return None


def _codec_name(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def decode_bytes(data: bytes, name: str, charset: str | None = None) -> str:
    """Decode an input's bytes to text.

    Tries the declared ``charset`` (from HTTP), UTF-16 when a byte-order mark says so, UTF-8 (with
    or without a byte-order mark), then cp1252, which is kept only when it gives printable, mostly
    ASCII text (old Windows-made files); anything else is rejected rather than read as mojibake.

    Raises:
        UnsupportedFormatError: ``[E002]`` for a known binary format (PDF, DOCX, images, ...).
        InputError: ``[E001]`` for other binary data or bytes that no tried encoding decodes.
    """
    kind = binary_kind(data)
    if kind is not None:
        if "NUL" in kind:
            raise InputError(f"{name}: binary file ({kind}), not text")
        raise UnsupportedFormatError(
            f"{name}: {kind} is not supported; supported formats: {', '.join(FORMATS)}"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: broken UTF-16 text ({exc.reason})") from exc
    encodings = ["utf-8-sig"]  # utf-8-sig reads plain UTF-8 too and drops a byte-order mark
    if charset and _codec_name(charset) not in (None, "utf-8", "ascii"):
        encodings.insert(0, charset)
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_printable(text):
        return text
    raise InputError(f"{name}: not valid UTF-8 text (and not plausible cp1252 either)")


def _looks_like_json(text: str) -> Format | None:
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        value = json.loads(stripped)
    except ValueError:
        value = None
    else:
        if isinstance(value, dict) or (
            isinstance(value, list) and all(isinstance(v, dict) for v in value)
        ):
            return "json"
        return None
    first_line = stripped.split("\n", 1)[0]
    try:
        value = json.loads(first_line)
    except ValueError:
        return None
    return "jsonl" if isinstance(value, dict) else None


def sniff_format(text: str) -> Format | None:
    """Return the format that the content alone proves, or ``None`` when it is not conclusive.

    Conclusive: an RSS or Atom feed (its root element), an HTML document (doctype, ``<html>``, or
    markup with ``<head>``/``<body>``), a JSON object or array of objects, JSON lines, Markdown with
    YAML front matter.
    """
    head = text.lstrip("\ufeff \t\r\n")[:65536]
    if _FEED_START.match(head):  # before HTML: a feed may carry <body> inside its entries
        return "feed"
    if head.startswith("<") and (_HTML_START.match(head) or _HTML_TAGS.search(head)):
        return "html"
    if _FRONT_MATTER.match(head.replace("\r\n", "\n")):
        return "markdown"
    return _looks_like_json(text)


def looks_like_markdown(text: str) -> bool:
    """Return whether ``text`` carries Markdown syntax (headings, links, escapes)."""
    head = text[:65536]
    return any(sign.search(head) for sign in _MARKDOWN_SIGNS)


def detect_format(text: str, name: str = "", content_type: str | None = None) -> Format:
    """Return the format of a decoded input.

    Order: conclusive content (:func:`sniff_format`), then the file name (or URL path), then the
    HTTP Content-Type, then Markdown syntax, else plain text. Never raises: anything that decodes
    is at least text.
    """
    sniffed = sniff_format(text)
    if sniffed is not None:
        return sniffed
    for declared in (format_from_name(name), format_from_content_type(content_type)):
        # a declared HTML page without any markup is read as text; declared JSON that does not
        # parse stays JSON so that the reader reports what is wrong with it
        if declared == "html" and "<" not in text[:65536]:
            continue
        if declared is not None:
            return declared
    return "markdown" if looks_like_markdown(text) else "text"
