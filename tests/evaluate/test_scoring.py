"""Scoring of meeting dyads, meetings, attributes and statements on small invented documents."""

from __future__ import annotations

from typing import Any

import pytest

from sidelines.evaluate.scoring import (
    ATTRIBUTES,
    occasion_matches,
    place_matches,
    score_corpus,
    score_document,
)


def person(name: str, country: str | None, *aliases: str) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "country": country}


def gold_meeting(
    *sides: list[dict[str, Any]], status: str = "held", **attrs: Any
) -> dict[str, Any]:
    base = {
        "mode": "in_person",
        "date": "2031-05-04",
        "place": None,
        "country": None,
        "occasion": None,
    }
    return {"sides": list(sides), "status": status, **base, **attrs}


def participant(name: str, country: str | None, side: str | None) -> dict[str, Any]:
    return {"name": name, "actor_id": None, "country": country, "role": None, "side": side}


def meeting(*participants: dict[str, Any], status: str = "held", **attrs: Any) -> dict[str, Any]:
    base = {
        "mode": "in_person",
        "date": "2031-05-04",
        "place": None,
        "country": None,
        "occasion": None,
    }
    return {
        "id": "m",
        "status": status,
        "participants": list(participants),
        "accompanying": [],
        **base,
        **attrs,
        "evidence": [],
    }


def statement(speaker: str, *evidence: str) -> dict[str, Any]:
    return {
        "id": "s",
        "speakers": [{"name": speaker, "actor_id": None, "country": None}],
        "cue": "said",
        "text": evidence[0] if evidence else "",
        "evidence": [{"start": 0, "end": len(t), "text": t} for t in evidence],
    }


ORLOV = person("Pavel Orlov", "RUS", "Orlov")
TANAKA = person("Hiro Tanaka", "JPN", "Tanaka")
KERR = person("Maria Kerr", "GBR", "Kerr")

GOLD: dict[str, Any] = {
    "doc": "invented.txt",
    "published": "2031-05-04",
    "meetings": [
        gold_meeting([ORLOV], [TANAKA], place="Kyoto", country="JPN", occasion="G20 Kyoto Summit"),
        gold_meeting([ORLOV], [KERR], mode="phone", date="2031-04-01"),
        gold_meeting([TANAKA], [KERR], status="planned", date=None),
    ],
    "statements": [
        {
            "speakers": ["Pavel Orlov", "Russian side"],
            "anchor": "ready to deepen cooperation",
            "topics": [],
        },
        {"speakers": ["Hiro Tanaka"], "anchor": "the region’s stability", "topics": []},
    ],
}


def perfect_prediction() -> dict[str, Any]:
    return {
        "document": {"id": "x", "path": "invented.txt"},
        "meetings": [
            meeting(
                participant("Pavel Orlov", "RUS", "RUS"),
                participant("Hiro Tanaka", "JPN", "JPN"),
                place="Kyoto",
                country="JPN",
                occasion="G20 Kyoto Summit",
            ),
            meeting(
                participant("Pavel Orlov", "RUS", "RUS"),
                participant("Maria Kerr", "GBR", "GBR"),
                mode="phone",
                date="2031-04-01",
            ),
        ],
        "statements": [
            statement("Pavel Orlov", "Orlov said Russia was ready to deepen cooperation."),
            statement("Hiro Tanaka", "Tanaka stressed the region's stability."),
        ],
    }


def test_perfect_prediction_scores_one_everywhere() -> None:
    score = score_document(GOLD, perfect_prediction())
    for prf in (score.dyads, score.meetings, score.statements):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert score.dyads.gold == 2  # the planned meeting is not scored
    for name in ATTRIBUTES:
        assert score.attributes[name].value == 1.0, name
    assert score.attributes["principal_country"].total == 4  # Orlov once in each meeting
    assert not any(vars(score.diagnostics).values())
    corpus = score_corpus([(GOLD, perfect_prediction())])
    assert corpus.dyads.f1 == corpus.meetings.f1 == corpus.statements.f1 == 1.0
    assert corpus.doc_averaged_dyad_f1 == 1.0


def test_missing_meeting_lowers_recall_not_precision() -> None:
    predicted = perfect_prediction()
    del predicted["meetings"][1]
    score = score_document(GOLD, predicted)
    assert score.dyads.precision == 1.0
    assert score.dyads.recall == 0.5
    assert score.meetings.recall == 0.5
    assert score.diagnostics.missed_dyads == [
        "Pavel Orlov – Maria Kerr (gold meeting 2: phone, 2031-04-01)"
    ]
    assert score.diagnostics.missed_meetings == ["gold meeting 2: Pavel Orlov / Maria Kerr"]


