"""Running an extractor over a gold set, and showing the scores as a table or as JSON."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sidelines.evaluate.scoring import (
    ATTRIBUTES,
    PRF,
    CorpusScore,
    DocumentScore,
    combine_scores,
    score_document,
)

__all__ = ["evaluate_dirs", "format_details", "format_table", "load_gold", "to_json"]

logger = logging.getLogger(__name__)

_ATTRIBUTE_LABELS = {
    "mode": "mode",
    "date": "date",
    "country": "country",
    "place": "place (loose)",
    "occasion": "occasion (loose)",
    "principal_country": "principal's country",
}


def load_gold(gold_dir: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Read every ``*.json`` gold file in ``gold_dir``, sorted by file name."""
    gold_files = []
    for path in sorted(gold_dir.glob("*.json")):
        with path.open(encoding="utf-8") as handle:
            gold_files.append((path, json.load(handle)))
    return gold_files


def evaluate_dirs(
    gold_dir: Path, docs_dir: Path, extract: Callable[[Path], dict[str, Any]]
) -> CorpusScore:
    """Extract every gold document from ``docs_dir`` with ``extract`` and score the results.

    Each gold file ``<doc>.json`` names its document in ``"doc"`` (else the file name without
    ``.json``). A document that is missing or whose extraction raises counts as predicting
    nothing, with the error kept in its score; the run goes on.
    """
    scores: list[DocumentScore] = []
    for gold_path, gold in load_gold(gold_dir):
        doc_name = str(gold.get("doc") or gold_path.name.removesuffix(".json"))
        gold = {**gold, "doc": doc_name}
        doc_path = docs_dir / doc_name
        predicted: dict[str, Any] = {}
        error: str | None = None
        if not doc_path.is_file():
            error = f"document not found: {doc_path}"
        else:
            try:
                result: object = extract(doc_path)
            except Exception as exc:  # a failing document is a score of zero, not a crash
                error = f"{type(exc).__name__}: {exc}"
            else:
                if isinstance(result, dict):
                    predicted = result
                else:
                    error = f"extract returned {type(result).__name__}, expected dict"
        if error is not None:
            logger.warning("%s: %s", doc_name, error)
        score = score_document(gold, predicted)
        score.error = error
        scores.append(score)
    return combine_scores(scores)


def _ratio(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _prf_row(label: str, prf: PRF) -> str:
    return (
        f"{label:<22}{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}"
        f"{f'{prf.matched_predicted}/{prf.predicted}':>11}{f'{prf.matched_gold}/{prf.gold}':>11}"
    )


def format_table(score: CorpusScore) -> str:
    """A plain-text table of the corpus scores."""
    failed = len(score.errors)
    lines = [
        f"documents: {len(score.documents)}" + (f" ({failed} failed)" if failed else ""),
        "",
        f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'right/pred':>11}{'found/gold':>11}",
        _prf_row("meeting dyads", score.dyads),
        _prf_row("meetings", score.meetings),
        _prf_row("statements", score.statements),
        "",
        f"dyad F1 averaged over documents: {_ratio(score.doc_averaged_dyad_f1)}"
        f" ({score.doc_averaged_dyad_documents} documents with dyads)",
        "",
        "accuracy over matched dyads:",
    ]
    for name in ATTRIBUTES:
        accuracy = score.attributes[name]
        lines.append(
            f"  {_ATTRIBUTE_LABELS[name]:<22}{_ratio(accuracy.value):>7}"
            f"{f'{accuracy.correct}/{accuracy.total}':>11}"
        )
    return "\n".join(lines)


def format_details(score: CorpusScore) -> str:
    """Per-document misses, false positives, attribute errors and extraction errors, as text."""
    sections: list[tuple[str, Callable[[DocumentScore], list[str]]]] = [
        ("error", lambda d: [d.error] if d.error else []),
        ("missed dyad", lambda d: d.diagnostics.missed_dyads),
        ("false dyad", lambda d: d.diagnostics.false_dyads),
        ("missed meeting", lambda d: d.diagnostics.missed_meetings),
        ("false meeting", lambda d: d.diagnostics.false_meetings),
        ("wrong attribute", lambda d: d.diagnostics.attribute_errors),
        ("missed statement", lambda d: d.diagnostics.missed_statements),
        ("false statement", lambda d: d.diagnostics.false_statements),
    ]
    lines: list[str] = []
    for doc in score.documents:
        entries = [f"  {label}: {item}" for label, items in sections for item in items(doc)]
        if entries:
            lines.append(
                f"{doc.doc}  dyads F1 {doc.dyads.f1:.3f}, statements F1 {doc.statements.f1:.3f}"
            )
            lines.extend(entries)
    return "\n".join(lines)


def _prf_json(prf: PRF) -> dict[str, Any]:
    return {
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "matched_predicted": prf.matched_predicted,
        "predicted": prf.predicted,
        "matched_gold": prf.matched_gold,
        "gold": prf.gold,
    }


def _attributes_json(score: CorpusScore | DocumentScore) -> dict[str, Any]:
    return {
        name: {"accuracy": acc.value, "correct": acc.correct, "total": acc.total}
        for name, acc in score.attributes.items()
    }


def to_json(score: CorpusScore) -> dict[str, Any]:
    """The corpus score as a JSON-ready dict: a ``summary`` and one entry per document."""
    return {
        "summary": {
            "documents": len(score.documents),
            "failed": len(score.errors),
            "dyads": _prf_json(score.dyads),
            "meetings": _prf_json(score.meetings),
            "statements": _prf_json(score.statements),
            "doc_averaged_dyad_f1": score.doc_averaged_dyad_f1,
            "doc_averaged_dyad_documents": score.doc_averaged_dyad_documents,
            "attributes": _attributes_json(score),
        },
        "documents": [
            {
                "doc": doc.doc,
                "error": doc.error,
                "dyads": _prf_json(doc.dyads),
                "meetings": _prf_json(doc.meetings),
                "statements": _prf_json(doc.statements),
                "attributes": _attributes_json(doc),
                "diagnostics": {
                    "missed_dyads": doc.diagnostics.missed_dyads,
                    "false_dyads": doc.diagnostics.false_dyads,
                    "missed_meetings": doc.diagnostics.missed_meetings,
                    "false_meetings": doc.diagnostics.false_meetings,
                    "attribute_errors": doc.diagnostics.attribute_errors,
                    "missed_statements": doc.diagnostics.missed_statements,
                    "false_statements": doc.diagnostics.false_statements,
                },
            }
            for doc in score.documents
        ],
    }
