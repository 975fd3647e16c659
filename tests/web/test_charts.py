"""Chart data: the network's weights, layout and cap; the stance of CAMEO codes; timeline points."""

from __future__ import annotations

import math
from typing import Any

from sidelines.web.charts import (
    ALWAYS_NAMED,
    ASPECT,
    PIXELS,
    label_box,
    meeting_timeline,
    network_chart,
    stance,
    stance_timeline,
)


def meeting(mid: str, *names: str, date: str | None = "2023-01-01") -> dict[str, Any]:
    return {
        "id": mid,
        "date": date,
        "mode": "in_person",
        "participants": [
            {"name": n.title(), "actor_id": n, "country": n[:3].upper()} for n in names
        ],
    }


def graph(*pairs: tuple[str, str, int]) -> dict[str, Any]:
    """A store network of persons ``a0``, ``b1`` ... whose country is their first letter."""
    names = sorted({n for a, b, _ in pairs for n in (a, b)})
    degree = {n: sum(w for a, b, w in pairs if n in (a, b)) for n in names}
    return {
        "nodes": [
            {"id": n, "name": n.title(), "country": n[0].upper() * 3, "meetings": degree[n]}
            for n in names
        ],
        "edges": [
            {"source": a, "target": b, "weight": w, "first_date": None, "last_date": None}
            for a, b, w in pairs
        ],
        "meetings": sum(w for _, _, w in pairs),
    }


def test_network_chart_colours_by_country_and_weights_edges() -> None:
    chart = network_chart(graph(("a1", "b1", 5), ("a1", "c1", 1), ("a2", "b1", 1)))
    colour = {n["id"]: n["colour"] for n in chart["nodes"]}
    assert colour["a1"] == colour["a2"] != colour["b1"] != colour["c1"]
    assert {entry["country"] for entry in chart["legend"]} == {"AAA", "BBB", "CCC"}
    widths = {(e["source"], e["target"]): e["width"] for e in chart["edges"]}
    assert widths[("a1", "b1")] > widths[("a1", "c1")] == widths[("a2", "b1")]
    urls = {n["id"]: n["url"] for n in chart["nodes"]}
    assert urls["a1"] == "/actors/a1"


def test_network_layout_is_deterministic_spread_and_groups_countries() -> None:
    pairs = [(f"a{i}", f"b{i}", 1) for i in range(6)] + [(f"c{i}", f"b{i}", 1) for i in range(6)]
    first, second = network_chart(graph(*pairs)), network_chart(graph(*pairs))
    assert first == second
    points = {n["id"]: (n["x"], n["y"]) for n in first["nodes"]}
    values = list(points.values())
    closest = min(math.dist(p, q) for i, p in enumerate(values) for q in values[i + 1 :])
    assert closest > 0.05  # no two actors drawn on top of each other

    def spread(prefix: str) -> float:
        group = [p for key, p in points.items() if key.startswith(prefix)]
        cx = sum(x for x, _ in group) / len(group)
        cy = sum(y for _, y in group) / len(group)
        return sum(math.dist(p, (cx, cy)) for p in group) / len(group)

    overall = spread("")
    assert spread("a") < overall and spread("c") < overall  # a country's people drawn together


def test_network_labels_do_not_overlap() -> None:
    # a star of 60 long names: every name drawn must keep clear of every other drawn name, and
    # of every other node (but for the busiest few, which are always named)
    chart = network_chart(graph(*[("hub", f"spoke-with-a-long-name-{i:02}", 1) for i in range(60)]))
    nodes = chart["nodes"]
    boxes = {
        n["id"]: label_box(n["x"], n["y"], n["label"], n["size"], n["label_position"])
        for n in nodes
        if n["label"]
    }
    assert boxes and any(n["label"] == "" for n in nodes)  # some names left to hover
    values = list(boxes.values())
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            assert not overlap(a, b), (a, b)
    busiest = {n["id"] for n in sorted(nodes, key=lambda n: -n["meetings"])[:ALWAYS_NAMED]}
    for key, box in boxes.items():
        if key in busiest:
            continue
        for n in nodes:
            r = n["size"] / 2 / PIXELS
            if n["id"] != key:
                assert not overlap(box, (n["x"] - r, n["y"] - r, n["x"] + r, n["y"] + r)), key
    hub = next(n for n in nodes if n["id"] == "hub")
    assert hub["label"] == "Hub"  # the busiest is always named


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_loose_pairs_do_not_squeeze_the_rest_into_a_corner() -> None:
    star = [("hub", f"spoke{i:02}", 1) for i in range(30)]
    loose = [(f"x{i:02}", f"y{i:02}", 1) for i in range(12)]
    # the force layout of the country view (the person view is drawn in country discs)
    chart = network_chart(graph(*star, *loose), level="country")
    drawn = [(n["x"], n["y"]) for n in chart["nodes"] if n["id"][0] in "hs"]
    xs, ys = [x for x, _ in drawn], [y for _, y in drawn]
    share = (max(xs) - min(xs)) * (max(ys) - min(ys)) / (2 * ASPECT * 2)
    assert share > 0.2, share  # the connected star spreads over a good part of the drawing


