import pytest
from spacy.language import Language

from sidelines.nlp import ActorMention


def mentions(nlp: Language, text: str) -> list[ActorMention]:
    return list(nlp(text)._.sl_actors)


def test_long_title_before_a_name(nlp: Language) -> None:
    text = (
        "Member of the Political Bureau of the CPC Central Committee, State Councilor and "
        "Foreign Minister Wang Yi met with Russian Foreign Minister Sergei Lavrov."
    )
    found = {m.name: m for m in mentions(nlp, text) if m.kind == "name"}
    assert "Foreign Minister" in (found["Wang Yi"].title or "")
    assert found["Sergei Lavrov"].country_hint == "RUS"


def test_title_after_a_name(nlp: Language) -> None:
    text = "President Biden spoke with Prime Minister Naftali Bennett of Israel."
    bennett = next(m for m in mentions(nlp, text) if m.name == "Naftali Bennett")
    assert bennett.country_hint == "ISR"
    assert bennett.text.endswith("of Israel")


def test_surname_refers_back_to_the_full_name(nlp: Language) -> None:
    text = "Vladimir Putin met Angela Merkel in Sochi. Merkel thanked Putin for the invitation."
    later = [m for m in mentions(nlp, text) if m.start > text.index("Sochi")]
    assert {m.name for m in later} == {"Vladimir Putin", "Angela Merkel"}


def test_bare_titles_sides_and_groups(nlp: Language) -> None:
    text = (
        "The Russian President noted the progress. The Russian side proposed new talks. "
        "The two sides agreed to stay in touch."
    )
    kinds = {(m.kind, m.country_hint) for m in mentions(nlp, text)}
    assert ("title", "RUS") in kinds
    assert ("side", "RUS") in kinds
    assert any(k == "group" for k, _ in kinds)


def test_places_are_not_people(nlp: Language) -> None:
    text = "Gurbanguly Berdimuhamedov welcomed Vladimir Putin in Ashgabat."
    assert all(m.name != "Ashgabat" for m in mentions(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The UAE Minister of State for International Cooperation, and the foreign ministers of "
        "Egypt and Jordan attended.",
        "Amara Mensah, the Minister of State for Regional Integration, met Fatou Jallow.",
        "The Commissioner for Crisis Management, said the talks went well.",
    ],
)
def test_a_portfolio_after_for_is_no_name(nlp: Language, text: str) -> None:
    names = {m.name for m in mentions(nlp, text) if m.kind == "name"}
    assert not names & {"International Cooperation", "Regional Integration", "Crisis Management"}


@pytest.mark.parametrize(
    ("text", "name", "title_words"),
    [
        (
            "Tran Van Minh spoke with the Director for Asia-Pacific Affairs at the National "
            "Security Council Peter Holloway.",
            "Peter Holloway",
            ["Director for Asia-Pacific Affairs", "National Security Council"],
        ),
        (
            "Kofi Boateng met EU Commissioner for Crisis Management Janez Novak in Accra.",
            "Janez Novak",
            ["Commissioner for Crisis Management"],
        ),
        (
            "Wang Yi met Senior Adviser for Indo-Pacific Affairs at the State Department Rasa "
            "Petraitis.",
            "Rasa Petraitis",
            ["Senior Adviser for Indo-Pacific Affairs at the State Department"],
        ),
    ],
)
def test_a_title_runs_over_portfolios_hyphens_and_at(
    nlp: Language, text: str, name: str, title_words: list[str]
) -> None:
    found = {m.name: m for m in mentions(nlp, text) if m.kind == "name"}
    assert name in found, found
    for words in title_words:
        assert words in (found[name].title or ""), found[name].title


