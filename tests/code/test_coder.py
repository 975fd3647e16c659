"""Rules of the event coder on small texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from sidelines.code import classify_text, code_meeting, code_statement, coding_tables
from sidelines.kb import KnowledgeBase
from sidelines.types import Meeting, Participant


def _meeting(*countries: str, **fields: Any) -> Meeting:
    people = [Participant(name=f"Minister of {c}", country=c, side=c) for c in countries]
    return Meeting(
        id="m",
        status=fields.pop("status", "held"),
        mode=fields.pop("mode", "in_person"),
        participants=people,
        **fields,
    )


def test_visit_in_host_country_codes_visitor_and_host() -> None:
    cameo, plover = code_meeting(_meeting("CHN", "RUS", country="RUS"), "RUS")
    assert cameo == "042"
    assert plover["event"] == "CONSULT" and plover["mode"] == "visit"
    assert plover["actor_side"] == "CHN" and plover["recipient_side"] == "RUS"
    assert plover["host_cameo"] == "043"
    assert plover["goldstein"] == 1.9 and plover["intensity"] == 4.0


def test_phone_call() -> None:
    cameo, plover = code_meeting(_meeting("USA", "DEU", mode="phone"), None)
    assert (cameo, plover["mode"], plover["goldstein"], plover["intensity"]) == (
        "041",
        "phone",
        1.0,
        1.5,
    )


def test_third_location_and_summit() -> None:
    cameo, plover = code_meeting(_meeting("CHN", "USA", country="IDN"), "IDN")
    assert (cameo, plover["mode"]) == ("044", "third-party")
    cameo, plover = code_meeting(_meeting("CHN", "USA", occasion="G20 Summit"), None)
    assert (cameo, plover["mode"]) == ("044", "third-party")


def test_multilateral() -> None:
    cameo, plover = code_meeting(_meeting("CHN", "RUS", "IND"), None)
    assert (cameo, plover["mode"]) == ("040", "multilateral")


def test_planned_meeting_is_agree_036_future() -> None:
    cameo, plover = code_meeting(_meeting("FRA", "DEU", status="planned"), None)
    assert (cameo, plover["event"], plover["mode"]) == ("036", "AGREE", "future")
    assert plover["goldstein"] == 4.0


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The envoys held negotiations on the border in Doha.", "046"),
        ("The two ministers discussed Qatar's mediation between the parties.", "045"),
    ],
)
def test_mediation_and_negotiation(text: str, cameo: str) -> None:
    code, plover = code_meeting(_meeting("ISR", "EGY", country="QAT"), "QAT", text)
    assert code == cameo and plover["event"] == "CONSULT" and plover["mode"] == "third-party"


@pytest.mark.parametrize(
    ("cue", "text", "event", "cameo"),
    [
        ("condemn", "the attack on the embassy", "ACCUSE", "111"),
        ("urge", "both sides to show restraint", "REQUEST", "020"),
        ("call", "for an immediate ceasefire", "REQUEST", "020"),
        ("reject", "the proposal", "REJECT", "120"),
        ("welcome", "the decision", "SUPPORT", "051"),
        ("congratulate", "the new president", "SUPPORT", "051"),
        ("agree", "to expand trade", "AGREE", "030"),
        ("agree", "to meet again next year", "AGREE", "036"),
    ],
)
def test_statement_cue_codes(
    kb: KnowledgeBase, cue: str, text: str, event: str, cameo: str
) -> None:
    code, plover = code_statement(cue, kb.cues, text)
    assert plover is not None
    assert (code, plover["event"]) == (cameo, event)
    assert plover["goldstein"] == coding_tables().goldstein(cameo)
    assert plover["intensity"] == coding_tables().intensity[event]


def test_neutral_cue_takes_its_content(kb: KnowledgeBase) -> None:
    code, plover = code_statement("say", kb.cues, "his country is ready to help")
    assert plover is not None and plover["event"] == "AGREE"
    code, plover = code_statement("express", kb.cues, "support for the peace plan")
    assert plover is not None and (plover["event"], code) == ("SUPPORT", "051")
    code, plover = code_statement("say", kb.cues, "the talks were long")
    assert (code, plover) == ("010", None)
    code, plover = code_statement("say", kb.cues, "the two sides will hold talks in May")
    assert plover is not None and (plover["event"], code) == ("AGREE", "036")
    code, plover = code_statement("say", kb.cues, "the weather was fine")
    assert (code, plover) == ("010", None)


def test_warned_of_force_is_a_threat(kb: KnowledgeBase) -> None:
    code, plover = code_statement("warn", kb.cues, "that it would strike back at any attack")
    assert plover is not None and plover["event"] == "THREATEN" and code.startswith("13")


def test_negated_cue_is_a_refusal(kb: KnowledgeBase) -> None:
    code, plover = code_statement(
        "agree", kb.cues, "to the proposal", "The minister did not agree to the proposal."
    )
    assert plover is not None and plover["event"] == "REJECT" and plover.get("negated")
    assert code.startswith("12")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The ministry condemned the shelling of the town.", "ACCUSE"),
        ("The rebels released three hostages on Monday.", "CONCEDE"),
        ("The army warned it would launch air strikes on the camps.", "THREATEN"),
        ("The government will release the detained sailors.", "AGREE"),
        ("Police arrested two journalists in the capital.", "COERCE"),
        ("The country refused to recognise the new government.", "REJECT"),
        ("The two leaders held talks in the capital.", "CONSULT"),
    ],
)
def test_classify_text(text: str, event: str) -> None:
    code = classify_text(text)
    assert code is not None and code.event == event


def test_sentence_consult_modes() -> None:
    phone = classify_text("The president telephoned the prime minister on Friday.")
    assert phone is not None and (phone.event, phone.mode, phone.cameo) == (
        "CONSULT",
        "phone",
        "041",
    )
    visit = classify_text("The foreign minister visited Hanoi and held talks with officials.")
    assert visit is not None and (visit.event, visit.mode) == ("CONSULT", "visit")
