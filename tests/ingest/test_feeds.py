"""RSS and Atom feeds, served with the pages they link to by a local HTTP server (127.0.0.1)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from spacy.language import Language

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.errors import InputError
from sidelines.ingest import iter_documents
from sidelines.ingest.detect import detect_format
from sidelines.ingest.feeds import SUMMARY_SUFFIX, summary_text
from sidelines.store import Store
from sidelines.types import Document

#: readouts written for these tests
TALKS = [
    "Japanese Foreign Minister Yoshimasa Hayashi met with Norwegian Foreign Minister Anniken "
    "Huitfeldt in Tokyo on March 2, 2023.",
    "The two ministers reviewed cooperation in maritime security, energy and Arctic research, "
    "and agreed that their officials would meet again before the end of the year.",
    "Hayashi stressed that the two countries share a commitment to a free and open order at sea.",
]
CALL = [
    "Secretary of State Antony Blinken spoke by telephone with Indian External Affairs Minister "
    "Subrahmanyam Jaishankar on January 20, 2023.",
    "The Secretary and the Minister discussed the preparations for the meetings of the G20 and "
    "the steps that both governments are taking to deepen their partnership in clean energy.",
    "Blinken welcomed the progress made by the two sides on trade and technology.",
]
SUMMARY = (
    "<p>Japanese Foreign Minister Yoshimasa Hayashi met with Singaporean Foreign Minister Vivian "
    "Balakrishnan in Singapore on February 10, 2023.</p><p>The ministers discussed the situation "
    "in the region and the cooperation of the two countries in trade, digital matters and "
    "health, and they agreed to keep in close contact.</p>"
)


def page(title: str, paragraphs: list[str], date: str) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1><time datetime="{date}">{date}</time>
{body}
</article><footer>Example Ministry of Foreign Affairs</footer></body></html>
""".encode()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Ministry: readouts</title>
<link>{base}/</link><description>Readouts</description>
<item><title>Foreign Minister meets Norwegian counterpart</title><link>{base}/news/talks</link>
<pubDate>Thu, 02 Mar 2023 12:00:00 GMT</pubDate><description>Talks in Tokyo.</description></item>
<item><title>Foreign Minister in Singapore</title><link>{base}/news/missing</link>
<pubDate>Fri, 10 Feb 2023 09:00:00 GMT</pubDate>
<description><![CDATA[{SUMMARY}]]></description></item>
</channel></rss>
""".encode()


def atom() -> bytes:
    return b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Department: readouts</title>
<id>urn:example:readouts</id><updated>2023-01-21T00:00:00Z</updated>
<entry><title>Secretary's call with the External Affairs Minister</title>
<link href="/news/call"/><id>urn:example:call</id><updated>2023-01-20T18:00:00Z</updated>
<summary>A call.</summary></entry>
<entry><title>Gone</title><link href="/news/gone"/><id>urn:example:gone</id>
<updated>2023-01-19T18:00:00Z</updated></entry>
</feed>
"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/feed.rss": ("application/rss+xml", rss(base)),
            "/feeds/atom": ("application/atom+xml", atom()),
            "/unlabelled": ("application/octet-stream", rss(base)),
            "/news/talks": ("text/html", page("Talks with Norway", TALKS, "2023-03-02")),
            "/news/call": ("text/html", page("Call with India", CALL, "2023-01-20")),
        }
        route = routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", route[0])
        self.send_header("Content-Length", str(len(route[1])))
        self.end_headers()
        self.wfile.write(route[1])

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_rss_entries_are_read_from_their_pages_or_the_feed_summary(base_url: str) -> None:
    results = list(iter_documents([f"{base_url}/feed.rss"]))
    assert all(isinstance(r, Document) for r in results), results
    talks, summary = results
    assert isinstance(talks, Document) and isinstance(summary, Document)
    assert talks.url == f"{base_url}/news/talks" and talks.path == talks.url
    assert "Huitfeldt" in talks.text and talks.published == "2023-03-02"
    assert summary.path == f"{base_url}/news/missing{SUMMARY_SUFFIX}"  # says where the text is from
    assert summary.url == f"{base_url}/news/missing" and summary.published == "2023-02-10"
    assert summary.title == "Foreign Minister in Singapore"
    assert "Balakrishnan in Singapore" in summary.text and "<p>" not in summary.text


def test_atom_relative_links_and_an_entry_without_text_is_an_error(base_url: str) -> None:
    call, gone = list(iter_documents([f"{base_url}/feeds/atom"]))
    assert isinstance(call, Document) and call.url == f"{base_url}/news/call"
    assert "Jaishankar" in call.text
    assert isinstance(gone, InputError) and "HTTP 404" in str(gone)
    assert f"{base_url}/news/gone" in str(gone)


def test_a_feed_is_recognised_by_content_and_by_name() -> None:
    assert detect_format('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>') == "feed"
    assert detect_format('<feed xmlns="http://www.w3.org/2005/Atom"><body/></feed>') == "feed"
    assert detect_format("<channel></channel>", "news.rss") == "feed"


def test_a_feed_file_on_disk(tmp_path: Path, base_url: str) -> None:
    (tmp_path / "saved.xml").write_bytes(rss(base_url))
    results = list(iter_documents([str(tmp_path)]))
    assert [r.url for r in results if isinstance(r, Document)] == [
        f"{base_url}/news/talks",
        f"{base_url}/news/missing",
    ]
    (tmp_path / "saved.xml").write_text("<sitemap/>", encoding="utf-8")
    [error] = list(iter_documents([str(tmp_path / "saved.xml")]))
    assert isinstance(error, InputError) and "not an RSS or Atom feed" in str(error)


def test_summary_text_keeps_paragraphs() -> None:
    entry = {"summary": "<p>One  <b>two</b>.</p><p>Three.</p>", "content": []}
    assert summary_text(entry) == "One two.\n\nThree."


def test_feeds_are_ingested_with_their_entry_urls(
    tmp_path: Path, base_url: str, nlp: Language
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'feeds.db'}")
    items = [f"{base_url}/feed.rss", f"{base_url}/unlabelled", f"{base_url}/feeds/atom"]
    report = IngestReport()
    ingest_documents(read_items(items, store, report), store, report, nlp=nlp)
    assert report.stored == 3 and len(report.failed) == 1
    assert report.skipped == 2  # the unlabelled copy of the RSS feed
    assert store.counts()["ingest_errors"] == 1
    with sqlite3.connect(tmp_path / "feeds.db") as connection:
        urls = {row[0] for row in connection.execute("SELECT url FROM documents")}
    assert urls == {f"{base_url}/news/{name}" for name in ("talks", "missing", "call")}
    sources = {path for m in store.meetings() for path in m["documents"]}
    assert {f"{base_url}/news/talks", f"{base_url}/news/call"} <= sources
    assert store.meetings(actor="Huitfeldt") and store.meetings(actor="Jaishankar")