def test_dyad_in_reverse_order_matches_and_keeps_principals_apart() -> None:
    predicted = perfect_prediction()
    predicted["meetings"][0]["participants"] = [
        participant("Tanaka", "JPN", "b"),
        participant("Orlov", "RUS", "a"),
    ]
    score = score_document(GOLD, predicted)
    assert score.dyads.f1 == 1.0
    assert score.attributes["principal_country"].value == 1.0


def test_surname_and_transliteration_variants_match() -> None:
    gold = {
        "doc": "d",
        "meetings": [
            gold_meeting([person("Sergey Lavrov", "RUS")], [person("Volodymyr Zelenskyy", "UKR")])
        ],
        "statements": [],
    }
    predicted = {
        "meetings": [
            meeting(participant("Sergei Lavrov", "RUS", "R"), participant("Zelensky", "UKR", "U"))
        ]
    }
    assert score_document(gold, predicted).dyads.f1 == 1.0


def test_other_people_do_not_match() -> None:
    gold = {
        "doc": "d",
        "meetings": [
            gold_meeting(
                [person("Vladimir Putin", "RUS", "Putin")], [person("Shinzo Abe", "JPN", "Abe")]
            )
        ],
        "statements": [{"speakers": ["Vladimir Putin", "Putin"], "anchor": "a new stage in ties"}],
    }
    predicted = {
        "meetings": [
            meeting(participant("Medvedev", "RUS", "R"), participant("Abdel", "EGY", "E"))
        ],
        "statements": [statement("Medvedev", "Medvedev hailed a new stage in ties.")],
    }
    score = score_document(gold, predicted)
    assert score.dyads.matched_gold == 0
    assert score.statements.matched_gold == 0
    assert score.diagnostics.false_dyads == ["Medvedev – Abdel (predicted meeting 1)"]
    assert score.diagnostics.false_statements == ["Medvedev: Medvedev hailed a new stage in ties."]


def test_participants_without_side_are_each_a_side() -> None:
    gold = {"doc": "d", "meetings": [gold_meeting([ORLOV], [TANAKA], [KERR])], "statements": []}
    predicted = {
        "meetings": [
            meeting(
                participant("Orlov", "RUS", None),
                participant("Tanaka", "JPN", None),
                participant("Kerr", "GBR", None),
            )
        ]
    }
    score = score_document(gold, predicted)
    assert (score.dyads.gold, score.dyads.predicted, score.dyads.matched_gold) == (3, 3, 3)


def test_one_side_yields_no_dyads() -> None:
    gold = {"doc": "d", "meetings": [gold_meeting([ORLOV], [TANAKA])], "statements": []}
    predicted = {
        "meetings": [meeting(participant("Orlov", "RUS", "x"), participant("Tanaka", "JPN", "x"))]
    }
    score = score_document(gold, predicted)
    assert score.dyads.predicted == 0
    assert (score.meetings.predicted, score.meetings.matched_predicted) == (1, 0)


def test_planned_meetings_are_ignored_on_both_sides() -> None:
    gold = {
        "doc": "d",
        "meetings": [gold_meeting([ORLOV], [KERR], status="planned")],
        "statements": [],
    }
    predicted = {
        "meetings": [
            meeting(
                participant("Orlov", "RUS", "a"),
                participant("Tanaka", "JPN", "b"),
                status="planned",
            )
        ]
    }
    score = score_document(gold, predicted)
    assert score.dyads.empty
    assert score.meetings.empty
    assert score.dyads.f1 == 1.0


def test_two_anchors_in_one_evidence_match_one_statement() -> None:
    gold = {
        "doc": "d",
        "meetings": [],
        "statements": [
            {"speakers": ["Pavel Orlov"], "anchor": "ready to deepen cooperation"},
            {"speakers": ["Pavel Orlov"], "anchor": "opposed  unilateral sanctions"},
        ],
    }
    long_evidence = (
        "Orlov said Moscow was READY to deepen\ncooperation and opposed unilateral sanctions."
    )
    one = {"statements": [statement("Orlov", long_evidence)]}
    score = score_document(gold, one)
    assert (score.statements.matched_predicted, score.statements.matched_gold) == (1, 1)
    assert score.statements.recall == 0.5
    assert len(score.diagnostics.missed_statements) == 1
    # Two statements with the same long span: both can be matched (maximum matching).
    two = {"statements": [statement("Orlov", long_evidence), statement("Orlov", long_evidence)]}
    assert score_document(gold, two).statements.f1 == 1.0


