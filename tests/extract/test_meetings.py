import pytest
from spacy.language import Language

from sidelines.core import extract
from sidelines.types import Document, Extraction


def run(nlp: Language, text: str, published: str = "2022-11-16", **meta: str) -> Extraction:
    return extract(Document(text=text, published=published, **meta), nlp=nlp)


def dyads(extraction: Extraction) -> set[frozenset[str]]:
    out = set()
    for meeting in extraction.meetings:
        if meeting.status != "held":
            continue
        for a in meeting.participants:
            for b in meeting.participants:
                if a.side != b.side:
                    out.add(frozenset({a.name, b.name}))
    return out


def test_met_with_on_the_sidelines(nlp: Language) -> None:
    result = run(
        nlp,
        "Chinese Foreign Minister Wang Yi met with his Russian counterpart Sergey Lavrov "
        "in Bali, Indonesia, on November 15, on the sidelines of the G20 Summit.",
    )
    assert dyads(result) == {frozenset({"Wang Yi", "Sergey Lavrov"})}
    meeting = result.meetings[0]
    assert (meeting.mode, meeting.date, meeting.place, meeting.country) == (
        "in_person",
        "2022-11-15",
        "Bali",
        "IDN",
    )
    assert meeting.occasion is not None and "G20" in meeting.occasion
    assert {p.country for p in meeting.participants} == {"CHN", "RUS"}
    assert meeting.evidence and "met with" in meeting.evidence[0].text


def test_companions_are_not_principals(nlp: Language) -> None:
    result = run(
        nlp,
        "On November 15, Foreign Minister Wang Yi, who was accompanying President Xi Jinping "
        "to the summit, met with Russian Foreign Minister Sergei Lavrov.",
    )
    names = {p.name for m in result.meetings for p in m.participants}
    assert "Xi Jinping" not in names
    assert {"Wang Yi", "Sergey Lavrov"} <= names


def test_phone_call_from_a_title_and_publisher(nlp: Language) -> None:
    result = run(
        nlp,
        "The sides discussed the situation in Libya.",
        published="2020-06-09",
        title="Telephone conversation with Federal Chancellor of Germany Angela Merkel",
        publisher="President of Russia",
        url="http://en.kremlin.ru/events/president/news/1",
    )
    assert dyads(result) == {frozenset({"Vladimir Putin", "Angela Merkel"})}
    assert result.meetings[0].mode == "phone"
    assert result.meetings[0].date == "2020-06-09"


def test_referred_meeting_has_no_date(nlp: Language) -> None:
    result = run(
        nlp,
        "Chinese President Xi Jinping, in his meeting with German Chancellor Olaf Scholz, "
        "opposed the use of nuclear weapons.",
    )
    assert frozenset({"Xi Jinping", "Olaf Scholz"}) in dyads(result)
    meeting = next(
        m
        for m in result.meetings
        if {p.name for p in m.participants} >= {"Xi Jinping", "Olaf Scholz"}
    )
    assert meeting.date is None


def test_future_meeting_is_planned(nlp: Language) -> None:
    result = run(
        nlp,
        "President Joe Biden will meet with Prime Minister Fumio Kishida of Japan next week.",
        published="2023-01-05",
    )
    assert result.meetings and all(m.status == "planned" for m in result.meetings)


def test_same_meeting_reported_twice_is_one(nlp: Language) -> None:
    text = (
        "Vladimir Putin held talks with Prime Minister of India Narendra Modi. "
        "Later, Putin and Modi met with business leaders. Vladimir Putin met with Narendra Modi today."
    )
    result = run(nlp, text, published="2019-09-04")
    held = [m for m in result.meetings if m.status == "held"]
    assert len(held) == 1
    assert len(held[0].evidence) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Kofi Boateng held talks with Amara Mensah on Monday, according to Accra's foreign "
        "ministry.",
        "According to Seoul’s foreign ministry, Park Jin held talks with Wang Yi on Monday.",
    ],
)
def test_a_city_in_the_possessive_is_no_meeting_place(nlp: Language, text: str) -> None:
    meetings = extract(Document(text=text, published="2024-03-05"), nlp=nlp).meetings
    assert meetings
    assert all(m.place is None for m in meetings), [m.place for m in meetings]


WIRE_PAGE = (
    "Ghana, Kenya ministers hold talks in Accra\n\n"
    "TOP STORIES\n\n"
    "Source: Test Wire| 2024-03-05 10:12:01 |Editor: Jane Roe\n\n"
    "ACCRA, March 4 (Test Wire) -- Ghanaian Foreign Minister Amara Mensah held talks with his "
    "Kenyan counterpart Wanjiru Kamau here on Monday.\n\n"
    "Mensah said the two countries would sign a trade deal soon.\n"
)


