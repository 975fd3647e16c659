"""Measure event coding against peer data labelled by others (``../shared/eval/peers``).

Two sets (see their README): ``plv/plv.csv``, news sentences with one PLOVER root type each, scored
by accuracy and macro-F1 over types; and the PLOVER project's gold-standard records
(``PLOVER_GSR_CAMEO.txt``), whose CONSULT records test meeting coding: how many we code CONSULT
(recall) and whether the mode agrees where the record gives one.

A sentence is coded the way the pipeline codes a document: a held meeting found in it is CONSULT,
else the statement with the strongest code, else the sentence's own strongest event
(:func:`sidelines.code.classify_text`).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from sidelines.code import classify_text, coding_tables
from sidelines.core import EXTRACTION_COMPONENTS, extract_many, extraction_pipeline
from sidelines.errors import InputError
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline
from sidelines.types import Document, Extraction

__all__ = [
    "CodedSentence",
    "ConsultScore",
    "LabelScore",
    "code_sentences",
    "format_label_score",
    "plv_label",
    "read_gsr",
    "read_plv",
    "score_consult",
    "score_labels",
]

#: PLOVER v0.8 splits what plv calls YIELD into CONCEDE and RETREAT
_PLV_NAMES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
_GSR_MODES = {"host": "visit"}


@dataclass(frozen=True)
class CodedSentence:
    """Our code for one sentence and where it came from (meeting, statement or sentence)."""

    event: str | None
    mode: str
    cameo: str | None
    source: str
    #: the code of the strongest statement the extractor found in the text, if any
    statement_event: str | None = None


@dataclass
class LabelScore:
    """Accuracy and macro-F1 of predicted against gold labels, with per-label figures."""

    total: int
    correct: int
    per_label: dict[str, tuple[float, float, float, int]] = field(default_factory=dict)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of items whose predicted label is the gold one."""
        return self.correct / self.total if self.total else 0.0

    @property
    def macro_f1(self) -> float:
        """Unweighted mean of the per-label F1 over the gold labels."""
        values = [f1 for _p, _r, f1, _n in self.per_label.values()]
        return sum(values) / len(values) if values else 0.0


@dataclass
class ConsultScore:
    """CONSULT records of the PLOVER gold standard: recall and mode agreement."""

    consult: int
    coded_consult: int
    with_mode: int
    mode_agrees: int
    other: int
    other_coded_consult: int
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of CONSULT records we code CONSULT."""
        return self.coded_consult / self.consult if self.consult else 0.0

    @property
    def mode_agreement(self) -> float:
        """Share of CONSULT records with a mode that we code CONSULT with the same mode."""
        return self.mode_agrees / self.with_mode if self.with_mode else 0.0


def read_plv(path: Path, split: str | None = None) -> list[dict[str, str]]:
    """Rows of ``plv.csv`` (``text``, ``label``, ``split``), optionally of one split only."""
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            match = re.search(r"split=(\w+)", row.get("meta") or "")
            row_split = match.group(1) if match else ""
            if split is None or row_split == split:
                rows.append({"text": row["text"], "label": row["label"], "split": row_split})
    return rows


def read_gsr(path: Path) -> list[dict[str, Any]]:
    """Records of the PLOVER gold-standard file (JSON with trailing commas), without DOCUMENT."""
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    text = re.sub(r",(\s*[}\]])", r"\1", path.read_text(encoding="utf-8"))
    try:
        records = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: not readable as JSON records ({err})") from err
    return [r for r in records if isinstance(r, dict) and r.get("event") != "DOCUMENT"]


def code_sentences(
    texts: Sequence[str], nlp: Language | None = None, kb: KnowledgeBase | None = None
) -> list[CodedSentence]:
    """Code each text as the pipeline would, one :class:`CodedSentence` per text.

    The knowledge base is the pipeline's; ``kb`` is accepted for callers that pass one."""
    nlp = extraction_pipeline(nlp or load_pipeline())
    tables = coding_tables()
    documents = [Document(text=t) for t in texts]
    extractions = extract_many(documents, nlp)
    # the parse alone, as the sentence reads (its facts are the extraction's)
    stages = [name for _factory, name in EXTRACTION_COMPONENTS]
    parses = nlp.pipe(texts, batch_size=32, disable=stages)
    coded = []
    for text, extraction, doc in zip(texts, extractions, parses, strict=True):
        coded.append(_code_one(text, extraction, doc, tables))
    return coded


