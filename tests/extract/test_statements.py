import pytest
from spacy.language import Language

from sidelines.core import extract
from sidelines.types import Document, Extraction


def run(nlp: Language, text: str, published: str = "2022-09-29") -> Extraction:
    return extract(Document(text=text, published=published), nlp=nlp)


def test_coordinated_cues_give_one_statement_each(nlp: Language) -> None:
    text = (
        "Vice President Kamala Harris met with President Yoon Suk Yeol of the Republic of Korea in Seoul. "
        "Vice President Harris reaffirmed that the alliance remains a linchpin of peace, emphasized the "
        "importance of the rules-based order, and noted our close cooperation on space."
    )
    result = run(nlp, text)
    cues = [s.cue for s in result.statements]
    assert cues[:3] == ["reaffirmed", "emphasized", "noted"]
    assert all(s.speakers[0].name == "Kamala Harris" for s in result.statements)
    assert "linchpin of peace" in result.statements[0].evidence[0].text
    assert "space" not in result.statements[0].evidence[0].text


def test_joint_statement_names_both_sides(nlp: Language) -> None:
    text = (
        "Chinese Foreign Minister Wang Yi met with Russian Foreign Minister Sergey Lavrov. "
        "The two sides reiterated that they will step up coordination within the SCO and BRICS."
    )
    result = run(nlp, text, published="2022-11-15")
    joint = next(s for s in result.statements if s.cue == "reiterated")
    assert {p.name for p in joint.speakers} == {"Wang Yi", "Sergey Lavrov"}
    assert {"SCO", "BRICS"} <= set(joint.topics)
    assert joint.meeting_id == result.meetings[0].id


def test_pronoun_speaker_and_statement_said_twice(nlp: Language) -> None:
    text = (
        "Lavrov met Wang Yi on Monday. Sergey Lavrov said that Russia is ready to work with China on energy. "
        "He also welcomed the summit.\n\nLater the ministry repeated it: Lavrov said that Russia is ready "
        "to work with China on energy."
    )
    result = run(nlp, text, published="2022-11-16")
    energy = [s for s in result.statements if "ready to work with China on energy" in s.text]
    assert len(energy) == 1
    assert len(energy[0].evidence) == 2
    welcomed = next(s for s in result.statements if s.cue == "welcomed")
    assert welcomed.speakers[0].name == "Sergey Lavrov"


def test_speaker_turns_of_a_transcript(nlp: Language) -> None:
    text = (
        "Meeting with Prime Minister of Japan Shinzo Abe\n\n"
        "President of Russia Vladimir Putin: Mr Prime Minister, friends, welcome to Moscow.\n\n"
        "We are glad to see you.\n\n"
        "Prime Minister of Japan Shinzo Abe (retranslated): Thank you. I am pleased to be here.\n"
    )
    result = run(nlp, text, published="2017-04-27")
    turns = {s.speakers[0].name: s for s in result.statements}
    assert "welcome to Moscow" in turns["Vladimir Putin"].evidence[0].text
    assert "We are glad" in turns["Vladimir Putin"].evidence[0].text
    assert "pleased to be here" in turns["Shinzo Abe"].evidence[0].text


def test_boilerplate_yields_nothing(nlp: Language) -> None:
    text = (
        "Minister A met Minister B.\n\nLeave a Reply\n\n"
        "Sergey Lavrov said that comments are welcome below.\n"
    )
    result = run(nlp, text)
    assert all("comments are welcome" not in s.text for s in result.statements)


def speakers_of(result: Extraction, fragment: str) -> list[set[str]]:
    return [
        {p.name for p in s.speakers}
        for s in result.statements
        if any(fragment in e.text for e in s.evidence)
    ]


def test_purpose_clause_speaks_for_the_meeting_subject(nlp: Language) -> None:
    text = (
        "President Joe Biden spoke today with Prime Minister Mark Rutte of the Netherlands "
        "to express his condolences for the victims of the storm."
    )
    assert speakers_of(run(nlp, text, "2023-02-01"), "condolences") == [{"Joe Biden"}]


def test_she_continues_the_subject_not_the_last_name(nlp: Language) -> None:
    text = (
        "Vice President Kamala Harris met with President Emmanuel Macron of France. "
        "The Vice President thanked President Macron for his leadership. "
        "She emphasized that the partnership remains strong."
    )
    assert speakers_of(run(nlp, text, "2023-02-01"), "partnership remains strong") == [
        {"Kamala Harris"}
    ]


