"""The quality gate: the extractor's scores on ../shared/eval/dev never drop below pinned floors.

Floors live in ``quality_floors.json`` beside this file; raise them when the extractor improves,
never lower them quietly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from sidelines.core import extract
from sidelines.evaluate import evaluate_dirs, format_details, format_table, to_json
from sidelines.ingest import load_document

from ..conftest import shared_path

#: ``coding.*`` floors are event coding's, held by tests/code/test_peer_quality.py
FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text())


@pytest.fixture(scope="module")
def scores(nlp: Language) -> dict[str, object]:
    dev = shared_path("eval", "dev")
    score = evaluate_dirs(
        dev / "gold", dev / "docs", lambda p: extract(load_document(str(p)), nlp=nlp).to_dict()
    )
    print(format_table(score))
    print(format_details(score))
    return to_json(score)


def _value(scores: dict[str, object], dotted: str) -> float:
    node: object = scores
    for part in dotted.split("."):
        assert isinstance(node, dict), dotted
        node = node[part]
    assert isinstance(node, int | float), dotted
    return float(node)


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS if not k.startswith("coding.")))
def test_score_at_or_above_floor(scores: dict[str, object], metric: str) -> None:
    assert _value(scores, metric) >= FLOORS[metric], (
        f"{metric} fell below its floor {FLOORS[metric]}"
    )