def test_person_network_draws_each_country_in_a_named_disc() -> None:
    # three countries of 12, 6 and 3 people, and one person of a fourth: a disc for each
    # country of two or more, holding its people and only them, no two discs overlapping
    pairs = [(f"a{i:02}", f"b{i % 6}", 1 + i % 3) for i in range(12)]
    pairs += [(f"c{i}", f"a{i:02}", 1) for i in range(3)] + [("d0", "a00", 2)]
    chart = network_chart(graph(*pairs))
    discs = {c["country"]: c for c in chart["clusters"]}
    assert set(discs) == {"AAA", "BBB", "CCC"}
    assert [discs[c]["people"] for c in ("AAA", "BBB", "CCC")] == [12, 6, 3]
    for n in chart["nodes"]:
        for country, disc in discs.items():
            inside = math.dist((n["x"], n["y"]), (disc["x"], disc["y"])) <= disc["r"]
            assert inside == (n["country"] == country), (n["id"], country)
    values = list(discs.values())
    for i, one in enumerate(values):
        for other in values[i + 1 :]:
            assert math.dist((one["x"], one["y"]), (other["x"], other["y"])) > one["r"] + other["r"]
    # bigger countries get bigger discs; every disc is named, in the legend's colour
    assert discs["AAA"]["r"] > discs["BBB"]["r"] > discs["CCC"]["r"]
    legend = {entry["country"]: entry["colour"] for entry in chart["legend"]}
    for country, disc in discs.items():
        assert disc["label"] == country and disc["colour"] == legend[country]
    # the drawing stays in its box and spreads over most of it along one side at least
    xs = [d["x"] + s * d["r"] for d in values for s in (-1, 1)]
    ys = [d["y"] + s * d["r"] for d in values for s in (-1, 1)]
    assert max(-min(xs), max(xs)) <= ASPECT + 1e-6
    assert max(-min(ys), max(ys)) <= 1 + 1e-6
    assert max((max(xs) - min(xs)) / (2 * ASPECT), (max(ys) - min(ys)) / 2) > 0.75
    assert network_chart(graph(*pairs)) == chart  # deterministic


def test_network_draws_only_the_busiest_nodes() -> None:
    chart = network_chart(graph(*[("hub", f"spoke{i}", 1) for i in range(8)]), max_nodes=3)
    assert len(chart["nodes"]) == 3 and chart["hidden"] == 6
    kept = {n["id"] for n in chart["nodes"]}
    assert "hub" in kept
    assert all({e["source"], e["target"]} <= kept for e in chart["edges"])


def test_country_level_nodes_are_named_and_open_their_meetings() -> None:
    chart = network_chart(
        {
            "nodes": [
                {"id": "RUS", "name": "RUS", "country": "RUS", "meetings": 2},
                {
                    "id": "(country unknown)",
                    "name": "(country unknown)",
                    "country": None,
                    "meetings": 1,
                },
            ],
            "edges": [{"source": "(country unknown)", "target": "RUS", "weight": 1}],
        },
        level="country",
    )
    nodes = {n["id"]: n for n in chart["nodes"]}
    assert nodes["RUS"]["name"] == "Russian Federation"
    assert nodes["RUS"]["url"] == "/meetings?country=RUS"
    assert nodes["(country unknown)"]["url"] == "/meetings"


def test_stance_of_cameo_codes() -> None:
    assert stance("010") == 0 and stance("0211") == 0
    assert stance("036") == 1 and stance("051") == 1
    assert stance("111") == -1 and stance("190") == -1
    assert stance(None) is None and stance("") is None and stance("x1") is None


def test_timeline_and_stance_points_skip_what_they_cannot_place() -> None:
    timeline = meeting_timeline([meeting("1", "ana", "ben"), meeting("2", "ana", date=None)])
    assert [p["url"] for p in timeline["points"]] == ["/meetings/1"]
    assert timeline["points"][0]["row"] == "ANA – BEN"
    assert timeline["rows"] == [{"row": "ANA – BEN", "tick": "ANA – BEN", "meetings": 1}]
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


def test_timeline_names_every_row_and_cuts_long_ones() -> None:
    long_one = meeting("1", "ana", "ben")
    long_one["participants"] = [
        {"name": f"Person {i}", "country": None} for i in range(6)
    ]  # no countries: the row is six names, far too long for the axis
    rows = meeting_timeline([long_one, meeting("2", "ana", "ben"), meeting("3", "cid", "dan")])
    ticks = {r["row"]: r["tick"] for r in rows["rows"]}
    assert len(ticks) == 3  # every row has a tick label of its own
    long_row = next(r for r in ticks if r.startswith("Person"))
    assert len(ticks[long_row]) <= 28 and ticks[long_row].endswith("…")
    assert ticks["ANA – BEN"] == "ANA – BEN"
    # two rows cut to the same text are still told apart
    twins = [
        {
            "id": str(i),
            "date": "2023-01-01",
            "participants": [{"name": "A very long delegation name number " + str(i)}],
        }
        for i in range(2)
    ]
    assert len({r["tick"] for r in meeting_timeline(twins)["rows"]}) == 2


def test_each_mode_has_one_colour_on_every_timeline() -> None:
    def modes(*kinds: str) -> list[tuple[str, str]]:
        meetings = [{**meeting(str(i), "ana", "ben"), "mode": kind} for i, kind in enumerate(kinds)]
        return [(m["mode"], m["colour"]) for m in meeting_timeline(meetings)["modes"]]

    everything = dict(modes("phone", "video", "in_person"))
    assert len(set(everything.values())) == 3  # told apart
    assert modes("in_person", "phone") == modes("phone", "in_person")  # one order
    for kinds in (("phone",), ("video", "phone"), ("in_person",)):
        assert all(everything[mode] == colour for mode, colour in modes(*kinds)), kinds
