"""Meetings named in other ways than a lead sentence: in transcripts, in participant lists, in
headings, and where the page itself says where its event took place."""

from __future__ import annotations

from spacy.language import Language

from sidelines.core import extract
from sidelines.types import Document, Extraction, Meeting

KREMLIN = {
    "publisher": "President of Russia",
    "url": "http://en.kremlin.ru/events/president/news/9",
}


def run(nlp: Language, text: str, published: str, **meta: str | None) -> Extraction:
    return extract(Document(text=text, published=published, **meta), nlp=nlp)


def held_with(result: Extraction, *names: str) -> list[Meeting]:
    return [
        m
        for m in result.meetings
        if m.status == "held" and set(names) <= {p.name for p in m.participants}
    ]


TRANSCRIPT = """Vladimir Putin met with Prime Minister of India Narendra Modi in Bishkek.

President of Russia Vladimir Putin: Mr Prime Minister, I am very glad to meet you again. Our last meeting took place in Sochi, and we have spoken on the phone several times since then.

Prime Minister of India Narendra Modi: Thank you, Mr President. You came to India last year, and that visit gave our ties a new impetus. I hope that we will meet again soon.
"""


def test_earlier_meetings_a_speaker_mentions(nlp: Language) -> None:
    result = run(nlp, TRANSCRIPT, "2019-06-13", **KREMLIN)
    meetings = held_with(result, "Vladimir Putin", "Narendra Modi")
    main = [m for m in meetings if m.date == "2019-06-13"]
    earlier = [m for m in meetings if m.date is None]
    assert len(main) == 1 and main[0].place == "Bishkek"
    assert {m.mode for m in earlier} >= {"phone", "in_person"}
    assert any(m.country == "IND" for m in earlier)  # "You came to India last year"
    assert any(m.place == "Sochi" for m in earlier)
    # "I am very glad to meet you again" is the meeting being transcribed, not another one
    assert len(earlier) <= 3
    planned = [m for m in result.meetings if m.status == "planned"]
    assert planned, "'we will meet again soon' is a planned meeting"


def test_talks_being_held_are_not_an_earlier_meeting(nlp: Language) -> None:
    text = (
        "Vladimir Putin held talks with President of Kazakhstan Kassym-Jomart Tokayev.\n\n"
        "President of Russia Vladimir Putin: Mr President, we had very constructive talks today "
        "and discussed the whole range of our relations.\n"
    )
    result = run(nlp, text, "2020-01-20", **KREMLIN)
    assert len(held_with(result, "Vladimir Putin", "Kassym-Jomart Tokayev")) == 1


def test_participant_list_names_the_other_side(nlp: Language) -> None:
    text = (
        "Laura Bennett, Director of the Office of Civic Affairs, and Michael Torres, Senior Advisor "
        "to the President, convened mayors to discuss flood recovery.\n\n"
        "Participants in the meeting included:\n\n"
        "-   Mayor Karen Wallace of Riverton\n"
        "-   Mayor James Porter of Lakeside\n"
    )
    result = run(nlp, text, "2024-05-02", publisher="The White House")
    [meeting] = held_with(result, "Laura Bennett", "Karen Wallace", "James Porter")
    sides = {p.name: p.side for p in meeting.participants}
    assert sides["Laura Bennett"] == sides["Michael Torres"]
    assert sides["Karen Wallace"] == sides["James Porter"] != sides["Laura Bennett"]
    assert any("Participants in the meeting included" in e.text for e in meeting.evidence)


def test_host_side_list_is_companions(nlp: Language) -> None:
    text = (
        "Vice President Kamala Harris met today with President Emmanuel Macron of France.\n\n"
        "Administration participants included:\n\n"
        "-   Laura Bennett, Deputy Assistant to the President\n"
    )
    result = run(nlp, text, "2023-03-01", publisher="The White House")
    [meeting] = held_with(result, "Kamala Harris", "Emmanuel Macron")
    assert "Laura Bennett" not in {p.name for p in meeting.participants}
    assert "Laura Bennett" in {p.name for p in meeting.accompanying}


def test_misparsed_heading_read_by_position(nlp: Language) -> None:
    result = run(
        nlp,
        "The conversation focused on trade.",
        "2019-12-03",
        title="Telephone conversation with Ursula von der Leyen",
        **KREMLIN,
    )
    [meeting] = held_with(result, "Vladimir Putin", "Ursula von der Leyen")
    assert meeting.mode == "phone"


def test_page_location_places_the_main_meeting(nlp: Language) -> None:
    text = "Vladimir Putin held talks with President of Turkmenistan Gurbanguly Berdimuhamedov."
    result = run(nlp, text, "2017-10-02", location="Ashgabat", **KREMLIN)
    [meeting] = held_with(result, "Vladimir Putin", "Gurbanguly Berdimuhamedov")
    assert (meeting.place, meeting.country, meeting.date) == ("Ashgabat", "TKM", "2017-10-02")


def test_page_location_does_not_move_a_meeting_placed_elsewhere(nlp: Language) -> None:
    text = "Vladimir Putin met with Prime Minister of Japan Shinzo Abe in Osaka."
    result = run(nlp, text, "2019-06-29", location="The Kremlin, Moscow", **KREMLIN)
    [meeting] = held_with(result, "Vladimir Putin", "Shinzo Abe")
    assert (meeting.place, meeting.country) == ("Osaka", "JPN")