def test_statement_needs_matching_speaker_and_any_evidence_span() -> None:
    gold = {
        "doc": "d",
        "meetings": [],
        "statements": [
            {"speakers": ["Hiro Tanaka", "Japanese side"], "anchor": "the region’s stability"},
        ],
    }
    wrong_speaker = {"statements": [statement("Orlov", "Tanaka stressed the region's stability")]}
    assert score_document(gold, wrong_speaker).statements.matched_gold == 0
    side = {
        "statements": [
            statement("the Japanese side", "An intro.", "It stressed the REGION’S   stability.")
        ]
    }
    assert score_document(gold, side).statements.f1 == 1.0


def test_attribute_accuracy_counts() -> None:
    predicted = perfect_prediction()
    first, second = predicted["meetings"]
    first.update(place="Kyoto, Japan", occasion="Kyoto G20 summit", date="2031-05-05")
    second.update(mode="video", country="GBR")
    second["participants"][1]["country"] = None
    score = score_document(GOLD, predicted)
    assert score.dyads.f1 == 1.0
    acc = score.attributes
    assert (acc["mode"].correct, acc["mode"].total) == (1, 2)
    assert (acc["date"].correct, acc["date"].total) == (1, 2)
    assert (acc["country"].correct, acc["country"].total) == (1, 2)
    assert (acc["place"].correct, acc["place"].total) == (2, 2)
    assert (acc["occasion"].correct, acc["occasion"].total) == (2, 2)
    # Orlov in each meeting, Tanaka, Kerr: four principals, Kerr's country missing.
    assert (acc["principal_country"].correct, acc["principal_country"].total) == (3, 4)
    assert "country of Maria Kerr: gold 'GBR', predicted None" in score.diagnostics.attribute_errors


def test_repeated_encounter_is_matched_to_the_agreeing_meeting() -> None:
    gold = {
        "doc": "d",
        "statements": [],
        "meetings": [
            gold_meeting([ORLOV], [KERR], mode="phone", date="2031-04-01"),
            gold_meeting([ORLOV], [KERR], mode="in_person", date="2031-05-04"),
        ],
    }
    predicted = {
        "meetings": [
            meeting(
                participant("Orlov", "RUS", "a"),
                participant("Kerr", "GBR", "b"),
                mode="in_person",
                date="2031-05-04",
            )
        ]
    }
    score = score_document(gold, predicted)
    assert score.attributes["mode"].value == 1.0
    assert score.attributes["date"].value == 1.0
    assert score.diagnostics.missed_meetings == ["gold meeting 1: Pavel Orlov / Maria Kerr"]


def test_micro_averaging_across_documents() -> None:
    small = {"doc": "a", "meetings": [gold_meeting([ORLOV], [TANAKA])], "statements": []}
    large = {
        "doc": "b",
        "statements": [],
        "meetings": [gold_meeting([ORLOV, person("Ivan Sokol", "RUS")], [TANAKA, KERR])],
    }
    found_small = {
        "meetings": [meeting(participant("Orlov", "RUS", "a"), participant("Tanaka", "JPN", "b"))]
    }
    corpus = score_corpus([(small, found_small), (large, {})])
    assert (corpus.dyads.matched_gold, corpus.dyads.gold) == (1, 5)
    assert corpus.dyads.recall == pytest.approx(0.2)
    assert corpus.dyads.precision == 1.0
    assert corpus.meetings.recall == 0.5
    # Averaged over documents: F1 1.0 and 0.0.
    assert corpus.doc_averaged_dyad_f1 == pytest.approx(0.5)
    assert corpus.doc_averaged_dyad_documents == 2


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        (None, None, True),
        ("Bali", None, False),
        (None, "Bali", False),
        ("Bali", "bali", True),
        ("Bali", "Nusa Dua, Bali", True),
        ("New York", "New Delhi", False),
        ("the Kremlin", "Kremlin", True),
    ],
)
def test_place_is_loose(gold: str | None, predicted: str | None, right: bool) -> None:
    assert place_matches(gold, predicted) is right


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        (None, None, True),
        ("G20 Bali Summit", "G20 summit in Bali", True),
        ("G20 Bali Summit", "G-20 summit", True),
        ("G20 Bali Summit", "ASEAN Summit", False),
        ("G20 Bali Summit", "summit", False),
        ("UN General Assembly", "the 78th session of the UN General Assembly", True),
        ("G20 Bali Summit", None, False),
    ],
)
def test_occasion_is_loose(gold: str | None, predicted: str | None, right: bool) -> None:
    assert occasion_matches(gold, predicted) is right