def _code_one(text: str, extraction: Extraction, doc: Any, tables: Any) -> CodedSentence:
    held = [m for m in extraction.meetings if m.status == "held" and m.plover]
    if held:
        plover = held[0].plover or {}
        return CodedSentence(plover.get("event"), plover.get("mode", ""), held[0].cameo, "meeting")
    statements = [s for s in extraction.statements if s.plover]
    said = None
    if statements:
        strongest = max(statements, key=lambda s: abs(_goldstein(s.plover)))
        said = CodedSentence(
            (strongest.plover or {}).get("event"),
            (strongest.plover or {}).get("mode", ""),
            strongest.cameo,
            "statement",
        )
    # the sentence's own strongest event decides; on plv's train split this reads a little
    # better (0.787) than letting an extracted statement's code decide first (0.781)
    sentence = classify_text(text, doc, tables)
    if sentence is not None:
        return CodedSentence(
            sentence.event, sentence.mode, sentence.cameo, "sentence", said.event if said else None
        )
    if said is not None:
        return CodedSentence(said.event, said.mode, said.cameo, "statement", said.event)
    return CodedSentence(None, "", None, "none")


def _goldstein(plover: dict[str, Any] | None) -> float:
    value = (plover or {}).get("goldstein")
    return float(value) if isinstance(value, int | float) else 0.0


def plv_label(event: str | None) -> str:
    """Our PLOVER type under the name plv uses (CONCEDE and RETREAT are its YIELD)."""
    if event is None:
        return "NONE"
    return _PLV_NAMES.get(event, event)


def score_labels(gold: Iterable[str], predicted: Iterable[str]) -> LabelScore:
    """Accuracy, per-label precision/recall/F1 and the commonest confusions."""
    pairs = list(zip(gold, predicted, strict=True))
    matrix = Counter(pairs)
    score = LabelScore(total=len(pairs), correct=sum(1 for g, p in pairs if g == p))
    for label in sorted({g for g, _ in pairs}):
        tp = matrix[(label, label)]
        fp = sum(n for (g, p), n in matrix.items() if p == label and g != label)
        fn = sum(n for (g, p), n in matrix.items() if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        score.per_label[label] = (precision, recall, f1, tp + fn)
    score.confusions = [(g, p, n) for (g, p), n in matrix.most_common() if g != p]
    return score


def score_consult(
    records: Sequence[dict[str, Any]], coded: Sequence[CodedSentence]
) -> ConsultScore:
    """Compare our codes of GSR record texts with their CONSULT labels and modes."""
    tables = coding_tables()
    score = ConsultScore(0, 0, 0, 0, 0, 0)
    for record, ours in zip(records, coded, strict=True):
        gold = tables.canonical(str(record.get("event") or ""))
        if gold != "CONSULT":
            score.other += 1
            score.other_coded_consult += ours.event == "CONSULT"
            continue
        score.consult += 1
        score.coded_consult += ours.event == "CONSULT"
        if ours.event != "CONSULT":
            score.misses.append(f"{record.get('id')}: {ours.event} ({ours.source})")
        mode = _GSR_MODES.get(str(record.get("mode") or ""), str(record.get("mode") or ""))
        if mode:
            score.with_mode += 1
            score.mode_agrees += ours.event == "CONSULT" and ours.mode == mode
    return score


def format_label_score(score: LabelScore, confusions: int = 12) -> str:
    """A plain-text report: accuracy, macro-F1, per-label table, commonest confusions."""
    lines = [
        f"items {score.total}  accuracy {score.accuracy:.3f}  macro-F1 {score.macro_f1:.3f}",
        f"{'label':<10} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>5}",
    ]
    for label, (p, r, f1, n) in score.per_label.items():
        lines.append(f"{label:<10} {p:>6.2f} {r:>6.2f} {f1:>6.2f} {n:>5}")
    lines.append("commonest confusions (gold -> ours):")
    lines.extend(f"  {g} -> {p}: {n}" for g, p, n in score.confusions[:confusions])
    return "\n".join(lines)
