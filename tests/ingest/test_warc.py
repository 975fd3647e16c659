"""WARC archives built in the test with warcio: page responses become documents, the rest is skipped."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sidelines.errors import InputError
from sidelines.ingest import iter_documents
from sidelines.types import Document

#: readouts written for this test
MEETING = (
    "Foreign Minister Sergey Lavrov held talks with Turkish Foreign Minister Mevlut Cavusoglu in "
    "Ankara. The ministers discussed the grain deal and the situation in the Black Sea region, "
    "and agreed that the next round of consultations between the two ministries would be held "
    "in Moscow in the spring."
)
CALL = (
    "President of France Emmanuel Macron spoke by phone with the President of Senegal about the "
    "preparations for the summit on financing for development. The two presidents underlined "
    "the importance of debt relief for the countries of Africa and agreed to work together."
)


def page(title: str, text: str, date: str | None) -> bytes:
    stamp = f'<time datetime="{date}">{date}</time>' if date else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{stamp}"
        f"<p>{text}</p></article></body></html>"
    ).encode()


def build_warc(compress: bool) -> bytes:
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=compress)

    def response(
        uri: str, content_type: str, body: bytes, date: str, status: str = "200 OK"
    ) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)

    request = writer.create_warc_record(
        "https://mfa.example.org/news/talks",
        "request",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders(
            "GET /news/talks HTTP/1.1", [("Host", "mfa.example.org")], is_http_request=True
        ),
    )
    writer.write_record(request)
    response(
        "https://mfa.example.org/news/talks",
        "text/html; charset=utf-8",
        page("Talks with Turkish Foreign Minister", MEETING, "2023-02-20"),
        "2023-02-21T08:00:00Z",
    )
    response(
        "https://mfa.example.org/logo.png",
        "image/png",
        b"\x89PNG\r\n\x1a\n" + bytes(64),
        "2023-02-21T08:00:01Z",
    )
    response(
        "https://elysee.example.org/call",
        "text/html",
        page("Call with the President of Senegal", CALL, None),
        "2023-06-01T10:00:00Z",
    )
    response(
        "https://elysee.example.org/nowhere",
        "text/html",
        page("Not found", "This page does not exist. " * 20, None),
        "2023-06-01T10:00:02Z",
        status="404 Not Found",
    )
    return stream.getvalue()


@pytest.mark.parametrize("compress", [False, True])
def test_a_warc_yields_one_document_per_page_response(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(build_warc(compress))
    results = list(iter_documents([str(path)]))
    assert all(isinstance(r, Document) for r in results), results
    talks, call = results
    assert isinstance(talks, Document) and isinstance(call, Document)
    assert talks.url == "https://mfa.example.org/news/talks"
    assert talks.path == f"{path}#https://mfa.example.org/news/talks"
    assert talks.published == "2023-02-20"  # the page's own date wins
    assert "Cavusoglu" in talks.text
    assert call.url == "https://elysee.example.org/call"
    assert call.published == "2023-06-01"  # no date on the page: the crawl date


def test_a_warc_in_a_directory_and_from_a_gzip_stream(tmp_path: Path) -> None:
    (tmp_path / "a.warc.gz").write_bytes(build_warc(True))
    assert len([r for r in iter_documents([str(tmp_path)]) if isinstance(r, Document)]) == 2
    # a whole-file gzip of an uncompressed WARC, under a name that does not say WARC
    (tmp_path / "b.json.gz").write_bytes(gzip.compress(build_warc(False)))
    docs = list(iter_documents([str(tmp_path / "b.json.gz")]))
    assert [d.url for d in docs if isinstance(d, Document)] == [
        "https://mfa.example.org/news/talks",
        "https://elysee.example.org/call",
    ]


def test_a_broken_or_empty_warc_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "broken.warc").write_bytes(b"this is not an archive\n" * 10)
    [error] = list(iter_documents([str(tmp_path / "broken.warc")]))
    assert isinstance(error, InputError) and "broken WARC" in str(error)
    stream = io.BytesIO()
    WARCWriter(stream, gzip=False).write_record(
        WARCWriter(io.BytesIO()).create_warc_record(
            "https://x.example.org/",
            "response",
            payload=io.BytesIO(b"HTTP/1.1 204 No Content\r\n\r\n"),
        )
    )
    (tmp_path / "empty.warc").write_bytes(stream.getvalue())
    [error] = list(iter_documents([str(tmp_path / "empty.warc")]))
    assert isinstance(error, InputError) and "no HTML or text responses" in str(error)
