"""Running an extractor over a gold set; the table and JSON views; the dev set as a self-check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sidelines.evaluate.report import evaluate_dirs, format_details, format_table, to_json

EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval"
DEV_DIR = EVAL_DIR / "dev"


def gold_to_contract(gold: dict[str, Any], path: Path) -> dict[str, Any]:
    """A perfect extraction in the ``sidelines extract`` format, made from a gold annotation."""
    meetings = []
    for m, meeting in enumerate(gold["meetings"]):
        participants = [
            {
                "name": person["name"],
                "actor_id": None,
                "country": person["country"],
                "role": None,
                "side": f"side-{s}",
            }
            for s, side in enumerate(meeting["sides"])
            for person in side
        ]
        meetings.append(
            {
                "id": f"m{m}",
                "status": meeting["status"],
                "mode": meeting["mode"],
                "participants": participants,
                "accompanying": [],
                "date": meeting["date"],
                "place": meeting["place"],
                "country": meeting["country"],
                "occasion": meeting["occasion"],
                "topics": [],
                "evidence": [],
            }
        )
    statements = []
    for s, gold_statement in enumerate(gold["statements"]):
        text = f"It was said that {gold_statement['anchor']}, and more."
        statements.append(
            {
                "id": f"s{s}",
                "speakers": [
                    {"name": gold_statement["speakers"][0], "actor_id": None, "country": None}
                ],
                "cue": "said",
                "text": gold_statement["anchor"],
                "topics": [],
                "meeting_id": None,
                "evidence": [{"start": 0, "end": len(text), "text": text}],
            }
        )
    return {
        "document": {"id": path.name, "path": str(path)},
        "meetings": meetings,
        "statements": statements,
    }


def write_gold(directory: Path, name: str, gold: dict[str, Any]) -> None:
    (directory / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")


def small_gold_set(tmp_path: Path) -> tuple[Path, Path, dict[str, dict[str, Any]]]:
    gold_dir, docs_dir = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs_dir.mkdir()
    golds = {
        "a.txt": {
            "doc": "a.txt",
            "meetings": [
                {
                    "sides": [
                        [{"name": "Pavel Orlov", "aliases": [], "country": "RUS"}],
                        [{"name": "Hiro Tanaka", "aliases": [], "country": "JPN"}],
                    ],
                    "status": "held",
                    "mode": "phone",
                    "date": "2031-01-02",
                    "place": None,
                    "country": None,
                    "occasion": None,
                }
            ],
            "statements": [{"speakers": ["Hiro Tanaka"], "anchor": "calm on the border"}],
        },
        "b.txt": {
            "doc": "b.txt",
            "meetings": [],
            "statements": [{"speakers": ["Maria Kerr"], "anchor": "deep concern about the floods"}],
        },
    }
    for name, gold in golds.items():
        write_gold(gold_dir, name, gold)
        (docs_dir / name).write_text("text", encoding="utf-8")
    return gold_dir, docs_dir, golds


def test_failing_extraction_counts_as_empty_and_is_recorded(tmp_path: Path) -> None:
    gold_dir, docs_dir, golds = small_gold_set(tmp_path)

    def extract(path: Path) -> dict[str, Any]:
        if path.name == "b.txt":
            raise ValueError("cannot read")
        return gold_to_contract(golds[path.name], path)

    score = evaluate_dirs(gold_dir, docs_dir, extract)
    assert score.errors == {"b.txt": "ValueError: cannot read"}
    assert score.dyads.f1 == 1.0
    assert (score.statements.matched_gold, score.statements.gold) == (1, 2)
    assert score.statements.precision == 1.0

    table = format_table(score)
    assert "documents: 2 (1 failed)" in table
    assert "meeting dyads" in table and "statements" in table and "principal's country" in table
    details = format_details(score)
    assert "error: ValueError: cannot read" in details
    assert "missed statement: Maria Kerr: “deep concern about the floods”" in details

    data = to_json(score)
    json.dumps(data)  # JSON-ready
    assert data["summary"]["failed"] == 1
    assert data["summary"]["statements"]["recall"] == 0.5
    assert data["documents"][1]["error"] == "ValueError: cannot read"


def test_missing_document_is_an_error_not_a_crash(tmp_path: Path) -> None:
    gold_dir, docs_dir, golds = small_gold_set(tmp_path)
    (docs_dir / "a.txt").unlink()
    calls: list[str] = []

    def extract(path: Path) -> dict[str, Any]:
        calls.append(path.name)
        return gold_to_contract(golds[path.name], path)

    score = evaluate_dirs(gold_dir, docs_dir, extract)
    assert calls == ["b.txt"]
    assert "a.txt" in score.errors
    assert score.dyads.recall == 0.0


def test_extract_returning_no_dict_is_an_error(tmp_path: Path) -> None:
    gold_dir, docs_dir, _ = small_gold_set(tmp_path)
    score = evaluate_dirs(gold_dir, docs_dir, lambda path: [])  # type: ignore[arg-type,return-value]
    assert score.errors["a.txt"] == "extract returned list, expected dict"


@pytest.mark.skipif(
    not (DEV_DIR / "gold").is_dir(), reason=f"shared evaluation data not found at {EVAL_DIR}"
)
def test_dev_set_scores_perfect_against_itself() -> None:
    golds = {
        gold["doc"]: gold
        for gold in (
            json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((DEV_DIR / "gold").glob("*.json"))
        )
    }

    def extract(path: Path) -> dict[str, Any]:
        return gold_to_contract(golds[path.name], path)

    score = evaluate_dirs(DEV_DIR / "gold", DEV_DIR / "docs", extract)
    assert score.errors == {}
    assert len(score.documents) == len(golds)
    assert score.dyads.gold > 0 and score.statements.gold > 0
    assert score.dyads.f1 == 1.0
    assert score.meetings.f1 == 1.0
    assert score.statements.f1 == 1.0
    assert score.doc_averaged_dyad_f1 == 1.0
    for name, accuracy in score.attributes.items():
        assert accuracy.value == 1.0, name
