import datetime as dt

import pytest

from sidelines.resolve import resolve_date

BASE = dt.date(2022, 11, 16)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("On November 15", dt.date(2022, 11, 15)),
        ("November 15, 2022 local time", dt.date(2022, 11, 15)),
        ("today", BASE),
        ("yesterday", dt.date(2022, 11, 15)),
        ("on Monday", dt.date(2022, 11, 14)),
        ("December 15–16, 2016", dt.date(2016, 12, 15)),
    ],
)
def test_dates_resolve_against_document_date(expression: str, expected: dt.date) -> None:
    assert resolve_date(expression, BASE) == expected


@pytest.mark.parametrize(
    "expression", ["last October", "2016", "last week", "this week", "the recent week"]
)
def test_expressions_without_a_day_fix_no_date(expression: str) -> None:
    assert resolve_date(expression, BASE) is None


def test_future_day_without_year_is_not_taken() -> None:
    assert resolve_date("December 25", BASE) is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Friday", dt.date(2022, 11, 18)),  # BASE is a Wednesday
        ("on Wednesday", BASE),
        ("on Monday", dt.date(2022, 11, 21)),
        ("December 25", dt.date(2022, 12, 25)),
        ("November 10", None),  # a day before the story is no day of a meeting to come
        ("March 3, 2023", dt.date(2023, 3, 3)),
    ],
)
def test_a_meeting_to_come_looks_ahead(expression: str, expected: dt.date | None) -> None:
    assert resolve_date(expression, BASE, future=True) == expected


@pytest.mark.parametrize(
    ("expression", "base", "expected"),
    [
        ("January 3", dt.date(2024, 1, 10), dt.date(2024, 1, 3)),
        ("December 28", dt.date(2024, 1, 10), dt.date(2023, 12, 28)),  # across the new year
        ("29 February", dt.date(2024, 3, 5), dt.date(2024, 2, 29)),
        ("29 February", dt.date(2023, 3, 5), None),  # no such day that year
        ("4 March 2019", dt.date(2024, 3, 5), dt.date(2019, 3, 4)),
    ],
)
def test_a_day_without_its_year_takes_the_year_nearest_the_document(
    expression: str, base: dt.date, expected: dt.date | None
) -> None:
    assert resolve_date(expression, base) == expected
