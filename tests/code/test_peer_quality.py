"""Event coding against peer data (../shared/eval/peers): pinned floors, skipped without the data.

The floors (``coding.*`` keys of tests/evaluate/quality_floors.json) are pinned slightly under what
the coder measured; raise them when it improves, never lower them quietly.
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

from sidelines.evaluate.coding import (
    code_sentences,
    plv_label,
    read_gsr,
    read_plv,
    score_consult,
    score_labels,
)
from sidelines.kb import KnowledgeBase

from ..conftest import shared_path

FLOORS = json.loads((Path(__file__).parents[1] / "evaluate" / "quality_floors.json").read_text())
#: plv's test split is ordered by nothing that favours us; its first rows are a fair small sample
SUBSET = 200


def test_plv_subset_accuracy(nlp: Language, kb: KnowledgeBase) -> None:
    rows = read_plv(shared_path("eval", "peers", "plv", "plv.csv"), "test")[:SUBSET]
    coded = code_sentences([r["text"] for r in rows], nlp, kb)
    score = score_labels([r["label"] for r in rows], [plv_label(c.event) for c in coded])
    assert score.accuracy >= FLOORS["coding.plv.test_subset.accuracy"]
    assert score.macro_f1 >= FLOORS["coding.plv.test_subset.macro_f1"]


def test_gsr_consult_recall_and_mode(nlp: Language, kb: KnowledgeBase) -> None:
    records = read_gsr(shared_path("eval", "peers", "plover-gsr", "PLOVER_GSR_CAMEO.txt"))
    consult = [r for r in records if r.get("event") == "CONSULT"]
    score = score_consult(consult, code_sentences([str(r["text"]) for r in consult], nlp, kb))
    assert score.recall >= FLOORS["coding.gsr.consult.recall"]
    assert score.mode_agreement >= FLOORS["coding.gsr.consult.mode_agreement"]
