"""The person network drawn in country clusters: each country's people inside a disc of their own.

The discs are laid out first (each sized by how many people it holds, pulled towards the discs
it has edges to, never overlapping), then each country's people are spread inside their disc,
the busiest at the centre, the others drawn towards the counterparts they met. Everything is in
the units of the drawing (see :mod:`sidelines.web.charts`), deterministic for the same graph.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Cluster", "cluster_layout"]

#: distance between two neighbours inside a disc, in drawing units (about 32 px)
SPACING = 0.12
#: room left between two discs
GAP = 0.06
#: the most a disc is enlarged to fill the drawing (the centres spread further)
MAX_GROWTH = 1.5
#: golden angle: successive people of a disc turn by it (a sunflower), so they fill it evenly
GOLDEN = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True)
class Cluster:
    """A country's disc: its ``group`` (country code), centre, radius and people (busiest first)."""

    group: str
    x: float
    y: float
    r: float
    members: tuple[str, ...]


def cluster_layout(
    keys: Sequence[str],
    groups: Sequence[str],
    weights: Mapping[str, int],
    edges: Sequence[tuple[str, str, int]],
    aspect: float = 1.6,
) -> tuple[dict[str, tuple[float, float]], list[Cluster]]:
    """Positions of ``keys`` in the box ``[-aspect, aspect] x [-1, 1]`` and the discs of the
    groups of two or more. ``groups[i]`` is the country of ``keys[i]`` ("" when unknown: such a
    person is a group of their own); ``weights`` orders a disc's people (busiest in the middle)."""
    members: dict[str, list[str]] = {}
    for key, group in zip(keys, groups, strict=True):
        members.setdefault(group or f"\x00{key}", []).append(key)
    for people in members.values():
        people.sort(key=lambda k: (-weights.get(k, 0), k))
    names = sorted(members, key=lambda g: (-len(members[g]), g))
    if not names:
        return {}, []
    radii = np.array([_radius(len(members[g])) for g in names])
    group_of = {key: i for i, g in enumerate(names) for key in members[g]}
    pull = np.zeros((len(names), len(names)))
    for a, b, weight in edges:
        i, j = group_of[a], group_of[b]
        if i != j:
            pull[i, j] += 1 + math.log(weight)
            pull[j, i] = pull[i, j]
    centres = _disc_layout(radii, pull, aspect)
    positions: dict[str, tuple[float, float]] = {}
    for i, g in enumerate(names):
        positions.update(_sunflower(members[g], centres[i]))
    positions = _relax(positions, members, names, centres, radii, edges)
    positions, centres, radii = _fit(positions, group_of, centres, radii, aspect)
    clusters = [
        Cluster(g, float(centres[i, 0]), float(centres[i, 1]), float(radii[i]), tuple(members[g]))
        for i, g in enumerate(names)
        if len(members[g]) > 1
    ]
    return positions, clusters


def _radius(count: int) -> float:
    """A disc that holds ``count`` people :data:`SPACING` apart (a sunflower's outer ring)."""
    return SPACING * (0.5 + 0.6 * math.sqrt(max(count - 1, 0)))


def _disc_layout(radii: np.ndarray, pull: np.ndarray, aspect: float) -> np.ndarray:
    """Centres of discs of ``radii``: the biggest in the middle, the others on a spiral around it,
    then pulled along ``pull`` and towards the middle (harder up and down, so the drawing comes
    out as wide as the box) while overlapping discs are pushed apart."""
    count = len(radii)
    turn = np.arange(count) * GOLDEN
    spread = np.sqrt(np.arange(count)) * (radii.mean() * 2 + GAP)
    centres = np.column_stack((np.cos(turn) * spread * aspect, np.sin(turn) * spread))
    if count == 1:
        return centres
    squash = np.array([1.0, aspect])
    need = radii[:, None] + radii[None, :] + GAP
    steps = 150
    for step in range(steps):
        delta = centres[:, None, :] - centres[None, :, :]
        dist = np.maximum(np.sqrt((delta**2).sum(axis=2)), 1e-6)
        unit = delta / dist[:, :, None]
        # linked discs move towards each other until they touch
        slack = np.maximum(dist - need, 0.0)
        move = -(unit * (pull * slack)[:, :, None]).sum(axis=1) * 0.04
        move -= centres * squash * 0.02
        centres = centres + move
        # then no two discs overlap: each of an overlapping pair steps back half the overlap
        for _ in range(1 if step < steps - 1 else 20):
            delta = centres[:, None, :] - centres[None, :, :]
            dist = np.maximum(np.sqrt((delta**2).sum(axis=2)), 1e-6)
            depth = np.maximum(need - dist, 0.0)
            np.fill_diagonal(depth, 0.0)
            centres = centres + (delta / dist[:, :, None] * depth[:, :, None] / 2).sum(axis=1)
    return np.asarray(centres)


