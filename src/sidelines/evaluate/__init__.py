"""Scoring extractions against the gold annotations of ``shared/eval`` (see its README).

``score_document`` and ``score_corpus`` score contract dicts; ``evaluate_dirs`` runs an extractor
over a gold set; ``format_table`` and ``to_json`` show the result; ``names_match`` is the one
name-matching rule every score uses.
"""

from sidelines.evaluate.names import names_match, same_name
from sidelines.evaluate.report import (
    evaluate_dirs,
    format_details,
    format_table,
    load_gold,
    to_json,
)
from sidelines.evaluate.scoring import (
    ATTRIBUTES,
    PRF,
    Accuracy,
    CorpusScore,
    Diagnostics,
    DocumentScore,
    combine_scores,
    occasion_matches,
    place_matches,
    score_corpus,
    score_document,
)

__all__ = [
    "ATTRIBUTES",
    "PRF",
    "Accuracy",
    "CorpusScore",
    "Diagnostics",
    "DocumentScore",
    "combine_scores",
    "evaluate_dirs",
    "format_details",
    "format_table",
    "load_gold",
    "names_match",
    "occasion_matches",
    "place_matches",
    "same_name",
    "score_corpus",
    "score_document",
    "to_json",
]
