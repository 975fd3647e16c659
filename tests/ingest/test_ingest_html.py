"""HTML pages: main text, metadata, lead, pruning, pages without an article."""

from __future__ import annotations

import pytest
from ingest_samples import LEAD, READOUT_PARAGRAPHS, TITLE, readout_page

from sidelines.errors import NoArticleError
from sidelines.ingest import parse_html
from sidelines.ingest.html import looks_like_article, missing_lead


def test_page_gives_article_text_and_metadata() -> None:
    document = parse_html(readout_page(), path="page.html")
    assert document.title == TITLE
    assert document.published == "2021-03-04"  # the article's date, not the gallery's
    assert document.publisher == "Office of the President of Veloria"
    assert document.url == "https://president.example.org/news/1234"  # og:url over relative link
    assert document.path == "page.html"
    for paragraph in (READOUT_PARAGRAPHS[0], READOUT_PARAGRAPHS[1], READOUT_PARAGRAPHS[3]):
        assert paragraph in document.text
    assert "President Solen thanked Prime Minister Tomas Reyk for the help" in document.text


def test_navigation_see_also_tooltips_and_footer_stay_out() -> None:
    text = parse_html(readout_page()).text
    for junk in ("Home", "Contacts", "See also", "Earlier visit", "Reyk Tomas", "attribution"):
        assert junk not in text


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = parse_html(readout_page()).text
    assert "\n\n" in text
    assert all(block.strip() for block in text.split("\n\n"))
    assert "\n" not in text.replace("\n\n", "")


def test_lead_is_first_and_appears_once() -> None:
    text = parse_html(readout_page()).text
    assert text.startswith(LEAD)
    assert text.count("President Amara Solen held talks") == 1


def test_missing_lead_only_when_the_page_shows_it_and_the_text_lacks_it() -> None:
    page_text = "headerpresidentamarasolenheldtalkswithprimeministeroftheland.footer"
    lead = "President Amara Solen held talks with Prime Minister of the land."
    assert missing_lead(lead, "The talks went well.", page_text) == lead
    assert missing_lead(lead, f"{lead}\n\nThe talks went well.", page_text) is None
    assert missing_lead(lead, "The talks went well.", "somethingelse") is None  # not on the page
    assert missing_lead("Too short.", "The talks went well.", "tooshort.") is None
    assert missing_lead(None, "The talks went well.", page_text) is None


def test_canonical_url_is_resolved_against_the_fetch_url() -> None:
    html = readout_page().replace(
        '<meta property="og:url" content="https://president.example.org/news/1234">', ""
    )
    document = parse_html(html, url="https://mirror.example.org/news/list/")
    assert document.url == "https://mirror.example.org/news/list/1234.html"


def test_published_time_meta_wins() -> None:
    html = readout_page().replace(
        "</head>", '<meta property="article:published_time" content="2021-03-03T22:00:00Z"></head>'
    )
    assert parse_html(html).published == "2021-03-03"


def test_page_without_article_is_no_article_error() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Search</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<form action='/search'><input name='q'><button>Search</button></form>"
        "</body></html>"
    )
    with pytest.raises(NoArticleError, match=r"\[E003\] search\.html: no article text"):
        parse_html(html, path="search.html")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home News Events Contacts", False),
        ("Copyright 2021", False),
        ("Search the archive of the office by date, person, place or topic", False),  # no sentence
        ("Alexei Novak has been appointed head of the Veloria State Energy Corporation.", True),
    ],
)
def test_looks_like_article(text: str, expected: bool) -> None:
    assert looks_like_article(text) is expected


def test_html_fragment_is_read() -> None:
    fragment = "".join(f"<p>{p}</p>" for p in READOUT_PARAGRAPHS)
    document = parse_html(fragment, path="fragment.html")
    assert READOUT_PARAGRAPHS[0] in document.text


def test_page_location_markup_is_kept() -> None:
    body = " ".join(
        ["President Solen met Prime Minister Tomas Reyk to discuss trade and energy."] * 3
    )
    html = (
        "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        '<p class="read__place p-location"><i></i>The Palace, Velor</p>'
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )
    assert parse_html(html).location == "The Palace, Velor"
    assert parse_html(html.replace("p-location", "")).location is None