def test_multiword_cue(nlp: Language) -> None:
    text = (
        "Prime Minister Rishi Sunak met with President Joe Biden. "
        "Prime Minister Sunak made clear that support for Ukraine will continue."
    )
    found = [s for s in run(nlp, text, "2023-06-08").statements if s.cue == "made clear"]
    assert found and found[0].speakers[0].name == "Rishi Sunak"
    assert found[0].text.startswith("support for Ukraine")


def test_passive_subject_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "Vladimir Putin met with President of Turkmenistan Gurbanguly Berdimuhamedov. "
        "The President of Turkmenistan was recognised for his contribution to the partnership."
    )
    assert speakers_of(run(nlp, text, "2017-10-02"), "was recognised") == []


def test_reported_speech_inside_a_statement_is_one_statement(nlp: Language) -> None:
    text = (
        "Wang Yi met with Sergey Lavrov in Bali. Wang Yi said that President Xi Jinping has "
        "put forward four points on the crisis."
    )
    assert speakers_of(run(nlp, text, "2022-11-15"), "four points") == [{"Wang Yi"}]


def test_a_participle_that_is_no_speech_cue_adds_no_statement(nlp: Language) -> None:
    text = (
        "Amara Mensah met Kofi Boateng in Accra. Mensah stressed the value of a dialogue between "
        "the two ports, aimed at, among other things, agreeing on steps for a new customs regime."
    )
    cues = [s.cue for s in run(nlp, text).statements]
    assert "stressed" in cues
    assert not [c for c in cues if c.startswith("agree")]


SIGNED = (
    "Joint Statement of the Foreign Ministers of Ghana, Kenya and Peru\n\n"
    "The undersigned foreign ministers reiterate their support for the regional fisheries "
    "agreement.\n\n"
    "They also underline the importance of sustainable catches for coastal communities.\n\n"
    "Our countries will continue to fund the joint patrol programme next year.\n\n"
    "Amara Mensah\nForeign Minister of Ghana\n"
    "Wanjiru Kamau\nForeign Minister of Kenya\n"
    "Rosa Quispe Mamani\nMinister of Foreign Affairs of Peru\n"
)


def test_a_statement_signed_by_several_is_theirs(nlp: Language) -> None:
    result = run(nlp, SIGNED)
    assert result.statements
    wanted = {"Amara Mensah", "Wanjiru Kamau", "Rosa Quispe Mamani"}
    for words in ("support for the regional", "sustainable catches", "joint patrol programme"):
        hit = [s for s in result.statements if words in s.evidence[0].text]
        assert hit, words
        assert {p.name for p in hit[0].speakers} == wanted
    countries = {p.name: p.country for p in result.statements[0].speakers}
    assert countries["Wanjiru Kamau"] == "KEN"


def test_names_over_titles_in_a_news_story_are_no_signatures(nlp: Language) -> None:
    text = (
        "Ghana and Kenya sign fisheries pact\n\n"
        "The two countries signed a fisheries agreement in Accra on Monday.\n\n"
        "The ministers said the deal would protect coastal communities.\n\n"
        "Amara Mensah\nForeign Minister of Ghana\nWanjiru Kamau\nForeign Minister of Kenya\n"
    )
    result = run(nlp, text)
    assert not [s for s in result.statements if s.cue == "stated"]


def test_reminded_with_no_party_as_subject_is_no_statement(nlp: Language) -> None:
    text = (
        "Amara Mensah met Kofi Boateng in Accra. The visit reminded many residents of the "
        "old ferry that once linked the two ports."
    )
    assert not [s for s in run(nlp, text).statements if s.cue.startswith("remind")]


@pytest.mark.parametrize(
    "items",
    [
        "• expand the fisheries patrols\n• open a joint training centre\n• meet again in May\n",
        "1. expand the fisheries patrols\n2. open a joint training centre\n3. meet again in May\n",
        "- expand the fisheries patrols\n- open a joint training centre\n- meet again in May\n",
    ],
)
def test_a_cue_that_introduces_a_list_gives_one_statement_per_item(
    nlp: Language, items: str
) -> None:
    text = (
        "Foreign Minister Amara Mensah held talks with Kofi Boateng, Ghana's trade minister, in "
        "Accra on Monday and agreed to:\n\n" + items
    )
    result = run(nlp, text)
    texts = [s.text for s in result.statements if s.cue == "agreed"]
    assert texts == [
        "expand the fisheries patrols",
        "open a joint training centre",
        "meet again in May",
    ]


def test_a_cue_that_announces_a_list_with_none_gives_nothing(nlp: Language) -> None:
    text = "Amara Mensah met Kofi Boateng in Accra on Monday and agreed to:\n\nPhotos: Reuters"
    assert not [s for s in run(nlp, text).statements if s.cue == "agreed"]