def test_a_bare_title_of_another_body_is_no_reference_back(nlp: Language) -> None:
    text = (
        "President Kofi Boateng met Amara Mensah. The president of the bank said growth was weak."
    )
    assert not [m for m in mentions(nlp, text) if m.kind == "title"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Amara Mensah met the Minister of Foreign Affairs of Peru on Monday.", "PER"),
        ("Kofi Boateng met the Minister of Foreign Affairs of Guinea-Bissau in Accra.", "GNB"),
        ("Amara Mensah met the Minister of Foreign Affairs and Cooperation of Senegal.", "SEN"),
    ],
)
def test_a_title_with_a_portfolio_then_its_country(nlp: Language, text: str, country: str) -> None:
    titles = [m for m in mentions(nlp, text) if m.kind == "title"]
    assert [m.country_hint for m in titles] == [country]


def test_a_name_on_a_line_over_its_title_is_a_name(nlp: Language) -> None:
    from sidelines.core import nlp_text

    text = (
        "We will meet again next year.\n\n"
        "Wanjiru Kamau\nForeign Minister of Kenya\nTomasz Wierzbicki\nMinister of Trade of Poland\n"
    )
    found = {m.name for m in nlp(nlp_text(text))._.sl_actors if m.kind == "name"}
    assert {"Wanjiru Kamau", "Tomasz Wierzbicki"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Park Jin called for cooperation between Seoul and Bejing on the peninsula.",
        "The ministers flew between Tokio and Seoul last week.",
    ],
)
def test_a_lone_word_coordinated_with_a_place_is_no_person(nlp: Language, text: str) -> None:
    names = {m.name for m in mentions(nlp, text) if m.kind == "name"}
    assert not names & {"Bejing", "Tokio"}


@pytest.mark.parametrize(
    "text",
    [
        "A meeting with Deutsche Bank was cancelled.",
        "Talks with the National Electoral Commission resumed on Monday.",
    ],
)
def test_an_institution_after_a_meeting_noun_is_no_person(nlp: Language, text: str) -> None:
    assert not [m for m in mentions(nlp, text) if m.kind == "name"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Vladimir Putin met film director Emir Kusturica in Moscow.", "Emir Kusturica", None),
        ("The bank's CEO King Okafor met Amara Mensah in Lagos.", "King Okafor", None),
        ("Vladimir Putin met Kuwaiti Emir Nawaf in Moscow.", "Nawaf", "Emir"),
        ("Vladimir Putin met the Emir Tamim in Doha.", "Tamim", "Emir"),
    ],
)
def test_a_title_word_after_another_title_is_a_given_name(
    nlp: Language, text: str, name: str, title: str | None
) -> None:
    found = {m.name: m for m in mentions(nlp, text) if m.kind == "name"}
    assert name in found, found
    if title is not None:
        assert title in (found[name].title or "")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Li Qiang met New Zealand's Governor-General Cindy Kiro in Wellington.",
            "Cindy Kiro",
            "NZL",
        ),
        (
            "Park Jin met Japan's Foreign Minister Tomasz Kowalski in Tokyo.",
            "Tomasz Kowalski",
            "JPN",
        ),
        (
            "Amara Mensah met South Africa's Deputy President Sipho Dube in Accra.",
            "Sipho Dube",
            "ZAF",
        ),
    ],
)
def test_a_countrys_possessive_before_a_title_gives_the_country(
    nlp: Language, text: str, name: str, country: str
) -> None:
    found = {m.name: m for m in mentions(nlp, text) if m.kind == "name"}
    assert found[name].country_hint == country


@pytest.mark.parametrize(
    "credit",
    [
        "(Jane Roe / Presidential Palace via Test Wire)",
        "(Photo by Tomasz Wierzbicki/Test Wire)",
        "(Photo: Rasa Petraitis)",
    ],
)
def test_a_photo_credit_names_no_party(nlp: Language, credit: str) -> None:
    text = f"Foreign Minister Amara Mensah met Kofi Boateng in Accra on Monday. {credit}"
    names = {m.name for m in mentions(nlp, text) if m.kind == "name"}
    assert names == {"Amara Mensah", "Kofi Boateng"}


