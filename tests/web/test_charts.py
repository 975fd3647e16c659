"""Chart data: the network's weights, layout and cap; the stance of CAMEO codes; timeline points."""

from __future__ import annotations

import math
from typing import Any

from sidelines.web.charts import meeting_network, meeting_timeline, stance, stance_timeline


def meeting(mid: str, *names: str, date: str | None = "2023-01-01") -> dict[str, Any]:
    return {
        "id": mid,
        "date": date,
        "mode": "in_person",
        "participants": [
            {"name": n.title(), "actor_id": n, "country": n[:3].upper()} for n in names
        ],
    }


def test_network_weights_are_meetings_and_nodes_link_to_actors() -> None:
    graph = meeting_network(
        [meeting("1", "ana", "ben"), meeting("2", "ana", "ben"), meeting("3", "ana", "cid")]
    )
    edges = {(e["source"], e["target"]): e["weight"] for e in graph["edges"]}
    assert edges == {("ana", "ben"): 2, ("ana", "cid"): 1}
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["ana"]["meetings"] == 3 and nodes["ana"]["url"] == "/actors/ana"
    assert graph["hidden"] == 0


def test_network_layout_is_deterministic_and_spread() -> None:
    meetings = [meeting(str(i), f"a{i}", f"b{i}") for i in range(6)]
    first, second = meeting_network(meetings), meeting_network(meetings)
    assert first == second
    points = [(n["x"], n["y"]) for n in first["nodes"]]
    closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :])
    assert closest > 0.05  # no two actors drawn on top of each other
    labels = {n["id"]: n["label"] for n in first["nodes"]}
    assert labels["a0"] != labels["b0"]  # a pair's names go on opposite sides


def test_network_draws_only_the_busiest_actors() -> None:
    meetings = [meeting("x", "hub", "spoke0")] + [
        meeting(str(i), "hub", f"spoke{i}") for i in range(1, 8)
    ]
    graph = meeting_network(meetings, max_nodes=3)
    assert len(graph["nodes"]) == 3 and graph["hidden"] == 6  # hub and spoke0..7, three drawn
    kept = {n["id"] for n in graph["nodes"]}
    assert "hub" in kept
    assert all({e["source"], e["target"]} <= kept for e in graph["edges"])


def test_stance_of_cameo_codes() -> None:
    assert stance("010") == 0 and stance("0211") == 0
    assert stance("036") == 1 and stance("051") == 1
    assert stance("111") == -1 and stance("190") == -1
    assert stance(None) is None and stance("") is None and stance("x1") is None


def test_timeline_and_stance_points_skip_what_they_cannot_place() -> None:
    timeline = meeting_timeline([meeting("1", "ana", "ben"), meeting("2", "ana", date=None)])
    assert [p["url"] for p in timeline["points"]] == ["/meetings/1"]
    assert timeline["points"][0]["row"] == "ANA – BEN"
    statements = [
        {
            "id": "s1",
            "date": "2023-01-02",
            "cameo": "036",
            "topics": ["trade"],
            "document_id": "d",
            "evidence": [{"start": 3, "end": 9}],
            "cue": "said",
            "text": "x",
        },
        {"id": "s2", "date": None, "cameo": "036", "document_id": "d", "evidence": []},
        {"id": "s3", "date": "2023-01-02", "cameo": None, "document_id": "d", "evidence": []},
    ]
    [point] = stance_timeline(statements)["points"]
    assert point["stance"] == 1 and point["topic"] == "trade"
    assert point["url"] == "/documents/d#ev-3-9"
