"""Reviews: confirm, correct, annotate over the API; the audit trail; gold export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sidelines.cli import app as cli_app
from sidelines.evaluate.report import evaluate_dirs
from sidelines.store import Store
from sidelines.store.reviews import FactNotFoundError, ReviewError, export_gold, record_review

from .conftest import TOKEN, assert_error_shape

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def post_review(client: TestClient, **body: Any) -> Any:
    return client.post("/api/v1/reviews", json=body, headers=AUTH)


def test_a_correction_changes_the_fact_and_keeps_before_and_after(
    writer: TestClient, writable_store: Store
) -> None:
    meeting = writable_store.meetings(actor="Sergey Lavrov", limit=1)[0]
    response = post_review(
        writer,
        fact_type="meeting",
        fact_id=meeting["id"],
        action="correct",
        field="place",
        value="Almaty",
        reviewer="analyst-1",
        note="the readout's dateline is wrong",
    )
    assert response.status_code == 201, response.text
    review = response.json()
    assert review["before"] == meeting["place"] and review["after"] == "Almaty"
    assert review["reviewer"] == "analyst-1" and review["at"] and review["id"]
    assert writable_store.meeting(meeting["id"])["place"] == "Almaty"  # type: ignore[index]
    trail = writer.get("/api/v1/reviews", params={"fact_id": meeting["id"]}).json()
    assert trail["count"] == 1 and trail["data"][0] == review


def test_topics_correction_updates_topic_filters(writer: TestClient, writable_store: Store) -> None:
    statement = writable_store.statements(limit=1)[0]
    response = post_review(
        writer,
        fact_type="statement",
        fact_id=statement["id"],
        action="correct",
        field="topics",
        value=["Arctic shipping"],
    )
    assert response.status_code == 201, response.text
    assert response.json()["before"] == statement["topics"]
    found = writer.get("/api/v1/statements", params={"topic": "Arctic shipping"}).json()
    assert [s["id"] for s in found["data"]] == [statement["id"]]


def test_confirm_and_annotate(writer: TestClient, writable_store: Store) -> None:
    meeting_id = writable_store.meetings(limit=1)[0]["id"]
    confirmed = post_review(writer, fact_type="meeting", fact_id=meeting_id, action="confirm")
    assert confirmed.status_code == 201 and confirmed.json()["action"] == "confirm"
    noted = post_review(
        writer, fact_type="meeting", fact_id=meeting_id, action="annotate", note="check"
    )
    assert noted.status_code == 201 and noted.json()["note"] == "check"
    assert writer.get("/api/v1/reviews").json()["count"] == 2


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"fact_type": "meeting", "fact_id": "nope", "action": "confirm"}, 404),
        ({"fact_type": "meeting", "fact_id": "M", "action": "correct", "field": "text"}, 422),
        ({"fact_type": "meeting", "fact_id": "M", "action": "correct"}, 422),
        ({"fact_type": "meeting", "fact_id": "M", "action": "correct", "field": "date"}, 200),
        ({"fact_type": "meeting", "fact_id": "M", "action": "correct", "field": "mode"}, 422),
        ({"fact_type": "meeting", "fact_id": "M", "action": "annotate"}, 422),
        ({"fact_type": "treaty", "fact_id": "M", "action": "confirm"}, 422),
        ({"fact_type": "meeting", "fact_id": "M", "action": "delete"}, 422),
    ],
)
def test_bad_reviews_are_refused_in_the_error_shape(
    writer: TestClient, writable_store: Store, body: dict[str, Any], status: int
) -> None:
    if body["fact_id"] == "M":
        body = {**body, "fact_id": writable_store.meetings(limit=1)[0]["id"]}
    response = writer.post("/api/v1/reviews", json=body, headers=AUTH)
    if status == 200:  # a date may be corrected to null ("the text does not fix it")
        assert response.status_code == 201 and response.json()["after"] is None
    else:
        assert_error_shape(response, status)


def test_record_review_library_errors(writable_store: Store) -> None:
    with pytest.raises(FactNotFoundError, match="E071"):
        record_review(writable_store, "statement", "nope", "confirm")
    meeting_id = writable_store.meetings(limit=1)[0]["id"]
    with pytest.raises(ReviewError, match="ISO date"):
        record_review(writable_store, "meeting", meeting_id, "correct", "date", "May 5")
    with pytest.raises(ReviewError, match="alpha-3"):
        record_review(writable_store, "meeting", meeting_id, "correct", "country", "Russia")


def test_export_gold_is_read_by_evaluate(writable_store: Store, tmp_path: Path) -> None:
    meeting = writable_store.meetings(actor="Sergey Lavrov", limit=1)[0]
    record_review(writable_store, "meeting", meeting["id"], "correct", "occasion", "SCO summit")
    statement = writable_store.statements(limit=1)[0]
    record_review(writable_store, "statement", statement["id"], "confirm")
    written = export_gold(writable_store, tmp_path / "gold")
    assert written
    golds = [json.loads(path.read_text(encoding="utf-8")) for path in written]
    meetings = [m for g in golds for m in g["meetings"]]
    assert any(m["occasion"] == "SCO summit" for m in meetings)
    assert all(len(m["sides"]) >= 2 for m in meetings)
    assert any(g["statements"] for g in golds)
    docs = tmp_path / "gold" / "docs"
    assert all((docs / g["doc"]).is_file() for g in golds)
    seen: list[str] = []

    def extract(path: Path) -> dict[str, Any]:
        seen.append(path.name)
        return {"meetings": [], "statements": []}

    score = evaluate_dirs(tmp_path / "gold", docs, extract)
    assert sorted(seen) == sorted(g["doc"] for g in golds)
    assert score.meetings.recall == 0.0  # nothing predicted, some gold meetings


def test_export_gold_cli(writable_store: Store, tmp_path: Path) -> None:
    meeting_id = writable_store.meetings(limit=1)[0]["id"]
    record_review(writable_store, "meeting", meeting_id, "confirm")
    url = str(writable_store.engine.url)
    result = CliRunner().invoke(
        cli_app, ["reviews", "export-gold", str(tmp_path / "g"), "--db", url]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 1 gold files" in result.output or "gold files" in result.output
    assert list((tmp_path / "g").glob("*.json"))


def test_reviews_migration_is_applied_once(writable_store: Store) -> None:
    assert "reviews" in writable_store.tables()
    assert writable_store.migrate() == []


def test_a_meeting_reviewed_as_not_held_is_listed_when_asked(
    writer: TestClient, writable_store: Store
) -> None:
    meeting = writable_store.meetings(actor="Sergey Lavrov", limit=1)[0]
    response = post_review(
        writer,
        fact_type="meeting",
        fact_id=meeting["id"],
        action="correct",
        field="status",
        value="not_held",
        reviewer="analyst-1",
    )
    assert response.status_code == 201, response.text

    def listed(**params: str) -> list[str]:
        answer = writer.get("/api/v1/meetings", params={**params, "limit": "500"})
        assert answer.status_code == 200, answer.text
        return [m["id"] for m in answer.json()["data"]]

    assert meeting["id"] not in listed()  # held meetings by default
    assert listed(status="not_held") == [meeting["id"]]
    assert meeting["id"] in listed(status="any")
    # the CLI and the dashboard read the same status
    db = str(writable_store.engine.url)
    cli = CliRunner().invoke(
        cli_app, ["meetings", "--db", db, "--status", "not_held", "-f", "json"]
    )
    assert cli.exit_code == 0, cli.output
    assert [m["id"] for m in json.loads(cli.stdout)] == [meeting["id"]]
    page = writer.get("/meetings", params={"status": "not_held"})
    assert page.status_code == 200 and f"/meetings/{meeting['id']}" in page.text
