"""Actor networks of the corpus as GraphML and GEXF, for Gephi, networkx or igraph.

- **Nodes** are the principals of held meetings. A node's id is its corpus actor id (the id
  ``sidelines actor`` and the API use): the knowledge-base id when the knowledge base knows the
  actor (``sergey-lavrov``), else ``name:<slug>`` of the store (``name:vladimir-potanin``).
  Attributes: ``label``, ``name``, ``country`` (ISO3, '' when unknown), ``kind`` (``organisation``
  for an organisation of the knowledge base, ``state`` for a country's name, else ``person``) and
  ``meetings``.
- **Edges** join two principals on opposite sides of a meeting (never two members of one
  delegation). Attributes: ``weight`` and ``count`` (the number of such meetings), ``mode`` (the
  most frequent: in_person, phone or video), ``modes`` (all of them, ``;``-joined),
  ``first_date`` and ``last_date`` ('' when no meeting of the pair is dated).
- **Time**: in GEXF, nodes and edges with a dated meeting carry ``start`` and ``end`` (first and
  last meeting date) and the graph is ``dynamic`` with ``timeformat="date"``, so Gephi's timeline
  plays the network; GraphML, which has no time, keeps the same dates as attributes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import pycountry

from sidelines.data import data_dir, read_yaml
from sidelines.export.files import binary_output
from sidelines.pairing import opposite_pairs
from sidelines.store.keys import actor_key

__all__ = ["NetworkSize", "build_network", "write_network"]

NetworkSize = tuple[int, int]


@lru_cache(maxsize=1)
def _organisation_ids() -> frozenset[str]:
    # the organisations file alone: loading the whole knowledge base takes seconds
    data = read_yaml(data_dir() / "organisations.yaml") or {}
    return frozenset(str(o["id"]) for o in data.get("organisations", []) if o.get("id"))


def _kind_of(party: dict[str, Any]) -> str:
    """``organisation`` for an organisation of the knowledge base, ``state`` for a country's
    name, else ``person``."""
    if party.get("actor_id") in _organisation_ids():
        return "organisation"

    name = party["name"].removeprefix("the ")
    return "state" if pycountry.countries.get(name=name) else "person"


def build_network(meetings: Iterable[dict[str, Any]], nx: Any, dynamic: bool) -> Any:
    """The undirected actor network of ``meetings`` as a ``networkx.Graph`` (see the module's
    description); ``dynamic`` adds the ``start``/``end`` of GEXF."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    modes: dict[tuple[str, str], Counter[str]] = {}
    for meeting in meetings:
        date = meeting["date"] or ""
        for party in meeting["participants"]:
            node = actor_key(party)
            entry = nodes.setdefault(
                node,
                {
                    "label": party["name"],
                    "name": party["name"],
                    "country": "",
                    "kind": _kind_of(party),
                    "meetings": 0,
                    "first_date": "",
                    "last_date": "",
                    "_seen": "",
                },
            )
            if entry["_seen"] == meeting["id"]:  # named twice in one meeting
                continue
            entry["_seen"] = meeting["id"]
            entry["country"] = entry["country"] or party.get("country") or ""
            entry["meetings"] += 1
            _widen(entry, date)
        pairs: set[tuple[str, str]] = set()
        for one, other in opposite_pairs(meeting["participants"]):
            a, b = actor_key(one), actor_key(other)
            if a != b:
                pairs.add((min(a, b), max(a, b)))
        for pair in pairs:
            edge = edges.setdefault(pair, {"weight": 0, "first_date": "", "last_date": ""})
            edge["weight"] += 1
            _widen(edge, date)
            modes.setdefault(pair, Counter())[meeting["mode"] or ""] += 1
    graph = nx.Graph()
    if dynamic:
        graph.graph["mode"] = "dynamic"
    for node, entry in nodes.items():
        del entry["_seen"]
        graph.add_node(node, **_timed(entry, dynamic))
    for (a, b), edge in edges.items():
        counted = modes[(a, b)]
        edge["count"] = edge["weight"]
        edge["mode"] = min(counted, key=lambda m: (-counted[m], m))
        edge["modes"] = ";".join(sorted(m for m in counted if m))
        graph.add_edge(a, b, **_timed(edge, dynamic))
    return graph


def _widen(entry: dict[str, Any], date: str) -> None:
    if date:
        entry["first_date"] = min(entry["first_date"] or date, date)
        entry["last_date"] = max(entry["last_date"], date)


def _timed(entry: dict[str, Any], dynamic: bool) -> dict[str, Any]:
    if dynamic and entry["first_date"]:
        return {**entry, "start": entry["first_date"], "end": entry["last_date"]}
    return entry


def write_network(
    meetings: Iterable[dict[str, Any]], target: str, fmt: str, require: Callable[[str], Any]
) -> NetworkSize:
    """Write the network of ``meetings`` to ``target`` (a path, or ``-`` for standard output) as
    ``graphml`` or ``gexf``; returns ``(edges, nodes)``. ``require(module)`` imports networkx or
    raises the error that names its extra."""
    nx = require("networkx")
    graph = build_network(meetings, nx, dynamic=fmt == "gexf")
    write = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    with binary_output(target) as output:
        write(graph, output)
    return graph.number_of_edges(), graph.number_of_nodes()
