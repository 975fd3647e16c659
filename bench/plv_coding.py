"""Score event coding on the peer data sets of ../shared/eval/peers (plv and the PLOVER GSR).

Usage: PYTHONPATH=src python bench/plv_coding.py [--split test] [--limit N] [--shared PATH]

Reports accuracy and macro-F1 over PLOVER types on plv's test split, and for the GSR records the
share of CONSULT records we code CONSULT and the mode agreement. Skips, with a message, when the
shared data are absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from sidelines.evaluate.coding import (
    code_sentences,
    format_label_score,
    plv_label,
    read_gsr,
    read_plv,
    score_consult,
    score_labels,
)
from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--split", default="test", help="plv split to score (test or train)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N rows")
    args = parser.parse_args()
    peers = args.shared / "eval" / "peers"
    plv_path = peers / "plv" / "plv.csv"
    gsr_path = peers / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if not plv_path.exists() and not gsr_path.exists():
        print(f"skipped: peer data not found under {peers} (../shared is absent)")
        return 0
    nlp, kb = load_pipeline(), KnowledgeBase.default()
    if plv_path.exists():
        rows = read_plv(plv_path, args.split)
        rows = rows[: args.limit] if args.limit else rows
        started = time.perf_counter()
        coded = code_sentences([r["text"] for r in rows], nlp, kb)
        score = score_labels([r["label"] for r in rows], [plv_label(c.event) for c in coded])
        print(f"plv split={args.split} ({time.perf_counter() - started:.0f} s)")
        print(format_label_score(score))
        print("decided by:", dict(Counter(c.source for c in coded)))
        said = [(r, c) for r, c in zip(rows, coded, strict=True) if c.statement_event]
        if said:
            right = sum(plv_label(c.statement_event) == r["label"] for r, c in said)
            print(
                f"texts with an extracted, coded statement: {len(said)}; "
                f"statement code right {right} ({right / len(said):.3f})"
            )
    else:
        print(f"skipped plv: {plv_path} not found")
    if gsr_path.exists():
        records = read_gsr(gsr_path)
        coded = code_sentences([str(r.get("text") or "") for r in records], nlp, kb)
        consult = score_consult(records, coded)
        print(
            f"\nPLOVER GSR: CONSULT records {consult.consult}, coded CONSULT "
            f"{consult.coded_consult} (recall {consult.recall:.3f}); with a mode "
            f"{consult.with_mode}, same mode {consult.mode_agrees} "
            f"({consult.mode_agreement:.3f}); other records coded CONSULT "
            f"{consult.other_coded_consult}/{consult.other}"
        )
        for miss in consult.misses:
            print("  missed", miss)
        gold = [plv_label(_canonical(str(r.get("event")))) for r in records]
        print("GSR all types (older names mapped):")
        print(format_label_score(score_labels(gold, [plv_label(c.event) for c in coded]), 8))
    else:
        print(f"skipped GSR: {gsr_path} not found")
    return 0


def _canonical(label: str) -> str:
    from sidelines.code import coding_tables

    return coding_tables().canonical(label)


if __name__ == "__main__":
    sys.exit(main())
