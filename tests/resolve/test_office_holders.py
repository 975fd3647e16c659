"""A name written with a title resolves to the office holder only when it is a spelling of theirs."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sidelines.core import extract
from sidelines.resolve.actors import _surname_close
from sidelines.types import Document


@pytest.mark.parametrize(
    ("held", "written"),
    [
        ("Naftali Bennett", "Naftali Benet"),
        ("Joseph Biden", "Joe Biden"),
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("William Ruto", "Bill Ruto"),
        ("Narendra Modi", "Modi"),
    ],
)
def test_a_spelling_of_the_holders_name(held: str, written: str) -> None:
    assert _surname_close(held, written)


@pytest.mark.parametrize(
    ("held", "written"),
    [
        ("Nana Akufo-Addo", "Kofi Addo"),  # another given name: another person
        ("Sergey Lavrov", "Sergey Shoigu"),
    ],
)
def test_another_persons_name(held: str, written: str) -> None:
    assert not _surname_close(held, written)


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Lavrov Sergei met Wang Yi in Beijing on Monday.", "sergey-lavrov"),
        (
            "Russian Foreign Minister Lavrov Sergei held talks with Chinese Foreign Minister Wang "
            "Yi on Monday.",
            "sergey-lavrov",
        ),
    ],
)
def test_a_known_name_written_family_name_first(nlp: Language, text: str, actor_id: str) -> None:
    result = extract(Document(text=text, published="2024-03-05"), nlp=nlp)
    assert actor_id in {p.actor_id for m in result.meetings for p in m.participants}


def test_an_unknown_name_family_name_first_stays_as_written(nlp: Language) -> None:
    result = extract(
        Document(text="Mensah Amara met Kaya Chipo on Monday.", published="2024-03-05"), nlp=nlp
    )
    names = {p.name for m in result.meetings for p in m.participants}
    assert names == {"Mensah Amara", "Kaya Chipo"}
