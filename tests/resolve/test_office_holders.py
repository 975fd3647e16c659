"""A name written with a title resolves to the office holder only when it is a spelling of theirs."""

from __future__ import annotations

import pytest

from sidelines.resolve.actors import _surname_close


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