def test_a_wire_story_places_its_meeting_by_the_dateline_and_its_agency_is_no_party(
    nlp: Language,
) -> None:
    meetings = run(nlp, WIRE_PAGE, published="2024-03-05").meetings
    assert len(meetings) == 1
    meeting = meetings[0]
    assert {p.name for p in meeting.participants} == {"Amara Mensah", "Wanjiru Kamau"}
    assert (meeting.date, meeting.place, meeting.country) == ("2024-03-04", "Accra", "GHA")


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Ghana, Kenya foreign ministers hold talks in Lima", "Lima"),
        ("Arab foreign ministers gather in Cairo for urgent talks on Gaza", "Cairo"),
        ("Tokayev backs holding a Central Asia summit in Seoul", None),
        ("Mensah and Kamau will meet again in Nairobi", None),
    ],
)
def test_the_headline_places_the_storys_meeting(
    nlp: Language, title: str, place: str | None
) -> None:
    text = (
        "Ghanaian Foreign Minister Amara Mensah held talks with Kenyan Foreign Minister "
        "Wanjiru Kamau on Monday.\n\nThey discussed trade and fisheries.\n"
    )
    meetings = run(nlp, text, published="2024-03-05", title=title).meetings
    held = [m for m in meetings if m.status == "held"]
    assert len(held) == 1
    assert held[0].place == place


def test_the_vice_president_is_not_the_president_named_before(nlp: Language) -> None:
    text = (
        "President Oumar Diallo met Amara Mensah in Bamako on Monday. Later, the vice president "
        "met Kofi Boateng."
    )
    for meeting in run(nlp, text, published="2024-03-05").meetings:
        names = {p.name for p in meeting.participants}
        assert not ({"Oumar Diallo", "Kofi Boateng"} <= names), names


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Premier Li Qiang on Thursday called for closer ties with New Zealand.\n\n"
            "Li held talks with Governor-General Cindy Kiro, who said trade was growing.",
            "2024-02-29",
        ),
        (
            "Following the meeting held in London on 22 February 2024, a spokesperson said:\n\n"
            "Foreign Secretary Amara Mensah hosted Kenyan Foreign Minister Wanjiru Kamau.",
            "2024-02-22",
        ),
        (
            "Markets in Accra rallied on Thursday.\n\n"
            "Foreign Minister Amara Mensah met Kofi Boateng in Accra.",
            None,
        ),
    ],
)
def test_an_undated_meeting_takes_the_day_of_the_sentence_before(
    nlp: Language, text: str, date: str | None
) -> None:
    held = [m for m in run(nlp, text, published="2024-03-05").meetings if m.status == "held"]
    assert held
    assert held[0].date == date


def test_talks_between_them_last_week_were_held(nlp: Language) -> None:
    text = "The talks between Amara Mensah and Kofi Boateng last week focused on trade."
    meetings = run(nlp, text, published="2024-03-05").meetings
    assert [m.status for m in meetings] == ["held"]


@pytest.mark.parametrize(
    "text",
    [
        "Jaishankar held bilateral meetings with his counterparts from Egypt and Uganda.",
        "Amara Mensah held meetings with Sione Baraka and Kofi Addo in Suva.",
    ],
)
def test_held_meetings_with_two_parties_are_two_meetings(nlp: Language, text: str) -> None:
    result = extract(Document(text=text, published="2024-03-05"), nlp=nlp)
    assert len(result.meetings) == 2
    assert all(len(m.participants) == 2 for m in result.meetings)


def test_held_talks_with_two_parties_is_one_meeting(nlp: Language) -> None:
    text = "Amara Mensah held talks with Sione Baraka and Kofi Addo in Suva."
    result = extract(Document(text=text, published="2024-03-05"), nlp=nlp)
    assert len(result.meetings) == 1


def test_a_present_headline_and_a_dated_body_are_one_meeting(nlp: Language) -> None:
    title = "FM Mensah holds talks with Fijian counterpart Baraka"
    text = (
        title + "\n\nNew Delhi: Foreign Minister Amara Mensah on Monday held talks with his "
        "visiting Fijian counterpart Sione Baraka."
    )
    result = extract(Document(text=text, title=title, published="2024-03-05"), nlp=nlp)
    held = [m for m in result.meetings if m.status == "held"]
    assert [m.date for m in held] == ["2024-03-04"], [(m.date, m.participants) for m in held]


def test_a_headline_and_a_body_a_week_apart_stay_two(nlp: Language) -> None:
    title = "FM Mensah holds talks with Fijian counterpart Baraka"
    text = title + "\n\nAmara Mensah met Sione Baraka in Suva on February 20."
    result = extract(Document(text=text, title=title, published="2024-03-05"), nlp=nlp)
    assert len([m for m in result.meetings if m.status == "held"]) == 2


@pytest.mark.parametrize(
    ("title", "body", "pair"),
    [
        (
            "Readout of Vice President Kamala Harris Call with President Kais Saied of Tunisia",
            "Vice President Kamala Harris spoke today with President Kais Saied of Tunisia.",
            {"Kamala Harris", "Kais Saied"},
        ),
        (
            "Readout of Deputy Secretary Amara Mensah Meeting with Foreign Minister Kofi Addo",
            "Deputy Secretary Amara Mensah met today with Foreign Minister Kofi Addo of Ghana.",
            {"Amara Mensah", "Kofi Addo"},
        ),
    ],
)
def test_a_heading_names_its_own_side_before_the_publishers_principal(
    nlp: Language, title: str, body: str, pair: set[str]
) -> None:
    # on a White House page "Call with X" alone is the President's; a heading that names who
    # called is that person's, and the genre word ("Meeting") is no part of a name
    result = extract(
        Document(
            text=f"{title}\n\n{body}",
            title=title,
            published="2021-07-21",
            publisher="The White House",
        ),
        nlp=nlp,
    )
    assert [{p.name for p in m.participants} for m in result.meetings] == [pair]
