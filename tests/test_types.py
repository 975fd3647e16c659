"""The shared types: a party's identity within a document."""

from __future__ import annotations

from sidelines.types import Participant


def test_a_party_is_known_by_its_kb_id_else_its_folded_name() -> None:
    assert Participant("Sergey Lavrov", actor_id="sergey-lavrov").key == "sergey-lavrov"
    assert Participant("Mr. Mevlüt Çavuşoğlu").key == Participant("Mevlut Cavusoglu").key
    assert Participant("the President").key == "the president"  # honorifics only: kept whole