def test_a_speech_verb_before_a_name_with_no_quotation_gives_no_statement(nlp: Language) -> None:
    text = "Amara Mensah met Kofi Boateng in Accra. The ministry posted Mensah's schedule online."
    assert not [s for s in run(nlp, text).statements if s.cue == "posted"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Li Qiang on Thursday called on China and New Zealand to always stay as partners.",
            "to always stay as partners",
        ),
        ("Amara Mensah called upon both sides to resume the talks.", "to resume the talks"),
    ],
)
def test_called_on_someone_to_do_something_is_an_appeal(
    nlp: Language, text: str, words: str
) -> None:
    hits = [s for s in run(nlp, text).statements if words in s.text]
    assert hits and hits[0].cue.startswith("called")


def test_called_on_someone_at_a_place_is_no_appeal(nlp: Language) -> None:
    text = "Amara Mensah called on President Oumar Diallo at the palace on Monday."
    assert not [s for s in run(nlp, text).statements if s.cue.startswith("called")]


TRANSCRIPT = """President of Russia Vladimir Putin: Mr President, welcome to Moscow. We have much to \
discuss on trade.

{label}: {words}

President of Ghana Amara Mensah (retranslated): Thank you. We will expand cooperation in cocoa \
processing.

Vladimir Putin: Thank you. We support the projects in agriculture."""


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("Question", "What will the two countries do about energy supplies?"),
        ("Sberbank CEO Kofi Addo", "Our bank stands ready to finance the new port in Tema."),
        ("Moderator", "Thank you, colleagues, the floor is open."),
        ("Remark", "Inaudible."),
    ],
)
def test_a_label_we_cannot_name_still_ends_the_turn_before_it(
    nlp: Language, label: str, words: str
) -> None:
    text = TRANSCRIPT.format(label=label, words=words)
    result = run(nlp, text, published="2024-03-05")
    putin = [s for s in result.statements if s.speakers[0].name == "Vladimir Putin"]
    assert putin, [(s.speakers[0].name, s.text) for s in result.statements]
    for statement in result.statements:
        if statement.speakers[0].name in {"Vladimir Putin", "Amara Mensah"}:
            assert words not in statement.text, statement.text
            assert f"{label}:" not in statement.text, statement.text


def test_a_sentence_ending_in_a_colon_is_no_label(nlp: Language) -> None:
    text = (
        "President of Russia Vladimir Putin: Mr President, we have much to discuss.\n\n"
        "The key point is this: trade between our countries has doubled since 2020.\n\n"
        "Amara Mensah: Thank you."
    )
    result = run(nlp, text, published="2024-03-05")
    putin = [s for s in result.statements if s.speakers[0].name == "Vladimir Putin"]
    assert any("trade between our countries has doubled" in s.text for s in putin), [
        (s.speakers[0].name, s.text) for s in result.statements
    ]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Amara Mensah met US Secretary of State Antony Blinken in Accra on Monday. The US "
            "officials also expressed appreciation for Ghana's hosting of the summit.",
            {"Antony Blinken"},
        ),
        (
            "Vivian Balakrishnan met Mike Pompeo and John Bolton in Washington on Monday. The "
            "American officials expressed support for Singapore's chairmanship.",
            {"Mike Pompeo", "John Bolton"},
        ),
        (
            "Lena Brandt met Foreign Minister Oumar Diallo of Mali in Berlin on Monday. The "
            "Malian delegation welcomed the new aid package.",
            {"Oumar Diallo"},
        ),
    ],
)
def test_a_group_with_its_country_is_that_countrys_side(
    nlp: Language, text: str, speakers: set[str]
) -> None:
    result = run(nlp, text, published="2024-03-05")
    said = [s for s in result.statements if s.cue in {"expressed", "welcomed"}]
    assert said, [(s.speakers, s.text) for s in result.statements]
    assert {p.name for p in said[-1].speakers} == speakers


def test_a_country_a_speaker_speaks_of_is_no_speaker(nlp: Language) -> None:
    text = (
        "Wang Yi met Sergey Lavrov in Bali on Tuesday. Wang Yi said China had noted that Russia "
        "recently reiterated its position on nuclear weapons."
    )
    result = run(nlp, text, published="2024-03-05")
    assert not any(p.name == "Sergey Lavrov" for s in result.statements for p in s.speakers), [
        ([p.name for p in s.speakers], s.text) for s in result.statements
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "At the onset of the meeting, Lavrov welcomed his Turkish colleague in Moscow.",
        "Boateng thanked Prime Minister Mensah.",
        "Mensah welcomed his guest on Monday.",
    ],
)
def test_a_cue_addressed_to_a_person_only_is_no_statement(nlp: Language, sentence: str) -> None:
    text = "Hakan Fidan met Sergey Lavrov in Moscow on Monday. " + sentence
    result = run(nlp, text, published="2024-03-05")
    assert not [s for s in result.statements if s.cue in {"welcomed", "thanked"}], [
        (s.cue, s.text) for s in result.statements
    ]


