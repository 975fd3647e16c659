"""Read a web page: its article text and metadata, without navigation, asides or footers.

trafilatura finds the main text and most metadata. Around it we add what readouts need:

- the page's own publication date from ``article:published_time`` or the ``<time
  itemprop="datePublished">`` element before htmldate's guess (a photo gallery on the page can carry
  other ``datePublished`` values, which htmldate may prefer);
- the lead (the page's description when the page shows it) when the extracted body lacks it, since
  the lead often holds the one sentence that says who met whom;
- an absolute canonical URL;
- paragraphs separated by a blank line.

trafilatura runs in precision mode: on short pages (a two-line telephone-call readout) the default
mode falls back to whole-page extraction and lets in category labels, tag lists and name tooltips
("Nursultan Nazarbayev Nazarbayev Nursultan"); precision mode keeps them out, and the lead that it
sometimes drops is put back from the description.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement  # type: ignore[import-untyped]  # lxml ships no type hints
from trafilatura import bare_extraction
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from sidelines.errors import NoArticleError
from sidelines.ingest.dates import iso_date
from sidelines.ingest.normalise import normalise_line, normalise_text, optional_line
from sidelines.types import Document

#: page parts that are never the article, removed before trafilatura looks for the main text
#: (it already drops <aside>, <footer>, <nav>): ARIA landmarks for navigation, header, footer and
#: search; "complementary" only *inside* an article ("See also" boxes), because sites also wrap
#: the whole reading area in role="complementary" (the Kremlin does); and hidden elements, such as
#: the name tooltips inside person links ("Nursultan Nazarbayev<span class="hidden">Nazarbayev
#: Nursultan</span>").
PRUNE_XPATH = [
    "//*[@role='navigation' or @role='contentinfo' or @role='banner' or @role='search']",
    "//article//*[@role='complementary']",
    "//main//*[@role='complementary']",
    "//body//*[@hidden or @aria-hidden='true']",
    "//body//*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')]",
    "//body//*[contains(translate(@style, ' ', ''), 'display:none')]",
]

#: ``<meta>`` names/properties that state the article's publication date, best first
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.date",
    "dc.date",
)

#: extracted text with fewer words, or without a sentence, is navigation or a label, not an article
MIN_ARTICLE_WORDS = 10

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
_SOURCE_SPACE = re.compile(r"[ \t\r\n]+")
_MIN_LEAD_CHARS = 40


def _meta_contents(tree: HtmlElement) -> dict[str, str]:
    """Map each ``<meta>`` name/property (lower case) to its first content."""
    contents: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name")
        content = meta.get("content")
        if key and content and content.strip():
            contents.setdefault(key.strip().lower(), content.strip())
    return contents


def _first_xpath_string(tree: HtmlElement, xpath: str) -> str | None:
    values: Any = tree.xpath(xpath)
    if isinstance(values, list):
        for value in values:
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def page_date(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    """Return the publication date the page states in markup made for it, or ``None``.

    Looks at the ``DATE_META`` meta tags, then the first ``<time itemprop="datePublished">``.
    """
    for key in DATE_META:
        published = iso_date(metas.get(key))
        if published:
            return published
    for xpath in (
        "//time[@itemprop='datePublished']/@datetime",
        "//time[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@datetime",
    ):
        published = iso_date(_first_xpath_string(tree, xpath))
        if published:
            return published
    return None


def page_location(tree: HtmlElement) -> str | None:
    """Return where the page's event took place when its markup says so: an h-entry
    ``p-location`` element or a schema.org ``contentLocation``/``locationCreated`` name."""
    for xpath in (
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' p-location ')]",
        "//*[@itemprop='contentLocation' or @itemprop='locationCreated']",
    ):
        found: Any = tree.xpath(xpath)
        if isinstance(found, list):
            for element in found:
                if isinstance(element, HtmlElement):
                    text = optional_line(element.text_content())
                    if text and len(text) <= 80:
                        return text
    return None


def canonical_url(tree: HtmlElement, metas: dict[str, str], page_url: str | None) -> str | None:
    """Return the page's absolute canonical URL: ``<link rel="canonical">`` when absolute, else
    ``og:url``, else the canonical link resolved against ``page_url``, else ``page_url``."""
    canonical = _first_xpath_string(
        tree, "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
    )
    candidates = [canonical, metas.get("og:url")]
    for candidate in candidates:
        if candidate and urlsplit(candidate).scheme in ("http", "https"):
            return candidate
    if canonical and page_url:
        return urljoin(page_url, canonical)
    return page_url


def _squash(text: str) -> str:
    """Lower-case ``text`` without any whitespace: markup splits text nodes at arbitrary places
    ("Udmurtia</a>."), so whitespace cannot be compared reliably."""
    return _SPACE.sub("", text).lower()


def visible_text(tree: HtmlElement) -> str:
    """Return the text of the page's ``<body>`` (scripts and styles left out) lower-cased and
    without whitespace, for checking whether a string is shown on the page."""
    pieces: Any = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    return _squash("".join(p for p in pieces if isinstance(p, str)))


def missing_lead(description: str | None, text: str, page_text: str) -> str | None:
    """Return the page's description as a lead to put before ``text``, or ``None``.

    Only when the page itself shows it (so it is the article's lead, not a search-engine blurb), it
    is a sentence or more, and the extracted text does not already contain it.
    """
    if not description:
        return None
    lead = normalise_line(description)
    squashed = _squash(lead)
    if len(lead) < _MIN_LEAD_CHARS or lead.endswith(("...", "…")):
        return None
    if squashed not in page_text or squashed[:100] in _squash(text):
        return None
    return lead


def looks_like_article(text: str) -> bool:
    """Return whether extracted text reads as prose: at least ten words and one sentence end.

    trafilatura returns whatever text a page has, so an index or search page yields "Home News";
    that is not an article.
    """
    return len(text.split()) >= MIN_ARTICLE_WORDS and _SENTENCE_END.search(text) is not None


def _paragraphs(text: str) -> str:
    """Return one-block-per-line text as paragraphs separated by one blank line."""
    lines = (line.strip() for line in normalise_text(text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def body_text(body: Any) -> str:
    """Return the text of trafilatura's output tree, one block (paragraph, heading, list item,
    table row, ``<br>``-broken line) per line.

    Line breaks inside an HTML text node are only source formatting; trafilatura keeps some of them,
    which would look like block breaks, so text nodes are collapsed to single spaces first.
    """
    body = deepcopy(body)
    for element in body.iter():
        if element.text:
            element.text = _SOURCE_SPACE.sub(" ", element.text)
        if element.tail:
            element.tail = _SOURCE_SPACE.sub(" ", element.tail)
    text: str = xmltotxt(body, include_formatting=False)
    return text


def _load_tree(html: str) -> HtmlElement | None:
    tree = load_html(html)
    if tree is None:  # a fragment without <html>/<body>: trafilatura wants a whole document
        tree = load_html(f"<html><body><div>{html}</div></body></html>")
    return tree if isinstance(tree, HtmlElement) else None


def parse_html(html: str, path: str | None = None, url: str | None = None) -> Document:
    """Return a :class:`Document` for an HTML page: main text, title, date, publisher, URL.

    ``url`` is where the page was fetched from, if it was; it resolves relative canonical links.
    Comments are left out. Paragraphs are separated by blank lines.

    Raises:
        NoArticleError: ``[E003]`` when the page has no article text (an index page, a form, an
            error page, or markup without text).
    """
    name = path or url or "HTML input"
    tree = _load_tree(html)
    if tree is None:
        raise NoArticleError(f"{name}: not a readable HTML page")
    metas = _meta_contents(tree)
    published = page_date(tree, metas)
    canonical = canonical_url(tree, metas, url)
    page_text = visible_text(tree)
    h1: str | None = None
    h1_values: Any = tree.xpath("//h1")
    if isinstance(h1_values, list) and h1_values and isinstance(h1_values[0], HtmlElement):
        h1 = optional_line(h1_values[0].text_content())

    extracted = bare_extraction(
        tree,
        url=canonical or url,
        include_comments=False,
        favor_precision=True,  # less text, but navigation and tag lists stay out (see module doc)
        with_metadata=True,
        prune_xpath=PRUNE_XPATH,
    )
    tree_body = getattr(extracted, "body", None) if extracted is not None else None
    text = _paragraphs(body_text(tree_body)) if tree_body is not None else ""
    if not looks_like_article(text):
        text = ""  # labels or navigation: the lead alone, if the page has one, is the article
    description = (
        getattr(extracted, "description", None)
        or metas.get("og:description")
        or (metas.get("description"))
    )
    lead = missing_lead(description, text, page_text)
    if lead is not None:
        text = f"{lead}\n\n{text}" if text else lead
    if not text:
        raise NoArticleError(f"{name}: no article text found on the page")

    publisher = optional_line(getattr(extracted, "sitename", None)) or optional_line(
        getattr(extracted, "hostname", None)
    )
    return Document(
        text=text,
        path=path,
        url=canonical or optional_line(getattr(extracted, "url", None)),
        title=optional_line(getattr(extracted, "title", None)) or h1,
        published=published or iso_date(getattr(extracted, "date", None)),
        publisher=publisher,
        location=page_location(tree),
    )
