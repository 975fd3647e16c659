"""The quality gate: the extractor's scores on ../shared/eval/dev (readouts of two publishers) and
../shared/eval/dev-wire (news of many publishers) never drop below pinned floors.

Floors live in ``quality_floors.json`` beside this file (``dev-wire.`` keys are dev-wire's); raise
them when the extractor improves, never lower them quietly.
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


#: floor key prefix → the evaluation set under ../shared/eval it is measured on
SETS = {"dev-wire.": "dev-wire", "": "dev"}


@pytest.fixture(scope="module")
def measured(nlp: Language) -> dict[str, dict[str, object]]:
    """Scores per evaluation set, computed on first use."""
    return {}


def _scores(measured: dict[str, dict[str, object]], nlp: Language, name: str) -> dict[str, object]:
    if name not in measured:
        folder = shared_path("eval", name)
        score = evaluate_dirs(
            folder / "gold",
            folder / "docs",
            lambda p: extract(load_document(str(p)), nlp=nlp).to_dict(),
        )
        print(name)
        print(format_table(score))
        print(format_details(score))
        measured[name] = to_json(score)
    return measured[name]


def _value(scores: dict[str, object], dotted: str) -> float:
    node: object = scores
    for part in dotted.split("."):
        assert isinstance(node, dict), dotted
        node = node[part]
    assert isinstance(node, int | float), dotted
    return float(node)


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS if not k.startswith("coding.")))
def test_score_at_or_above_floor(
    measured: dict[str, dict[str, object]], nlp: Language, metric: str
) -> None:
    prefix = next(p for p in SETS if metric.startswith(p))
    scores = _scores(measured, nlp, SETS[prefix])
    assert _value(scores, metric.removeprefix(prefix)) >= FLOORS[metric], (
        f"{metric} fell below its floor {FLOORS[metric]}"
    )
