"""Data for the dashboard's charts, computed here so the JavaScript only draws it.

Every function is pure: store dicts in, JSON-ready dicts out. The same data is shown as a table
beside each chart, so a page without plotly.js (or without JavaScript) still says everything.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

from sidelines.web.highlight import span_anchor

__all__ = [
    "actor_key",
    "meeting_network",
    "meeting_timeline",
    "stance",
    "stance_timeline",
    "statement_link",
]

#: CAMEO root codes by GDELT's quad classes: 01-02 are public statements and appeals (neutral),
#: 03-08 cooperation, 09-20 conflict. The stance timeline plots these as 0, +1, -1.
COOPERATIVE_ROOTS = range(3, 9)
CONFLICT_ROOTS = range(9, 21)
GRAVITY = 2.0


def actor_key(party: Mapping[str, Any]) -> str:
    """What an actor page is addressed by: the KB id when resolved, else the name as written."""
    return str(party.get("actor_id") or party.get("name") or "")


def _label(meeting: Mapping[str, Any]) -> str:
    names = [str(p.get("name")) for p in meeting.get("participants", [])]
    return " – ".join(names) or "(parties unknown)"


def meeting_timeline(meetings: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """One point per dated meeting: x the date, y its pair of countries (or names), and the link."""
    points: list[dict[str, Any]] = []
    for meeting in meetings:
        if not meeting.get("date"):
            continue
        parties = meeting.get("participants", [])
        countries = sorted({str(p.get("country") or p.get("name")) for p in parties})
        points.append(
            {
                "date": meeting["date"],
                "row": " – ".join(countries) or "(unknown)",
                "label": _label(meeting),
                "mode": meeting.get("mode"),
                "occasion": meeting.get("occasion"),
                "url": f"/meetings/{meeting['id']}",
            }
        )
    return {"points": points}


def meeting_network(
    meetings: Iterable[Mapping[str, Any]], iterations: int = 150, max_nodes: int = 120
) -> dict[str, Any]:
    """Nodes (actors) and edges (pairs that met, weight = meetings) with a force layout.

    The layout is Fruchterman–Reingold from a circle, deterministic for the same meetings. Only
    the ``max_nodes`` busiest actors are drawn (the layout is quadratic, and a denser picture is
    unreadable); ``hidden`` says how many were left out.
    """
    names: dict[str, str] = {}
    countries: dict[str, str | None] = {}
    degree: Counter[str] = Counter()
    weights: Counter[tuple[str, str]] = Counter()
    for meeting in meetings:
        keys = []
        for party in meeting.get("participants", []):
            key = actor_key(party)
            if key and key not in keys:
                keys.append(key)
                names.setdefault(key, str(party.get("name") or key))
                countries.setdefault(key, party.get("country"))
        for key in keys:
            degree[key] += 1
        for a, b in combinations(sorted(keys), 2):
            weights[(a, b)] += 1
    busiest = sorted(names, key=lambda key: (-degree[key], key))[:max_nodes]
    order = sorted(busiest)
    kept = set(order)
    weights = Counter({pair: w for pair, w in weights.items() if kept.issuperset(pair)})
    positions = _force_layout(order, list(weights), iterations)
    neighbours: dict[str, list[str]] = {key: [] for key in order}
    for a, b in weights:
        neighbours[a].append(b)
        neighbours[b].append(a)
    nodes = [
        {
            "id": key,
            "name": names[key],
            "country": countries[key],
            "meetings": degree[key],
            "x": round(positions[key][0], 4),
            "y": round(positions[key][1], 4),
            "url": f"/actors/{key}",
            "label": _label_side(key, neighbours[key], positions),
        }
        for key in order
    ]
    edges = [
        {"source": a, "target": b, "weight": w}
        for (a, b), w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {"nodes": nodes, "edges": edges, "hidden": len(names) - len(order)}


def _label_side(key: str, neighbours: list[str], positions: dict[str, tuple[float, float]]) -> str:
    """Put a node's name on the side away from its neighbours, so two names do not collide."""
    if not neighbours:
        return "top center"
    mean_y = sum(positions[n][1] for n in neighbours) / len(neighbours)
    return "top center" if positions[key][1] >= mean_y else "bottom center"


def _force_layout(
    keys: list[str], edges: list[tuple[str, str]], iterations: int
) -> dict[str, tuple[float, float]]:
    count = len(keys)
    if count == 0:
        return {}
    pos = {
        key: [math.cos(2 * math.pi * i / count), math.sin(2 * math.pi * i / count)]
        for i, key in enumerate(keys)
    }
    if count > 2:
        k = math.sqrt(4.0 / count)  # ideal distance in a 2x2 box
        temperature = 0.2
        for _ in range(iterations):
            move = {key: [0.0, 0.0] for key in keys}
            for a, b in combinations(keys, 2):
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = max(math.hypot(dx, dy), 1e-3)
                push = k * k / dist
                move[a][0] += dx / dist * push
                move[a][1] += dy / dist * push
                move[b][0] -= dx / dist * push
                move[b][1] -= dy / dist * push
            for a, b in edges:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = max(math.hypot(dx, dy), 1e-3)
                pull = dist * dist / k
                move[a][0] -= dx / dist * pull
                move[a][1] -= dy / dist * pull
                move[b][0] += dx / dist * pull
                move[b][1] += dy / dist * pull
            for key in keys:  # a little gravity keeps unconnected pairs from drifting apart
                move[key][0] -= pos[key][0] * k * GRAVITY
                move[key][1] -= pos[key][1] * k * GRAVITY
            for key in keys:
                dx, dy = move[key]
                length = max(math.hypot(dx, dy), 1e-9)
                step = min(length, temperature)
                pos[key][0] += dx / length * step
                pos[key][1] += dy / length * step
            temperature = max(temperature * 0.97, 0.005)
    return {key: (xy[0], xy[1]) for key, xy in pos.items()}


def statement_link(statement: Mapping[str, Any]) -> str:
    """The document page of a statement, scrolled to its first evidence span."""
    url = f"/documents/{statement.get('document_id')}"
    evidence = statement.get("evidence") or []
    if evidence:
        url += "#" + span_anchor(int(evidence[0]["start"]), int(evidence[0]["end"]))
    return url


def stance(cameo: str | None) -> int | None:
    """+1 cooperative, 0 neutral, -1 conflictual from a CAMEO code; None when uncoded."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if root in COOPERATIVE_ROOTS:
        return 1
    if root in CONFLICT_ROOTS:
        return -1
    return 0


def stance_timeline(statements: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """One point per dated, coded statement: x its date, y its stance, grouped by first topic."""
    points = []
    for statement in statements:
        value = stance(statement.get("cameo"))
        if value is None or not statement.get("date"):
            continue
        topics = statement.get("topics") or []
        points.append(
            {
                "date": statement["date"],
                "stance": value,
                "topic": topics[0] if topics else "(no topic)",
                "cue": statement.get("cue"),
                "text": str(statement.get("text") or "")[:160],
                "url": statement_link(statement),
            }
        )
    return {"points": points}
