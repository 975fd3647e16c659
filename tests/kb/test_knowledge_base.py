import datetime as dt
import itertools

import pytest

from sidelines.kb import KnowledgeBase, office_of_title


def test_office_of_title() -> None:
    assert office_of_title("Federal Chancellor of Germany") == ("head_of_government", "chancellor")
    assert office_of_title("State Councilor and Foreign Minister")[0] == "foreign_minister"  # type: ignore[index]
    assert office_of_title("Vice President")[0] == "other"  # type: ignore[index]


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        ("Deputy Secretary of State", "deputy secretary of state"),
        ("South Korea's vice foreign minister", "vice foreign minister"),
        ("First Deputy Foreign Minister", "deputy foreign minister"),
        ("Assistant Secretary of State for African Affairs", "assistant secretary of state"),
        ("former Prime Minister", "former prime minister"),
        ("Vice-Premier", "vice premier"),
    ],
)
def test_a_rank_below_the_office_is_not_its_holder(title: str, phrase: str) -> None:
    assert office_of_title(title) == ("other", phrase)


def test_below_holder_titles_find_no_holder_of_the_office(kb: KnowledgeBase) -> None:
    day = dt.date(2022, 11, 15)
    assert kb.holder("CHN", "Foreign Minister", day) is not None
    for title in ("Vice Foreign Minister", "former Foreign Minister"):
        held = kb.holder("CHN", title, day)
        assert held is None or held[1].office != "foreign_minister", held
    assert office_of_title("Acting Foreign Minister") == ("foreign_minister", "foreign minister")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2022, 11, 15), "Wang Yi"),
        (dt.date(2023, 3, 1), "Qin Gang"),
        (dt.date(2023, 8, 1), "Wang Yi"),
    ],
)
def test_office_holder_changes_with_the_date(
    kb: KnowledgeBase, day: dt.date, expected: str
) -> None:
    held = kb.holder("CHN", "Foreign Minister", day)
    assert held is not None
    assert held[0].name == expected


def test_uk_prime_minister_through_2022(kb: KnowledgeBase) -> None:
    names = [
        kb.holder("GBR", "Prime Minister", dt.date(2022, m, d))
        for m, d in ((6, 1), (10, 1), (12, 1))
    ]
    assert [h[0].name for h in names if h] == ["Boris Johnson", "Liz Truss", "Rishi Sunak"]


def test_spelling_variants_resolve_to_one_person(kb: KnowledgeBase) -> None:
    a = kb.find_actors("Sergei Lavrov")
    b = kb.find_actors("Sergey Lavrov")
    assert a and b and a[0].id == b[0].id


def test_country_words(kb: KnowledgeBase) -> None:
    assert kb.country_code("Russian") == "RUS"
    assert kb.country_code("Germany") == "DEU"
    assert kb.place("Bali") is not None and kb.place("Bali").country == "IDN"  # type: ignore[union-attr]


def test_summit_instance_by_date(kb: KnowledgeBase) -> None:
    found = kb.summit("the G20 Summit", dt.date(2022, 11, 15))
    assert found is not None
    _series, instance = found
    assert instance is not None and instance.country == "IDN"


def test_seed_data_is_consistent(kb: KnowledgeBase) -> None:
    """No person holds two overlapping terms of one office in one country; dates are ordered."""
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = {}
    for actor in kb.actors.values():
        for role in actor.roles:
            if role.start and role.end:
                assert role.start <= role.end, (actor.id, role)
            if (
                role.office in {"head_of_state", "head_of_government", "foreign_minister"}
                and role.start
            ):
                key = (str(role.country), role.office)
                terms.setdefault(key, []).append((role.start, role.end or dt.date.max, actor.id))
    for key, spans in terms.items():
        spans.sort()
        for (_s1, e1, a1), (s2, _e2, a2) in itertools.pairwise(spans):
            assert s2 >= e1 or a1 == a2, f"{key}: {a1} until {e1} overlaps {a2} from {s2}"
