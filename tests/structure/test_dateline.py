"""Datelines: where and when a news story was filed, found past a page's own furniture."""

import pytest

from sidelines.structure.dateline import find_dateline


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
