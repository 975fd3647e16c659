"""Who faces whom at a meeting: its sides, the pairs of opposite sides, visitor and host.

One rule for the coder, the exports, the network and the dashboard:

- **Sides.** A principal's side is its ``side`` (the delegation the extractor found), else its
  country, else the principal itself (its corpus actor ``key``, else its ``actor_id``, else its
  name). Two ministers of one delegation are one side; they did not meet each other.
- **Dyads.** Each pair of opposite sides is one dyad ``(first, second)``. The visitor comes
  first and the host second when one side is at home (the place's country, or the host the coder
  recorded) and the other is not; otherwise the side named first in the report comes first.
- **Visitors.** At a meeting in the country of one of its parties, the host is that country and
  the visitors are the parties' other countries.

A party is a mapping (a stored or exported record) or an object with the same attributes (a
:class:`sidelines.types.Participant`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import combinations
from typing import Any, TypeVar

__all__ = ["dyads", "meeting_dyads", "opposite_pairs", "side_key", "sides", "visitors"]

P = TypeVar("P")


def _field(party: Any, name: str) -> Any:
    if isinstance(party, Mapping):
        return party.get(name)
    return getattr(party, name, None)


def side_key(party: Any) -> str:
    """The side a principal is on (see the module's description)."""
    for name in ("side", "country", "key", "actor_id", "name"):
        value = _field(party, name)
        if value:
            return str(value)
    return ""


def sides(principals: Iterable[P]) -> list[list[P]]:
    """Principals grouped by :func:`side_key`, in order of appearance."""
    groups: dict[str, list[P]] = {}
    for party in principals:
        groups.setdefault(side_key(party), []).append(party)
    return list(groups.values())


def opposite_pairs(principals: Iterable[P]) -> Iterator[tuple[P, P]]:
    """Every two principals on opposite sides, the one of the side named first first."""
    for one, other in combinations(sides(principals), 2):
        for a in one:
            for b in other:
                yield a, b


def dyads(groups: list[list[P]], home: Iterable[str] = ()) -> list[tuple[list[P], list[P]]]:
    """Every pair of opposite sides, each a ``(first, second)``: a side from abroad before a side
    at ``home`` (the countries or side keys of the host), else in order of appearance."""
    at_home = set(home)

    def hosting(side: list[P]) -> bool:
        return bool(at_home) and all(
            (_field(p, "side") in at_home) or (_field(p, "country") in at_home) for p in side
        )

    pairs = []
    for one, other in combinations(groups, 2):
        if hosting(one) and not hosting(other):
            one, other = other, one
        pairs.append((one, other))
    return pairs


def meeting_dyads(meeting: Mapping[str, Any]) -> list[tuple[list[Any], list[Any]]]:
    """The dyads of a stored meeting, its host the coder's ``recipient_side``, else the
    meeting's country; a one-sided meeting is one dyad with no second side."""
    principals = meeting["participants"]
    groups = sides(principals)
    if len(groups) < 2:
        return [(principals, [])]
    plover = meeting.get("plover") or {}
    host = plover.get("recipient_side") or meeting.get("country")
    return dyads(groups, [host] if host else [])


def visitors(countries: Iterable[str], host: str) -> list[str]:
    """The countries of a meeting in ``host`` that visit it (all but the host), sorted."""
    return sorted(set(countries) - {host})
