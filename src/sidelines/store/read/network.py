"""Who met whom: the meeting network of the meetings matching the filters of ``meetings``.

Only principals on opposite sides of a meeting are joined (two ministers of one delegation did
not meet each other there), by the rule of :mod:`sidelines.pairing`, as in the exports. The network is read from the participant rows in one query (no meeting
objects are built), at the level of persons or of their countries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from sidelines.filters import MeetingFilter
from sidelines.pairing import opposite_pairs as pairs_of
from sidelines.store.aggregates import PRINCIPAL_COLUMNS
from sidelines.store.read.conditions import meeting_conditions
from sidelines.store.schema import MeetingRow, ParticipantRow

__all__ = ["NO_COUNTRY", "Level", "meeting_network", "opposite_pairs"]

Level = Literal["person", "country"]
#: the node of a principal whose country is not known, in the country network
NO_COUNTRY = "(country unknown)"


def opposite_pairs(principals: Iterable[Mapping[str, Any]], node: Any) -> set[tuple[str, str]]:
    """The pairs ``(a, b)``, ``a < b``, of ``node(p)`` for principals on opposite sides
    (:mod:`sidelines.pairing`)."""
    pairs: set[tuple[str, str]] = set()
    for a, b in pairs_of(principals):
        x, y = node(a), node(b)
        if x and y and x != y:
            pairs.add((min(x, y), max(x, y)))
    return pairs


def meeting_network(
    session: Session, filters: MeetingFilter | None = None, level: Level = "person"
) -> dict[str, Any]:
    """Nodes and weighted edges of the meetings matching ``filters``.

    Returns ``{"nodes": [{id, name, country, meetings}], "edges": [{source, target, weight,
    first_date, last_date}], "meetings": n}``: a node's ``meetings`` counts the matching
    meetings it took part in, an edge's ``weight`` the meetings whose opposite sides held its
    two ends. Nodes are persons (actor keys) or countries (ISO3, :data:`NO_COUNTRY` when unknown).
    """
    filters = filters or MeetingFilter()
    matching = select(MeetingRow.id).where(*meeting_conditions(session, filters))
    rows = session.execute(
        select(*PRINCIPAL_COLUMNS, MeetingRow.date)
        .join(MeetingRow, MeetingRow.id == ParticipantRow.meeting_id)
        .where(ParticipantRow.accompanying.is_(False), ParticipantRow.meeting_id.in_(matching))
        .order_by(ParticipantRow.meeting_id, ParticipantRow.id)
    ).all()
    by_meeting: dict[str, list[dict[str, Any]]] = {}
    dates: dict[str, str | None] = {}
    for row in rows:
        by_meeting.setdefault(row.meeting_id, []).append(
            {
                "key": row.actor_key or row.name,
                "name": row.name,
                "country": row.country,
                "side": row.side,
            }
        )
        dates[row.meeting_id] = row.date

    def node_of(p: Mapping[str, Any]) -> str:
        if level == "country":
            return str(p.get("country") or NO_COUNTRY)
        return str(p["key"])

    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for meeting_id, principals in by_meeting.items():
        for p in principals:
            key = node_of(p)
            entry = nodes.setdefault(
                key,
                {
                    "id": key,
                    "name": key if level == "country" else p["name"],
                    "country": p["country"] if level == "person" else key,
                    "meetings": 0,
                    "_last": None,
                },
            )
            entry["country"] = entry["country"] or p["country"]
            if entry["_last"] != meeting_id:
                entry["meetings"] += 1
                entry["_last"] = meeting_id
        date = dates[meeting_id]
        for pair in opposite_pairs(principals, node_of):
            edge = edges.setdefault(
                pair,
                {"source": pair[0], "target": pair[1], "weight": 0, "first_date": None,
                 "last_date": None},
            )  # fmt: skip
            edge["weight"] += 1
            if date:
                edge["first_date"] = min(edge["first_date"] or date, date)
                edge["last_date"] = max(edge["last_date"] or date, date)
    for entry in nodes.values():
        del entry["_last"]
    return {
        "nodes": sorted(nodes.values(), key=lambda n: (-n["meetings"], n["id"])),
        "edges": sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"])),
        "meetings": len(by_meeting),
    }