def test_a_cue_addressed_to_a_person_with_a_reason_is_a_statement(nlp: Language) -> None:
    text = (
        "Amara Mensah met Kofi Boateng in Accra on Monday. Boateng thanked Mensah for his "
        "hospitality. Mensah welcomed Boateng's visit."
    )
    result = run(nlp, text, published="2024-03-05")
    assert {s.cue for s in result.statements} >= {"thanked", "welcomed"}


def test_according_to_after_a_speakers_own_clause_adds_no_statement(nlp: Language) -> None:
    text = (
        "Joko Widodo met Kao Kim Hourn in Jakarta on Friday. Widodo said ASEAN must keep its "
        "unity, according to Foreign Minister Retno Marsudi, after the meeting with the president."
    )
    result = run(nlp, text, published="2024-03-05")
    assert [s.cue for s in result.statements] == ["said"], [
        (s.cue, s.text) for s in result.statements
    ]
    assert "keep its unity" in result.statements[0].text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Lena Brandt met Oumar Diallo in Berlin on Monday. The talks were productive, "
            "according to Brandt.",
            "The talks were productive",
        ),
        (
            "Lena Brandt met Oumar Diallo in Berlin on Monday. The two countries, according to "
            "Brandt, will open a trade office.",
            "will open a trade office",
        ),
    ],
)
def test_according_to_names_the_speaker_of_its_clause(nlp: Language, text: str, words: str) -> None:
    result = run(nlp, text, published="2024-03-05")
    hits = [s for s in result.statements if s.cue == "according to" and words in s.text]
    assert hits and hits[0].speakers[0].name == "Lena Brandt"


def test_a_statement_noun_as_subject_gives_its_sentence(nlp: Language) -> None:
    text = (
        "Amara Mensah met Kofi Boateng in Accra on Monday. The comments made by Mensah stressed "
        "that trade must grow."
    )
    result = run(nlp, text, published="2024-03-05")
    assert any(
        s.speakers[0].name == "Amara Mensah" and "trade must grow" in s.text
        for s in result.statements
    )


def test_a_commentary_on_someones_comments_is_not_their_statement(nlp: Language) -> None:
    # a republisher's commentary about comments: only the cue participle says what they said
    text = (
        "Amara Mensah met Kofi Boateng in Accra on Monday. This clearly debunks the "
        "misrepresentation of the comments made by President Amara Mensah, for example in his "
        "meeting with Kofi Boateng, opposing the use of force in the region as an attack. This "
        "debunks the misrepresentation of the comments made by Mensah on trade."
    )
    result = run(nlp, text, published="2024-03-05")
    by_mensah = [s.text for s in result.statements if s.speakers[0].name == "Amara Mensah"]
    assert by_mensah == ["opposing the use of force in the region as an attack"], by_mensah


@pytest.mark.parametrize(
    ("text", "speaker", "clauses"),
    [
        (
            "British Foreign Secretary Boris Johnson emphasised that the Iran nuclear deal is "
            "working, and that the UK would work closely with partners on Iran's behaviour.",
            "Boris Johnson",
            ["the Iran nuclear deal is working", "the UK would work closely with partners"],
        ),
        (
            "Amara Mensah said that trade was growing, and that talks on fisheries would resume "
            "in April.",
            "Amara Mensah",
            ["trade was growing", "talks on fisheries would resume"],
        ),
    ],
)
def test_coordinated_that_clauses_are_one_statement_each(
    nlp: Language, text: str, speaker: str, clauses: list[str]
) -> None:
    result = extract(Document(text=text, published="2024-03-05"), nlp=nlp)
    said = [s for s in result.statements if any(p.name == speaker for p in s.speakers)]
    assert len(said) == len(clauses), [s.text for s in said]
    for statement, clause in zip(said, clauses, strict=True):
        assert statement.text.startswith(clause), statement.text
        assert clause in statement.evidence[0].text


def test_one_that_clause_with_a_coordinated_verb_stays_one_statement(nlp: Language) -> None:
    text = "Amara Mensah said that the two countries would expand trade and deepen security ties."
    result = extract(Document(text=text, published="2024-03-05"), nlp=nlp)
    assert [s.text for s in result.statements] == [
        "the two countries would expand trade and deepen security ties"
    ]
