"""Data for the dashboard's charts, computed here so the JavaScript only draws it.

Every function is pure: store dicts in, JSON-ready dicts out. The same data is shown as a table
beside each chart, so a page without plotly.js (or without JavaScript) still says everything.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

import numpy as np
import pycountry

from sidelines.web.clusters import Cluster, cluster_layout
from sidelines.web.highlight import span_anchor

__all__ = [
    "actor_key",
    "country_colours",
    "country_name",
    "force_layout",
    "meeting_timeline",
    "network_chart",
    "stance",
    "stance_timeline",
    "statement_link",
]

#: CAMEO root codes by GDELT's quad classes: 01-02 are public statements and appeals (neutral),
#: 03-08 cooperation, 09-20 conflict. The stance timeline plots these as 0, +1, -1.
COOPERATIVE_ROOTS = range(3, 9)
CONFLICT_ROOTS = range(9, 21)
GRAVITY = 2.0
#: nodes further apart than this many ideal edge lengths do not push each other (a grid-variant
#: Fruchterman–Reingold): gravity gathers loose pairs near the rest, so the drawing fills its box
REPULSION_RANGE = 3.0


def actor_key(party: Mapping[str, Any]) -> str:
    """What an actor page is addressed by: the KB id when resolved, else the name as written."""
    return str(party.get("actor_id") or party.get("name") or "")


def _label(meeting: Mapping[str, Any]) -> str:
    names = [str(p.get("name")) for p in meeting.get("participants", [])]
    return " – ".join(names) or "(parties unknown)"


#: one colour per meeting mode on every timeline, whichever modes a page shows
MODE_COLOURS = {"in_person": "#0072b2", "phone": "#e69f00", "video": "#009e73"}


def meeting_timeline(meetings: Iterable[Mapping[str, Any]], row_label: int = 28) -> dict[str, Any]:
    """One point per dated meeting: x the date, y its pair of countries (or names), and the link.

    ``rows`` lists every row once, busiest first, with its ``tick``: the label shown on the
    axis, cut to ``row_label`` characters so a long one does not squeeze the chart (the whole
    row is in the point's hover text). ``modes`` are the modes drawn, in one order with one
    colour each (:data:`MODE_COLOURS`) on every page.
    """
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
                "mode": str(meeting.get("mode") or "unknown"),
                "occasion": meeting.get("occasion"),
                "url": f"/meetings/{meeting['id']}",
            }
        )
    per_row = Counter(p["row"] for p in points)
    ticks: dict[str, str] = {}
    for row in sorted(per_row, key=lambda r: (-per_row[r], r)):
        tick = _short(row, row_label)
        while tick in ticks.values():  # two long rows cut to the same text stay two rows
            tick += "\u200b"
        ticks[row] = tick
    drawn = {p["mode"] for p in points}
    modes = [m for m in MODE_COLOURS if m in drawn] + sorted(drawn - set(MODE_COLOURS))
    return {
        "points": points,
        "modes": [
            {"mode": m, "name": m.replace("_", " "), "colour": MODE_COLOURS.get(m, OTHER_COLOUR)}
            for m in modes
        ],
        "rows": [
            {"row": row, "tick": tick, "meetings": per_row[row]} for row, tick in ticks.items()
        ],
    }


#: colours of the busiest countries (the first eight told apart by colour-blind readers too);
#: every other country is drawn in :data:`OTHER_COLOUR`
PALETTE = (
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b", "#7f3c8d",
    "#e73f74", "#6b8e23", "#1b1b1b", "#bcbd22",
)  # fmt: skip
OTHER_COLOUR = "#9aa0a6"
#: the drawing is scaled to x in [-ASPECT, ASPECT], y in [-1, 1] (the page draws it 620 px high
#: at one scale for both axes, so one unit is about 270 px)
ASPECT = 1.6
#: approximate size of a label's letters in those units (11 px text), used to leave out labels
#: that would overlap a busier node's label or another node
CHAR_WIDTH = 0.026
LINE_HEIGHT = 0.075
#: pixels per unit of the drawing, as the page draws it
PIXELS = 270


def marker_size(meetings: int) -> float:
    """A node's diameter in pixels: larger for more meetings."""
    return round(9 + 4 * math.sqrt(meetings), 1)


def country_name(iso3: str | None) -> str:
    """A country's common name from its ISO 3166 alpha-3 code (the code when unknown)."""
    if not iso3:
        return "(country unknown)"

    found = pycountry.countries.get(alpha_3=iso3.upper())
    if found is None:
        return iso3
    return str(getattr(found, "common_name", None) or found.name)


def country_colours(countries: Iterable[tuple[str | None, int]]) -> dict[str, str]:
    """A colour per country of ``(country, weight)``: the palette for the heaviest, grey for the
    rest and for an unknown country."""
    counts: Counter[str] = Counter()
    for country, weight in countries:
        counts[country if country and len(country) == 3 else ""] += weight
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    colours = {c: OTHER_COLOUR for c in ranked}
    for colour, country in zip(PALETTE, (c for c in ranked if c), strict=False):
        colours[country] = colour
    return colours


def network_chart(
    graph: Mapping[str, Any],
    level: str = "person",
    max_nodes: int = 120,
    labels: int = 40,
    iterations: int = 200,
) -> dict[str, Any]:
    """The drawing of a :func:`sidelines.store.read.network.meeting_network` graph.

    Keeps the ``max_nodes`` busiest nodes (``hidden`` counts the others) and the edges between
    them, lays them out (countries force-directed; persons in one named disc per country,
    ``clusters``, :mod:`sidelines.web.clusters`; deterministic for the same graph), colours them
    by country and names at most ``labels`` of them, busiest first, leaving out a name that
    would overlap one already placed (hovering shows every name).
    """
    ranked = sorted(graph.get("nodes", []), key=lambda n: (-n["meetings"], str(n["id"])))
    kept = ranked[:max_nodes]
    ids = {str(n["id"]) for n in kept}
    edges = [e for e in graph.get("edges", []) if e["source"] in ids and e["target"] in ids]
    order = sorted(kept, key=lambda n: (str(n.get("country") or "~"), str(n["id"])))
    keys = [str(n["id"]) for n in order]
    weighted = [(e["source"], e["target"], e["weight"]) for e in edges]
    # persons: a country's colour goes by how many of its people are drawn; countries: by meetings
    colours = country_colours(
        (n.get("country"), n["meetings"] if level == "country" else 1) for n in kept
    )
    sizes = {str(n["id"]): marker_size(n["meetings"]) for n in kept}
    clusters: list[dict[str, Any]] = []
    if level == "person":
        # each country's people in a disc of their own, the disc named
        positions, discs = cluster_layout(
            keys,
            [str(n.get("country") or "") for n in order],
            {str(n["id"]): n["meetings"] for n in kept},
            weighted,
            ASPECT,
        )
        clusters = _cluster_labels(discs, colours, positions, sizes)
    else:
        positions = _fill(force_layout(keys, weighted, iterations))
    shown = _placed_labels(
        [(str(n["id"]), _short(_node_name(n, level))) for n in kept],
        positions,
        sizes,
        labels,
        [c["label_box"] for c in clusters if c["label"]],
    )
    if level == "person":
        positions = _clear_labels(shown, positions, sizes, discs)
    nodes = []
    for n in order:
        key = str(n["id"])
        country = n.get("country")
        nodes.append(
            {
                "id": key,
                "name": _node_name(n, level),
                "country": country,
                "country_name": country_name(country),
                "meetings": n["meetings"],
                "size": sizes[key],
                "x": round(positions[key][0], 4),
                "y": round(positions[key][1], 4),
                "colour": colours.get(country or "", OTHER_COLOUR),
                "label": shown[key][0] if key in shown else "",
                "label_position": shown[key][1] if key in shown else LABEL_POSITIONS[0],
                "url": _node_url(key, level),
            }
        )
    legend = [
        {"country": c, "name": country_name(c), "colour": colour}
        for c, colour in colours.items()
        if colour != OTHER_COLOUR
    ]
    return {
        "level": level,
        "nodes": nodes,
        "edges": [{**e, "width": _edge_width(e["weight"])} for e in edges],
        "hidden": len(ranked) - len(kept),
        "legend": legend,
        "clusters": clusters,
        "range": {"x": [-ASPECT - 0.2, ASPECT + 0.2], "y": [-1.12, 1.18]},
    }


def _fill(positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """The layout stretched to fill x in [-ASPECT, ASPECT] and y in [-1, 1]."""
    if len(positions) < 2:
        return {key: (0.0, 0.0) for key in positions}
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    sx = (max(xs) - min(xs)) / 2 or 1.0
    sy = (max(ys) - min(ys)) / 2 or 1.0
    return {key: ((x - cx) / sx * ASPECT, (y - cy) / sy) for key, (x, y) in positions.items()}


def _node_name(node: Mapping[str, Any], level: str) -> str:
    if level == "country":
        return country_name(str(node["id"])) if node["id"] != "(country unknown)" else node["id"]
    return str(node.get("name") or node["id"])


def _node_url(key: str, level: str) -> str:
    if level == "country":
        # a country's node opens its meetings; the unknown country has no code to filter by
        return f"/meetings?country={quote(key)}" if len(key) == 3 else "/meetings"
    return f"/actors/{quote(key)}"


def _short(name: str, size: int = 22) -> str:
    return name if len(name) <= size else name[: size - 1].rstrip() + "…"


def _edge_width(weight: int) -> float:
    return round(1 + 2.5 * math.log2(1 + weight), 2)


#: where a label may go beside its node, in the order tried (plotly's ``textposition``)
LABEL_POSITIONS = ("top center", "bottom center", "middle right", "middle left")
#: this many of the busiest nodes are named even when each place beside them covers a node
ALWAYS_NAMED = 8


def label_box(
    x: float, y: float, text: str, size: float, position: str = "top center"
) -> tuple[float, float, float, float]:
    """Where a node's label is drawn at ``position`` beside its marker of ``size`` pixels, in
    the drawing's units: ``(left, bottom, right, top)``."""
    width = len(text) * CHAR_WIDTH
    gap = size / 2 / PIXELS + 0.01
    if position == "top center":
        return (x - width / 2, y + gap, x + width / 2, y + gap + LINE_HEIGHT)
    if position == "bottom center":
        return (x - width / 2, y - gap - LINE_HEIGHT, x + width / 2, y - gap)
    if position == "middle right":
        return (x + gap, y - LINE_HEIGHT / 2, x + gap + width, y + LINE_HEIGHT / 2)
    return (x - gap - width, y - LINE_HEIGHT / 2, x - gap, y + LINE_HEIGHT / 2)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _placed_labels(
    candidates: list[tuple[str, str]],
    positions: dict[str, tuple[float, float]],
    sizes: dict[str, float],
    limit: int,
    taken: Iterable[tuple[float, float, float, float]] = (),
) -> dict[str, tuple[str, str]]:
    """``{node: (label, position)}`` for the first ``limit`` nodes (busiest first) with a place
    beside them (:data:`LABEL_POSITIONS`, in order) that overlaps no label placed before (nor
    the boxes ``taken`` already) and no other node's marker; the :data:`ALWAYS_NAMED` busiest
    may cover a node, never a label."""
    markers = _marker_boxes(positions, sizes)
    boxes: list[tuple[float, float, float, float]] = list(taken)
    placed: dict[str, tuple[str, str]] = {}
    for rank, (key, text) in enumerate(candidates):
        if len(placed) >= limit:
            break
        x, y = positions[key]
        free = [
            (position, box)
            for position in LABEL_POSITIONS
            for box in [label_box(x, y, text, sizes.get(key, 0.0), position)]
            if not any(_overlap(box, b) for b in boxes)
        ]
        # how many other nodes each place covers: a busiest node's name goes where it covers
        # the fewest (the first such place in order), any other's only where it covers none
        covers = [
            sum(_overlap(box, m) for other, m in markers.items() if other != key) for _, box in free
        ]
        chosen = [
            place
            for place, count in zip(free, covers, strict=True)
            if count == (min(covers) if rank < ALWAYS_NAMED else 0)
        ]
        if chosen:
            position, box = chosen[0]
            boxes.append(box)
            placed[key] = (text, position)
    return placed


def _clear_labels(
    shown: Mapping[str, tuple[str, str]],
    positions: dict[str, tuple[float, float]],
    sizes: Mapping[str, float],
    discs: Iterable[Cluster],
    passes: int = 3,
) -> dict[str, tuple[float, float]]:
    """The unnamed nodes a placed label covers moved out from under it (up or down, else
    sideways), staying in their country's disc: in a crowded disc the busiest are named even
    where every place beside them covers a neighbour (:data:`ALWAYS_NAMED`), and the neighbour
    moves (a named one stays, or its own name would move onto another)."""
    home = {key: disc for disc in discs for key in disc.members}
    moved = dict(positions)
    boxes = [
        label_box(*positions[key], text, sizes.get(key, 0.0), where)
        for key, (text, where) in shown.items()
    ]
    for _ in range(passes):
        for box in boxes:
            for key, (x, y) in list(moved.items()):
                r = sizes.get(key, 0.0) / 2 / PIXELS + 0.004
                if key in shown or not _overlap(box, (x - r, y - r, x + r, y + r)):
                    continue
                middle_x, middle_y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                tries = [
                    (x, box[3] + r if y >= middle_y else box[1] - r),
                    (box[2] + r if x >= middle_x else box[0] - r, y),
                ]
                for tx, ty in tries:
                    tx, ty = _inside(home.get(key), tx, ty, r)
                    if not _overlap(box, (tx - r, ty - r, tx + r, ty + r)):
                        moved[key] = (tx, ty)
                        break
    return moved


def _inside(disc: Cluster | None, x: float, y: float, r: float) -> tuple[float, float]:
    """``(x, y)`` pulled back into ``disc`` (a marker of radius ``r`` wholly inside it)."""
    if disc is None:
        return x, y
    dx, dy = x - disc.x, y - disc.y
    room = max(disc.r - r, 0.0)
    length = math.hypot(dx, dy)
    if length <= room:
        return x, y
    return disc.x + dx * room / length, disc.y + dy * room / length


def _marker_boxes(
    positions: Mapping[str, tuple[float, float]], sizes: Mapping[str, float]
) -> dict[str, tuple[float, float, float, float]]:
    markers = {}
    for key, (x, y) in positions.items():
        r = sizes.get(key, 0.0) / 2 / PIXELS
        markers[key] = (x - r, y - r, x + r, y + r)
    return markers


def _cluster_labels(
    discs: Iterable[Cluster],
    colours: Mapping[str, str],
    positions: Mapping[str, tuple[float, float]],
    sizes: Mapping[str, float],
) -> list[dict[str, Any]]:
    """Each country disc with its colour and its name, placed above the disc (else below it)
    where it covers no other disc's name and no node; a name with no such place is left out (the
    legend and the hover still say it)."""
    markers = list(_marker_boxes(positions, sizes).values())
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for disc in discs:  # biggest first
        name = country_name(disc.group)
        width = len(name) * CHAR_WIDTH
        label, box, anchor = "", (0.0, 0.0, 0.0, 0.0), "bottom"
        for side in (1, -1):
            edge = disc.y + side * (disc.r + 0.005)
            low, high = (edge, edge + LINE_HEIGHT) if side > 0 else (edge - LINE_HEIGHT, edge)
            candidate = (disc.x - width / 2, low, disc.x + width / 2, high)
            if not any(_overlap(candidate, b) for b in placed + markers):
                label, box, anchor = name, candidate, "bottom" if side > 0 else "top"
                placed.append(box)
                break
        out.append(
            {
                "country": disc.group,
                "colour": colours.get(disc.group, OTHER_COLOUR),
                "x": round(disc.x, 4),
                "y": round(disc.y, 4),
                "r": round(disc.r, 4),
                "people": len(disc.members),
                "label": label,
                "label_y": round(box[1] if anchor == "bottom" else box[3], 4),
                "label_anchor": anchor,
                "label_box": box,
            }
        )
    return out


def force_layout(
    keys: list[str],
    edges: list[tuple[str, str, int]],
    iterations: int = 200,
) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions in a 2 x 2 box, from a circle in the order of ``keys``.

    Heavier edges pull harder (by the log of their weight). Computed on numpy arrays: every step
    is one pass over the n x n distances (the person network is laid out in country clusters
    instead, :mod:`sidelines.web.clusters`).
    """
    count = len(keys)
    if count == 0:
        return {}
    angles = 2 * np.pi * np.arange(count) / count
    pos = np.column_stack((np.cos(angles), np.sin(angles)))
    if count > 2:
        index = {key: i for i, key in enumerate(keys)}
        pull = np.zeros((count, count))
        for a, b, weight in edges:
            i, j = index[a], index[b]
            pull[i, j] = pull[j, i] = 1 + math.log(weight)
        k = math.sqrt(4.0 / count)
        temperature = 0.2
        for _ in range(iterations):
            dx = pos[:, 0, None] - pos[None, :, 0]
            dy = pos[:, 1, None] - pos[None, :, 1]
            dist = np.maximum(np.sqrt(dx * dx + dy * dy), 1e-3)
            # repulsion k^2/d between near pairs only (far ones pushed apart the loose pairs
            # to the edges and squeezed the rest into a corner), attraction d^2/k along edges
            repulsion = np.where(dist < REPULSION_RANGE * k, (k * k) / (dist * dist), 0.0)
            force = repulsion - pull * (dist / k)
            np.fill_diagonal(force, 0.0)
            move = np.column_stack(((dx * force).sum(axis=1), (dy * force).sum(axis=1)))
            move -= pos * (k * GRAVITY)
            length = np.maximum(np.sqrt((move * move).sum(axis=1)), 1e-9)
            pos += move * (np.minimum(length, temperature) / length)[:, None]
            temperature = max(temperature * 0.97, 0.005)
    return {key: (float(pos[i, 0]), float(pos[i, 1])) for i, key in enumerate(keys)}


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
