"""Markdown with and without YAML front matter."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_samples import READOUT_PARAGRAPHS, READOUT_TEXT

from sidelines.errors import InputError
from sidelines.ingest import parse_markdown
from sidelines.ingest.core import load_document
from sidelines.ingest.markdown import markdown_to_text

FRONT_MATTER_DOC = """---
tags: statements-releases
date: '2021-03-04'
source_url: https://www.president.example.org/briefing-room/2021/03/04/readout/
published_time: 2021-03-04 14:26:27-05:00
title: "Readout of President Solen\\u2019s Call with Prime Minister Reyk of\\_Norland"
---
\u00a0
{body}

\\###
"""


def test_front_matter_gives_metadata_and_title_is_not_added_to_text() -> None:
    document = parse_markdown(FRONT_MATTER_DOC.format(body=READOUT_TEXT), path="r.md")
    assert document.title == (
        "Readout of President Solen\u2019s Call with Prime Minister Reyk of Norland"
    )
    assert document.published == "2021-03-04"
    assert document.url == "https://www.president.example.org/briefing-room/2021/03/04/readout/"
    assert document.publisher == "president.example.org"  # host name when no publisher is given
    assert document.path == "r.md"
    assert document.title_span is None
    assert document.text.startswith(READOUT_PARAGRAPHS[0])
    assert "Readout of" not in document.text
    assert document.text.endswith("\n\n###")  # the escape is resolved, the end mark kept


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("date: 2021-03-04", "2021-03-04"),  # a YAML date object
        ("date: '2021-03-04'", "2021-03-04"),
        ("published: March 4, 2021", "2021-03-04"),
        ("published_time: 2021-03-04 23:10:00-05:00", "2021-03-04"),  # a YAML timestamp
        ("date: sometime\npublished_time: 2021-03-04T10:00:00Z", "2021-03-04"),
    ],
)
def test_front_matter_dates(date_line: str, expected: str) -> None:
    document = parse_markdown(f"---\ntitle: T\n{date_line}\n---\n{READOUT_TEXT}\n")
    assert document.published == expected


def test_publisher_url_and_language_keys() -> None:
    text = (
        "---\ntitle: T\nurl: https://example.net/a\nsite_name: Veloria Today\nlanguage: en-GB\n"
        f"---\n{READOUT_TEXT}"
    )
    document = parse_markdown(text)
    assert document.url == "https://example.net/a"
    assert document.publisher == "Veloria Today"
    assert document.language == "en-gb"


def test_markdown_without_front_matter_takes_the_heading_as_title() -> None:
    document = parse_markdown(f"# Solen speaks with Reyk\n\n{READOUT_TEXT}\n")
    assert document.title == "Solen speaks with Reyk"
    assert document.text.startswith("Solen speaks with Reyk\n\n")
    assert document.title_span == (0, len("Solen speaks with Reyk"))
    assert document.published is None


def test_markdown_markup_is_lightly_removed() -> None:
    body = (
        "## The \\_joint\\_ commission\n"
        'The **two sides** met at [the palace](https://example.org/p "Palace") in Veloria.\n'
        "![A photo](img.jpg)\n"
        "<!-- editor's note -->\n"
        "-   Item one\n"
        "-   Item 2\\. with a_b and 2 * 3 * 4\n"
        "See <https://example.org/full>.\n"
        "\\###"
    )
    assert markdown_to_text(body) == (
        "The _joint_ commission\n"
        "The two sides met at the palace in Veloria.\n"
        "A photo\n"
        "\n"
        "-   Item one\n"
        "-   Item 2. with a_b and 2 * 3 * 4\n"
        "See https://example.org/full.\n"
        "###"
    )


def test_invalid_front_matter_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"bad\.md: invalid YAML front matter"):
        parse_markdown("---\ntitle: [unclosed\n---\nText\n", path="bad.md")


def test_front_matter_that_is_not_a_mapping_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a mapping"):
        parse_markdown("---\n- a\n- b\n---\nText\n", path="list.md")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.net/world/2020/11/12/talks-in-suva", "2020-11-12"),
        ("https://news.example.net/2021-04-28-mensah-addo-call", "2021-04-28"),
        ("https://news.example.net/story_20230915_talks.html", "2023-09-15"),
        ("https://news.example.net/nation/2022/05/120_329248.html", None),  # a month, no day
        ("https://news.example.net/item/120329248", None),
    ],
)
def test_an_undated_page_takes_the_day_its_address_holds(
    tmp_path: Path, url: str, expected: str | None
) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"---\ntitle: T\nsource_url: {url}\n---\n{READOUT_TEXT}\n", encoding="utf-8")
    assert load_document(str(path)).published == expected


def test_a_written_date_wins_over_the_address(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        f"---\ntitle: T\ndate: 2020-11-13\nsource_url: https://n.example.net/2020/11/12/x\n---\n"
        f"{READOUT_TEXT}\n",
        encoding="utf-8",
    )
    assert load_document(str(path)).published == "2020-11-13"