def test_a_name_in_parentheses_that_is_no_credit_stays(nlp: Language) -> None:
    text = "Ghana's foreign minister (Amara Mensah) met Kenya's Kofi Boateng in Accra."
    names = {m.name for m in mentions(nlp, text) if m.kind == "name"}
    assert "Amara Mensah" in names


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Foreign Minster Sione Baraka met Amara Mensah.", "Sione Baraka", "Foreign Minster"),
        ("Prime Minster Narendra Modi met Amara Mensah.", "Narendra Modi", "Prime Minster"),
        ("Fiji's Foreign Minster Ana Tora arrived.", "Ana Tora", "Fiji's Foreign Minster"),
        # the abbreviated titles of news copy
        ("PM Sione Baraka also met Amara Mensah.", "Sione Baraka", "PM"),
        ("Later, EAM Ana Tora met Amara Mensah.", "Ana Tora", "EAM"),
        ("Amara Mensah met NSA Kofi Addo in Accra.", "Amara Mensah", None),
    ],
)
def test_a_misspelt_or_abbreviated_title_is_a_title_not_a_name(
    nlp: Language, text: str, name: str, title: str
) -> None:
    found = [m for m in mentions(nlp, text) if m.kind == "name"]
    assert found[0].name == name
    assert found[0].title == title
    assert not any(m.name.split()[0] in {"PM", "EAM", "NSA", "Minster"} for m in found), found


def test_a_title_right_before_a_surname_found_later_is_that_persons(nlp: Language) -> None:
    # the headline's "Kenyan President" is Kenyatta's title, not the office holder of the day
    text = (
        "Secretary Blinken's Virtual Meeting With Kenyan President Kenyatta\n\n"
        "Secretary of State Antony Blinken met today with Kenyan President Uhuru Kenyatta."
    )
    found = mentions(nlp, text)
    assert not [m for m in found if m.kind == "title" and m.text == "Kenyan President"]
    first = next(m for m in found if m.name == "Uhuru Kenyatta")
    assert first.text == "Kenyan President Kenyatta" and first.title == "Kenyan President"


@pytest.mark.parametrize(
    "text",
    [
        "AUC Chairperson meets with UN Secretary-General",
        "ECOWAS Chairman met the delegation in Abuja.",
    ],
)
def test_an_acronym_and_a_title_is_no_persons_name(nlp: Language, text: str) -> None:
    assert not [m for m in mentions(nlp, text) if m.kind == "name"]


def test_a_title_after_a_name_is_trimmed_from_it(nlp: Language) -> None:
    found = [m for m in mentions(nlp, "Mr Abbas Mahmoud President met Vladimir Putin.")]
    assert "Abbas Mahmoud" in [m.name for m in found if m.kind == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a page that lost the break between its heading and its text
        (
            "Meeting with the chairman of the State Sport Committee V. Fetisov Over the last "
            "few years the budget has doubled.",
            "V. Fetisov",
        ),
        ("Amara Mensah met Kofi Boateng Today in Accra.", "Kofi Boateng"),
    ],
)
def test_a_name_stops_before_a_word_that_opens_a_sentence(
    nlp: Language, text: str, name: str
) -> None:
    names = {m.name for m in mentions(nlp, text) if m.kind == "name"}
    assert name in names, names


def test_a_name_written_with_a_no_break_space_is_one_name(nlp: Language) -> None:
    from sidelines.core import extract
    from sidelines.types import Document

    text = "President Joe\u00a0Biden met Kenyan President William\u00a0Ruto on Monday."
    result = extract(Document(text=text, published="2024-03-05"), nlp=nlp)
    assert [sorted(p.name for p in m.participants) for m in result.meetings] == [
        ["Joe Biden", "William Ruto"]
    ]
    evidence = result.meetings[0].evidence[0]  # its offsets still point into the text as given
    assert text[evidence.start : evidence.end].replace("\u00a0", " ") == evidence.text
