"""Plain text, text normalisation, dates and the English check."""

from __future__ import annotations

import datetime as dt

import pytest
from ingest_samples import GERMAN_TEXT, READOUT_TEXT

from sidelines.errors import LanguageError
from sidelines.ingest import check_english, english_ratio, normalise_text, parse_text
from sidelines.ingest.dates import iso_date


def test_short_first_line_is_the_title_and_stays_in_the_text() -> None:
    text = "Solen speaks with Reyk\n\n" + READOUT_TEXT
    document = parse_text(text, path="call.txt")
    assert document.title == "Solen speaks with Reyk"
    assert document.text == text
    assert document.title_span == (0, len("Solen speaks with Reyk"))
    assert document.path == "call.txt"


def test_title_span_skips_leading_blank_lines_and_spaces() -> None:
    document = parse_text("\n\n   Solen speaks with Reyk  \n" + READOUT_TEXT)
    assert document.title == "Solen speaks with Reyk"
    assert document.title_span is not None
    start, end = document.title_span
    assert document.text[start:end] == "Solen speaks with Reyk"


@pytest.mark.parametrize(
    "first_line",
    [
        "The leaders met in the capital.",  # ends with a full stop: a sentence
        "A" * 151,  # too long for a title
        "* * *",  # a rule
    ],
)
def test_sentence_or_long_first_line_is_not_a_title(first_line: str) -> None:
    document = parse_text(first_line + "\n" + READOUT_TEXT)
    assert document.title is None
    assert document.title_span is None


def test_single_line_text_has_no_title() -> None:
    assert parse_text("Solen speaks with Reyk").title is None


def test_normalise_text_is_light() -> None:
    raw = "\ufeff\r\nFirst\u00a0line  \r\nSecond\tline\t\r\n\r\n\u201cQuoted\u201d \u2013 kept\n\n"
    assert normalise_text(raw) == "First line\nSecond\tline\n\n\u201cQuoted\u201d \u2013 kept"


def test_normalise_text_keeps_length_of_no_break_spaces() -> None:
    raw = "Mr\u00a0Solen met Mr\u202fReyk."
    assert normalise_text(raw) == "Mr Solen met Mr Reyk."
    assert len(normalise_text(raw)) == len(raw)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-01-26", "2021-01-26"),
        ("2021-01-26 14:26:27-05:00", "2021-01-26"),
        ("2021-01-26T23:30:00+09:00", "2021-01-26"),
        ("2021/1/6", "2021-01-06"),
        ("20210126", "2021-01-26"),
        ("January 26, 2021", "2021-01-26"),
        ("26 Jan 2021", "2021-01-26"),
        ("March 3rd, 2020", "2020-03-03"),
        (dt.date(2021, 1, 26), "2021-01-26"),
        (dt.datetime(2021, 1, 26, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))), "2021-01-26"),
        ("2021-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20210126, None),
    ],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_english_text_passes_the_language_check() -> None:
    assert english_ratio(READOUT_TEXT) > 0.2
    assert check_english(READOUT_TEXT, "x.txt") == "en"


def test_other_language_fails_the_language_check_with_a_clear_message() -> None:
    with pytest.raises(LanguageError, match=r"\[E004\] de\.txt: not English"):
        check_english(GERMAN_TEXT, "de.txt")


def test_short_texts_are_not_language_checked() -> None:
    assert check_english("Treffen in Berlin", "short.txt") == "en"
