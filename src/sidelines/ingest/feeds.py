"""Read RSS and Atom feeds: one document per entry, from the page the entry links to.

Each entry's link is fetched with the URL loader and read like any page. When the page cannot be
loaded (an HTTP error, no article on it, not English), the entry's own content or summary is used
instead, and the document's ``path`` says so: ``<link>#feed-summary``. An entry that has neither
a loadable page nor text of its own is an :class:`InputError`; the other entries still load.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import feedparser
from lxml import html as lxml_html  # type: ignore[import-untyped]  # lxml ships no type hints

from sidelines.errors import InputError
from sidelines.ingest.finish import finish_document
from sidelines.ingest.normalise import normalise_text, optional_line
from sidelines.ingest.raw import ParseRaw, read_source
from sidelines.ingest.title import attach_title
from sidelines.ingest.url import is_url, url_hostname
from sidelines.types import Document

__all__ = ["SUMMARY_SUFFIX", "entry_date", "iter_feed", "summary_text"]

logger = logging.getLogger(__name__)

#: appended to an entry's link to name a document read from the feed's own text, not the page
SUMMARY_SUFFIX = "#feed-summary"
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


def entry_date(entry: Any) -> str | None:
    """The ISO date an entry was published (or else updated), or ``None``."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def summary_text(entry: Any) -> str:
    """An entry's own text: its longest ``content`` value, else its summary, as plain text with
    paragraphs separated by blank lines."""
    candidates = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    candidates.append(entry.get("summary") or "")
    markup = max(candidates, key=len)
    if "<" not in markup:
        return normalise_text(markup)
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several error types for broken fragments
        return normalise_text(markup)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    paragraphs = [" ".join(p.split()) for p in root.text_content().split("\n\n")]
    return normalise_text("\n\n".join(p for p in paragraphs if p))


def iter_feed(
    data: bytes | str, source: str, url: str | None = None, *, parse: ParseRaw
) -> Iterator[Document | InputError]:
    """Yield one document (or an :class:`InputError`) per entry of an RSS or Atom feed.

    ``source`` names the feed (a path or URL); ``url`` is where it was fetched from, to resolve
    relative entry links. Only http(s) links are fetched; ``parse`` reads each entry's page
    (``sidelines.ingest.core.parse_raw``).

    Raises:
        InputError: ``[E001]`` when the data is not a feed, or a feed without entries.
    """
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputError(
            f"{source}: not an RSS or Atom feed" + (f" ({problem})" if problem else "")
        )
    if not parsed.entries:
        raise InputError(f"{source}: empty (a feed without entries)")
    feed_title = optional_line(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        if link and (url or is_url(source)):
            link = urljoin(url or source, link)
        published = entry_date(entry)
        title = optional_line(entry.get("title"))
        page_error: InputError | None = None
        if link and is_url(link):
            try:
                page = _page(link, parse(read_source(link)))
            except InputError as exc:
                page_error = exc
            else:
                # the feed's title, when the page has none, is attached as the page's own
                yield attach_title(
                    dataclasses.replace(
                        page,
                        url=page.url or link,
                        title=page.title or title,
                        published=page.published or published,
                    )
                )
                continue
        name = link or f"{source}#{index}"
        text = summary_text(entry)
        if not text:
            reason = f"page failed ({page_error.message})" if page_error else "no page link"
            yield InputError(f"{name}: {reason} and the feed entry has no text of its own")
            continue
        if page_error is not None:
            logger.warning("%s: page failed (%s); using the feed's summary", link, page_error)
        document = Document(
            text=text,
            path=f"{name}{SUMMARY_SUFFIX}" if link else name,
            url=link if link and is_url(link) else None,
            title=title,
            published=published,
            publisher=feed_title or url_hostname(link) or url_hostname(url),
        )
        try:
            yield finish_document(document, name)
        except InputError as exc:
            yield exc


def _page(link: str, results: Iterator[Document | InputError]) -> Document:
    """The first document read from an entry's page; its first error when there is none."""
    first_error: InputError | None = None
    for result in results:
        if isinstance(result, Document):
            return result
        first_error = first_error or result
    raise first_error or InputError(f"{link}: no document on the page")
