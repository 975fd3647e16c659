"""Reviews that change what a meeting is: it did not happen, its participants were others, two
reports are one meeting (merge), one report joined two meetings (split). Each flows into the
queries, the network and the exports, and keeps an audit row."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.export import export
from sidelines.store import Store
from sidelines.store.read.network import meeting_network
from sidelines.store.reviews import FactNotFoundError, ReviewError, record_review, reviews

from ..conftest import SAMPLES


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    path = tmp_path_factory.mktemp("reviews") / "samples.db"
    store = Store.open(f"sqlite:///{path}")
    report = IngestReport()
    ingest_documents(read_items([str(SAMPLES)], store, report), store, report, nlp=nlp)
    assert report.stored >= 4
    store.engine.dispose()
    return path


@pytest.fixture
def store(pristine: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "reviewed.db"
    shutil.copy(pristine, copy)
    store = Store.open(f"sqlite:///{copy}")
    yield store
    store.engine.dispose()


def meeting_of(store: Store, actor: str) -> dict[str, Any]:
    [found] = store.meetings(actor=actor, status="held")
    return found


def csv_ids(store: Store, tmp_path: Path) -> list[str]:
    out = tmp_path / "meetings.csv"
    export(store, "csv", out)
    return [row["id"] for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))]


def test_a_meeting_that_did_not_happen_leaves_queries_and_exports(
    store: Store, tmp_path: Path
) -> None:
    meeting = meeting_of(store, "olaf-scholz")
    assert meeting["id"] in csv_ids(store, tmp_path)
    review = record_review(
        store, "meeting", meeting["id"], "correct", field="status", value="not_held",
        note="the readout announces a call that was then cancelled", reviewer="analyst",
    )  # fmt: skip
    assert (review["before"], review["after"]) == ("held", "not_held")
    assert meeting["id"] not in {m["id"] for m in store.meetings()}
    assert meeting["id"] not in csv_ids(store, tmp_path)
    with store.sessions() as session:
        assert "olaf-scholz" not in {n["id"] for n in meeting_network(session)["nodes"]}
    kept = store.meeting(meeting["id"])  # nothing is lost: it is there when asked for
    assert kept is not None and kept["status"] == "not_held"


def test_corrected_participants_are_who_queries_find(store: Store) -> None:
    meeting = meeting_of(store, "olaf-scholz")
    value = [
        {"name": "Olaf Scholz", "country": "DEU"},
        {"name": "Kamala Harris", "country": "USA"},
    ]
    review = record_review(store, "meeting", meeting["id"], "correct", "participants", value)
    assert {p["name"] for p in review["before"]} == {"Olaf Scholz", "Joe Biden"}
    assert [p["name"] for p in review["after"]] == ["Olaf Scholz", "Kamala Harris"]
    assert [m["id"] for m in store.meetings(actor="Kamala Harris")] == [meeting["id"]]
    assert meeting["id"] not in {m["id"] for m in store.meetings(actor="joe-biden")}
    with store.sessions() as session:
        edges = {(e["source"], e["target"]) for e in meeting_network(session)["edges"]}
    assert any("harris" in a + b and "scholz" in a + b for a, b in edges)
    biden = store.actor("joe-biden")
    # the counts follow the correction (the planned meeting of the same call stays his)
    assert biden is None or [m for m in biden["meetings"] if m["status"] == "held"] == []
    with pytest.raises(ReviewError):
        record_review(store, "meeting", meeting["id"], "correct", "participants", [])
    with pytest.raises(ReviewError):
        record_review(store, "meeting", meeting["id"], "correct", "participants", [{"x": 1}])


def test_merge_then_split_round_trip(store: Store, tmp_path: Path) -> None:
    first, second = meeting_of(store, "olaf-scholz"), meeting_of(store, "narendra-modi")
    before = store.count_meetings(status=None)
    statements_of_second = {s["id"] for s in store.statements(meeting_id=second["id"])}
    merged = record_review(
        store, "meeting", first["id"], "merge", value=second["id"], reviewer="analyst"
    )
    assert merged["after"] == {"merged": second["id"], "into": first["id"]}
    assert merged["before"]["id"] == second["id"]  # the merged meeting's record is kept
    assert {p["name"] for p in merged["before"]["participants"]} >= {"Narendra Modi"}
    assert store.meeting(second["id"]) is None
    assert store.count_meetings(status=None) == before - 1
    joined = store.meeting(first["id"])
    assert joined is not None
    assert {d["id"] for d in joined["source_documents"]} >= set(merged["before"]["documents"])
    assert statements_of_second <= {s["id"] for s in joined["statements"]}
    assert {"Olaf Scholz", "Narendra Modi"} <= {p["name"] for p in joined["participants"]}
    assert second["id"] not in csv_ids(store, tmp_path)

    split = record_review(
        store, "meeting", first["id"], "split", value=merged["before"]["documents"]
    )
    new_id = split["after"]["new_meeting"]
    new = store.meeting(new_id)
    assert new is not None
    assert [d["id"] for d in new["source_documents"]] == merged["before"]["documents"]
    assert statements_of_second <= {s["id"] for s in new["statements"]}
    rest = store.meeting(first["id"])
    assert rest is not None and len(rest["source_documents"]) == 1
    assert store.count_meetings(status=None) == before
    trail = [r["action"] for r in reviews(store, fact_id=first["id"])]
    assert trail == ["split", "merge"]


def test_bad_merges_and_splits_are_refused_and_change_nothing(store: Store) -> None:
    meeting = meeting_of(store, "olaf-scholz")
    count = store.count_meetings(status=None)
    with pytest.raises(FactNotFoundError):
        record_review(store, "meeting", meeting["id"], "merge", value="no-such-meeting")
    with pytest.raises(ReviewError, match="itself"):
        record_review(store, "meeting", meeting["id"], "merge", value=meeting["id"])
    only = store.meeting(meeting["id"])
    assert only is not None
    with pytest.raises(ReviewError, match="at least one source"):
        record_review(
            store, "meeting", meeting["id"], "split", value=[only["source_documents"][0]["id"]]
        )
    with pytest.raises(ReviewError, match="not sources"):
        record_review(store, "meeting", meeting["id"], "split", value=["elsewhere"])
    statement = store.statements(limit=1)[0]
    with pytest.raises(ReviewError, match="only meetings"):
        record_review(store, "statement", statement["id"], "merge", value=meeting["id"])
    assert store.count_meetings(status=None) == count
    assert reviews(store, fact_id=meeting["id"]) == []
