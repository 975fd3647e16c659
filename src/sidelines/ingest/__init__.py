"""Ingest stage: read files, directories, URLs and stdin into :class:`~sidelines.types.Document`.

Formats: HTML pages (main text via trafilatura), Markdown with or without YAML front matter, JSON
records and JSON lines (optionally gzip-compressed), plain text, RSS/Atom feeds (each entry's page
is fetched) and WARC archives (one document per archived page). The format is detected by content
as well as by name. Every reader is a pure function from text to a ``Document``.
"""

from sidelines.ingest.core import iter_documents, load_document, parse_raw, read_source
from sidelines.ingest.detect import Format, decode_bytes, detect_format
from sidelines.ingest.feeds import iter_feed
from sidelines.ingest.html import parse_html
from sidelines.ingest.language import check_english, english_ratio
from sidelines.ingest.markdown import parse_markdown
from sidelines.ingest.normalise import normalise_text
from sidelines.ingest.records import iter_jsonl, parse_json, record_to_document
from sidelines.ingest.text import parse_text
from sidelines.ingest.warc import iter_warc, iter_warc_file

__all__ = [
    "Format",
    "check_english",
    "decode_bytes",
    "detect_format",
    "english_ratio",
    "iter_documents",
    "iter_feed",
    "iter_jsonl",
    "iter_warc",
    "iter_warc_file",
    "load_document",
    "normalise_text",
    "parse_html",
    "parse_json",
    "parse_markdown",
    "parse_raw",
    "parse_text",
    "read_source",
    "record_to_document",
]
