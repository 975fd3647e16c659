"""Name matching used by the evaluator: variants and surnames match, other people do not."""

from __future__ import annotations

import pytest

from sidelines.evaluate.names import NameKind, match_keys, name_form, names_match, same_name

MATCHING = [
    ("Sergei Lavrov", ["Sergey Lavrov"]),
    ("Lavrov", ["Sergey Lavrov"]),
    ("Russian Foreign Minister Sergei Lavrov", ["Sergey Lavrov"]),
    ("Zelensky", ["Volodymyr Zelenskyy"]),
    ("Volodymyr Zelensky", ["Volodymyr Zelenskyy"]),
    ("Berdymukhamedov", ["Gurbanguly Berdimuhamedov"]),
    ("Gurbanguly Berdymukhamedov", ["Gurbanguly Berdimuhamedov"]),
    ("Wang", ["Wang Yi"]),
    ("Xi", ["Xi Jinping"]),
    ("President Xi Jinping", ["Xi Jinping"]),
    ("Yoon Suk-yeol", ["Yoon Suk Yeol"]),
    ("Çavuşoğlu", ["Mevlüt Cavusoglu"]),
    ("H.E. Mr. Cavusoglu", ["Mevlut Çavuşoğlu"]),
    ("el-Sisi", ["Abdel Fattah Al-Sisi"]),
    ("Abdel Fattah el-Sisi", ["Abdel Fattah Al-Sisi"]),
    ("Donald J. Trump", ["Donald Trump"]),
    ("Joseph R. Biden, Jr.", ["Biden"]),
    ("Dr. Gordon", ["Phil Gordon"]),
    ("Maye Quade", ["Erin Maye Quade"]),
    ("Prime Minister Naftali Bennett of Israel", ["Naftali Bennett"]),
    ("President of Russia Vladimir Putin", ["Vladimir Putin"]),
    ("the Russian side", ["Russian side"]),
    ("Vice President", ["the Vice President"]),
    ("Russia", ["Vladimir Putin", "Russian side", "Russia"]),
    ("Yoko Kamikawa", ["Kamikawa Yoko"]),  # the same words in the other order
    ("Okano Masataka", ["Masataka Okano"]),
    ("Mohamed bin Zayed", ["Mohammed bin Zayed Al Nahyan"]),  # stops after the father's name
    ("Faisal bin Farhan Al Saud", ["Faisal bin Farhan"]),
    ("S. Jaishankar", ["Subrahmanyam Jaishankar"]),  # the given name as its initial
    ("Amara Okoye", ["A. Okoye"]),
    ("Pravind Jugnauth", ["Pravind Kumar Jugnauth"]),  # a middle name left out
]


@pytest.mark.parametrize(("predicted", "acceptable"), MATCHING)
def test_variants_and_surnames_match(predicted: str, acceptable: list[str]) -> None:
    assert names_match(predicted, acceptable)


@pytest.mark.parametrize(
    ("predicted", "acceptable"),
    [
        ("Putin", ["Vladimir Medvedev"]),
        ("Putin", ["Medvedev"]),
        ("Abe", ["Abdel"]),
        ("Abe", ["Abdel Fattah Al-Sisi"]),
        ("Joe", ["Joe Biden"]),  # a given name alone is not a surname
        ("Jill Biden", ["Joe Biden"]),
        ("Dasha Navalnaya", ["Yulia Navalnaya"]),
        ("King Salman", ["Mohammad bin Salman"]),  # "bin Salman" is a father's name
        ("Mohammed bin Salman", ["Mohammed bin Zayed"]),
        ("Abdullah bin Zayed", ["Mohammed bin Zayed Al Nahyan"]),  # a brother
        ("Mohammed bin Salman", ["Mohammed bin Zayed Al Nahyan"]),
        ("Kim Jong Il", ["Kim Jong Un"]),
        ("Kim Yo Jong", ["Kim Jong Un"]),
        ("Austrian side", ["Australian side"]),
        ("President of Iran", ["President of Iraq"]),
        ("President", ["the Vice President"]),
        ("China", ["People's Republic of China"]),
        ("Department of Defense", ["Department of Health and Human Services"]),
        ("Salma", ["Salman"]),
        ("J. Okoye", ["Amara Okoye"]),  # another initial
        ("A. Mensah", ["Amara Okoye"]),
        ("Mohammed Salman", ["Mohammed bin Zayed Al Salman"]),  # no middle name: a lineage
        ("Kim Un", ["Kim Jong Un"]),  # an East-Asian name's words are all its own
        ("", ["Vladimir Putin"]),
        ("Putin", []),
    ],
)
def test_other_names_do_not_match(predicted: str, acceptable: list[str]) -> None:
    assert not names_match(predicted, acceptable)


@pytest.mark.parametrize(("predicted", "acceptable"), MATCHING)
def test_matching_names_share_a_lookup_key(predicted: str, acceptable: list[str]) -> None:
    # what lets the store find an actor's candidates through an index before comparing names
    for name in acceptable:
        if same_name(predicted, name):
            assert match_keys(predicted) & match_keys(name), (predicted, name)


def test_lookup_keys_are_whole_words() -> None:
    assert match_keys("Abe") == {"abe"}
    assert not match_keys("Abe") & match_keys("Elizabeth Bennett")
    assert match_keys("") == frozenset()


def test_matching_is_symmetric() -> None:
    pairs = [("Lavrov", "Sergey Lavrov"), ("Wang", "Wang Yi"), ("Putin", "Vladimir Medvedev")]
    for a, b in pairs:
        assert same_name(a, b) == same_name(b, a)


def test_name_forms() -> None:
    lavrov = name_form("Russian Foreign Minister Sergei Lavrov")
    assert lavrov.tokens == ("sergei", "lavrov")
    assert lavrov.kind is NameKind.PERSON
    assert name_form("President of Russia").kind is NameKind.TITLE
    assert name_form("the Russian President").kind is NameKind.TITLE
    assert name_form("Chinese side").kind is NameKind.COLLECTIVE
    assert name_form("African Union").kind is NameKind.LABEL
