"""Date mentions: the recogniser's DATE entities and the relative-day words of ``cues.yaml``."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Amara Mensah spoke earlier today with Sione Baraka.", "earlier today"),
        ("On Monday, Amara Mensah met Sione Baraka.", "On Monday"),
        ("Amara Mensah met Sione Baraka this morning in Suva.", "this morning"),
        ("Amara Mensah met Sione Baraka yesterday.", "yesterday"),
    ],
)
def test_a_relative_day_is_one_mention(nlp: Language, text: str, said: str) -> None:
    dates = [d.text for d in nlp(text)._.sl_dates]
    assert any(said.lower() in d.lower() for d in dates), dates
    # the longest words win: "earlier today" is one mention, not also "today"
    assert len([d for d in dates if "today" in d.lower()]) <= 1


def test_no_relative_day_in_other_words(nlp: Language) -> None:
    dates = nlp("Amara Mensah met Sione Baraka to discuss the Monday Club.")._.sl_dates
    assert [d.text for d in dates if d.text.lower().startswith("on ")] == []
