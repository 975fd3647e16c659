"""A summit series named without its edition resolves to the edition the meeting's day falls in."""

from __future__ import annotations

import datetime as dt

import pytest

from sidelines.kb import KnowledgeBase
from sidelines.resolve.places import resolve_occasion


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.mark.parametrize(
    "day",
    [
        dt.date(2024, 11, 18),  # the summit's first day
        dt.date(2024, 11, 20),  # a day after it
        dt.date(2024, 12, 10),  # a report three weeks later
    ],
)
def test_the_series_resolves_to_the_edition_near_the_day(kb: KnowledgeBase, day: dt.date) -> None:
    name, city, country = resolve_occasion(kb, "the G20 summit", "", day)
    assert name is not None and "Rio" in name, name
    assert (city, country) == ("Rio de Janeiro", "BRA")


@pytest.mark.parametrize("day", [dt.date(2024, 3, 4), dt.date(2024, 7, 1)])
def test_a_meeting_months_from_the_years_summit_was_not_held_at_it(
    kb: KnowledgeBase, day: dt.date
) -> None:
    name, city, country = resolve_occasion(kb, "the G20 summit", "", day)
    assert name is not None and "Rio" not in name, name
    assert (city, country) == (None, None)