def _sunflower(people: list[str], centre: np.ndarray) -> dict[str, tuple[float, float]]:
    """People around ``centre`` :data:`SPACING` apart, the first (busiest) in the middle."""
    out = {}
    for n, key in enumerate(people):
        r = SPACING * 0.6 * math.sqrt(n)
        out[key] = (float(centre[0] + r * math.cos(n * GOLDEN)),
                    float(centre[1] + r * math.sin(n * GOLDEN)))  # fmt: skip
    return out


def _relax(
    positions: dict[str, tuple[float, float]],
    members: dict[str, list[str]],
    names: list[str],
    centres: np.ndarray,
    radii: np.ndarray,
    edges: Sequence[tuple[str, str, int]],
    iterations: int = 40,
) -> dict[str, tuple[float, float]]:
    """People move towards the counterparts they met and away from their neighbours, never out
    of their disc, so edges leave a disc on the side they go to."""
    keys = list(positions)
    index = {k: i for i, k in enumerate(keys)}
    pos = np.array([positions[k] for k in keys])
    group = np.zeros(len(keys), dtype=int)
    for i, g in enumerate(names):
        for k in members[g]:
            group[index[k]] = i
    same = group[:, None] == group[None, :]
    np.fill_diagonal(same, False)
    links = np.zeros((len(keys), len(keys)))
    for a, b, weight in edges:
        links[index[a], index[b]] = links[index[b], index[a]] = 1 + math.log(weight)
    home = centres[group]
    room = np.maximum(radii[group] - SPACING / 2, 0.0)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.sqrt((delta**2).sum(axis=2)), 1e-6)
        unit = delta / dist[:, :, None]
        push = np.where(same & (dist < SPACING * 1.5), (SPACING * 1.5 - dist), 0.0)
        move = (unit * push[:, :, None]).sum(axis=1) * 0.5
        move -= (unit * (links * 0.002)[:, :, None]).sum(axis=1)
        pos = pos + move
        off = pos - home
        length = np.maximum(np.sqrt((off**2).sum(axis=1)), 1e-9)
        pos = home + off * (np.minimum(length, room) / length)[:, None]
    return {k: (float(pos[i, 0]), float(pos[i, 1])) for i, k in enumerate(keys)}


def _fit(
    positions: dict[str, tuple[float, float]],
    group_of: Mapping[str, int],
    centres: np.ndarray,
    radii: np.ndarray,
    aspect: float,
) -> tuple[dict[str, tuple[float, float]], np.ndarray, np.ndarray]:
    """The discs' centres spread apart along the box's long side until the drawing has its
    shape, then moved and scaled to fill the box; a disc (and the room between its people)
    grows by at most :data:`MAX_GROWTH`, so two people of a small network are no giant disc.
    (Spreading centres apart never makes two discs overlap.)"""
    positions, centres = _stretch(positions, group_of, centres, radii, aspect)
    low = (centres - radii[:, None]).min(axis=0)
    high = (centres + radii[:, None]).max(axis=0)
    middle = (low + high) / 2
    half = np.maximum((high - low) / 2, 1e-6)
    scale = float(min(aspect / half[0], 1.0 / half[1]))
    growth = min(scale, MAX_GROWTH)
    placed = (centres - middle) * scale
    moved = {}
    for key, (x, y) in positions.items():
        i = group_of[key]
        moved[key] = (float(placed[i, 0] + (x - centres[i, 0]) * growth),
                      float(placed[i, 1] + (y - centres[i, 1]) * growth))  # fmt: skip
    return moved, placed, radii * growth


def _stretch(
    positions: dict[str, tuple[float, float]],
    group_of: Mapping[str, int],
    centres: np.ndarray,
    radii: np.ndarray,
    aspect: float,
) -> tuple[dict[str, tuple[float, float]], np.ndarray]:
    """Centres moved apart along x (or y) so the discs' extent is ``aspect`` times as wide as
    high; each person moves with their disc (``group_of``)."""
    if len(centres) < 2:
        return positions, centres
    middle = ((centres - radii[:, None]).min(axis=0) + (centres + radii[:, None]).max(axis=0)) / 2

    def half(factor: float, axis: int) -> float:
        return float((np.abs(centres[:, axis] - middle[axis]) * factor + radii).max())

    wide = half(1.0, 0) / half(1.0, 1)
    axis, goal = (0, aspect * half(1.0, 1)) if wide < aspect else (1, half(1.0, 0) / aspect)
    low, high = 1.0, 8.0
    for _ in range(40):  # the factor that gives the goal: half() grows with it
        mid = (low + high) / 2
        low, high = (mid, high) if half(mid, axis) < goal else (low, mid)
    factor = low
    stretched = centres.copy()
    stretched[:, axis] = middle[axis] + (centres[:, axis] - middle[axis]) * factor
    shift = stretched - centres
    moved = {
        key: (x + float(shift[group_of[key], 0]), y + float(shift[group_of[key], 1]))
        for key, (x, y) in positions.items()
    }
    return moved, stretched
