"""Format detection by content, name and Content-Type; decoding."""

from __future__ import annotations

import json

import pytest
from ingest_samples import READOUT_TEXT, readout_page

from sidelines.errors import InputError, UnsupportedFormatError
from sidelines.ingest import decode_bytes, detect_format

JSONL = json.dumps({"text": "a"}) + "\n" + json.dumps({"text": "b"}) + "\n"


@pytest.mark.parametrize(
    ("text", "name", "content_type", "expected"),
    [
        (readout_page(), "page.txt", None, "html"),  # content beats a wrong extension
        (readout_page(), "", "text/plain", "html"),
        ("<html><body><p>Hi</p></body></html>", "x.md", None, "html"),
        ("---\ntitle: T\n---\nBody text\n", "notes.txt", None, "markdown"),
        (json.dumps({"text": "a"}), "record.txt", None, "json"),
        (json.dumps([{"text": "a"}]), "", None, "json"),
        (JSONL, "records.txt", None, "jsonl"),
        (JSONL, "records.json", None, "jsonl"),
        ("{not json at all", "broken.json", None, "json"),  # kept, so the reader says what is wrong
        ("[Translated] The talks went well.", "note.txt", None, "text"),
        ("# Heading\n\nText", "", None, "markdown"),  # markdown syntax, no name
        ("# Heading\n\nText", "note.txt", None, "text"),  # the name decides when content cannot
        ("Plain words, nothing else.", "", None, "text"),
        ("Plain words, nothing else.", "readout.md", None, "markdown"),
        ("Plain words", "page.html", None, "text"),  # no markup at all: not HTML
        ("<p>A fragment</p>", "page.html", None, "html"),
        ("Plain words", "", "text/markdown; charset=utf-8", "markdown"),
        ("Some text", "/news/1234.md", "text/plain", "markdown"),  # a URL path ending
        ("Some text", "archive.txt.gz", None, "text"),
    ],
)
def test_detect_format(text: str, name: str, content_type: str | None, expected: str) -> None:
    assert detect_format(text, name, content_type) == expected


def test_utf8_and_utf8_with_bom() -> None:
    assert decode_bytes("Çavuşoğlu met Lavrov".encode(), "a.txt") == "Çavuşoğlu met Lavrov"
    assert decode_bytes(b"\xef\xbb\xbfHello", "a.txt") == "Hello"


def test_utf16_with_bom() -> None:
    assert decode_bytes("Talks in Veloria".encode("utf-16"), "a.txt") == "Talks in Veloria"


def test_cp1252_text_is_accepted_when_it_reads_as_text() -> None:
    text = "The minister\u2019s visit to S\u00e3o Tom\u00e9 \u2013 a first."
    assert decode_bytes(text.encode("cp1252"), "old.txt") == text


def test_declared_charset_is_used() -> None:
    data = "Gespräch".encode("latin-1")
    assert decode_bytes(data, "u", charset="iso-8859-1") == "Gespräch"


def test_undecodable_bytes_are_an_input_error() -> None:
    data = bytes(range(0x80, 0x100)) * 4
    with pytest.raises(InputError, match=r"\[E001\] junk\.txt: not valid UTF-8"):
        decode_bytes(data, "junk.txt")


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match=r"blob\.txt: binary file"):
        decode_bytes(b"abc\x00\x01\x02def", "blob.txt")


def test_known_binary_format_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"\[E002\] r\.pdf: PDF is not supported"):
        decode_bytes(b"%PDF-1.7\n...", "r.pdf")


def test_readout_text_is_plain_text() -> None:
    assert detect_format(READOUT_TEXT, "", None) == "text"
