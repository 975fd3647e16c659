"""Datelines: where and when a news story was filed, found past a page's own furniture."""

import datetime as dt

import pytest

from sidelines.structure.dateline import find_dateline, release_date


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("ACCRA, March 4 (Test Wire) -- Ghana's foreign minister met ...", "Accra", "March 4"),
        ("ASTANA, Kazakhstan, June 12. President Tokayev received ...", "Astana", "June 12"),
        ("New Delhi: External Affairs Minister S Jaishankar met ...", "New Delhi", None),
        ("Lima, 3 May 2024 (Andina) – Peru's foreign minister held ...", "Lima", "3 May 2024"),
        (
            "TOP STORIES\n\nSource: Test Wire| 2024-03-05 |Editor: Jane Roe\n\n"
            "ACCRA, March 4 (Test Wire) -- Ghana's foreign minister met ...",
            "Accra",
            "March 4",
        ),
        ("Photo: Test Wire\n\nDAKAR, Jan. 9 (Test Wire) -- Senegal's ...", "Dakar", "Jan. 9"),
    ],
)
def test_dateline_found(text: str, place: str, date: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.date) == (place, date)


@pytest.mark.parametrize(
    "text",
    [
        "Source: Test Wire\n\nThe ministers met in Accra.",
        "Editor: Jane Roe\n\nThe ministers met in Accra.",
        "The ministers met in Accra on Monday, officials said.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a readout republished the next day: its own date line is the day "today" means
        (
            "Readout\n\nOffice of the Spokesperson\n\nApril 27, 2021\n\nThe Secretary met today.",
            "2021-04-28",
            "2021-04-27",
        ),
        (
            "Press release\nTuesday, 3 March 2026\nThe minister received today ...",
            "2026-03-05",
            "2026-03-03",
        ),
        ("Statement\n12 Sept 2023\nThe prime minister spoke today with ...", None, "2023-09-12"),
        # the page's own date on its own line: the same day
        ("Communique\n\nJune 2, 2017\n\nThe two leaders met.", "2017-06-02", "2017-06-02"),
    ],
)
def test_release_date_line(text: str, published: str | None, expected: str) -> None:
    day = dt.date.fromisoformat(published) if published else None
    assert release_date(text, day) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a date inside a sentence, a date with no year, a date after the page's own date, a date
        # long before it (an archive list), a date line deep in the page
        ("The ministers met on April 27, 2021 in Nairobi.", "2021-04-28"),
        ("Readout\nApril 27\nThe Secretary met today.", "2021-04-28"),
        ("Readout\nApril 29, 2021\nThe Secretary met today.", "2021-04-28"),
        ("See also\nMarch 2, 2021\nEarlier talks.", "2021-04-28"),
        ("x" * 1300 + "\nApril 27, 2021\n", "2021-04-28"),
    ],
)
def test_no_release_date_line(text: str, published: str) -> None:
    assert release_date(text, dt.date.fromisoformat(published)) is None
