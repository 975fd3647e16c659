"""Scales that event-data users expect beside a code: the Goldstein value and GDELT QuadClass of a
CAMEO code, the quad category and intensity of a PLOVER type, and Correlates of War numbers.

The values are data (``kb/data/event_scales.yaml``, ``kb/data/cow_codes.yaml``); a code the data
does not give has no value (``None``), never a guessed one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sidelines.kb.loader import data_dir, read_yaml

__all__ = ["cameo_quad_class", "cow_number", "goldstein", "plover_intensity", "plover_quad"]


@cache
def _scales() -> dict[str, Any]:
    data = read_yaml(data_dir() / "event_scales.yaml")
    return data if isinstance(data, dict) else {}


@cache
def _cow_numbers() -> dict[str, int]:
    data = read_yaml(data_dir() / "cow_codes.yaml") or {}
    numbers: dict[str, int] = {}
    for number, iso3 in sorted((data.get("cow_to_iso3") or {}).items()):
        numbers.setdefault(str(iso3), int(number))
    numbers.update({str(k): int(v) for k, v in (data.get("iso3_to_cow") or {}).items()})
    return numbers


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein scale value of a CAMEO code (``"044"`` -> 2.5), or None when not known."""
    value = _scales().get("goldstein", {}).get(cameo or "")
    return None if value is None else float(value)


def cameo_quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass (1-4) of a CAMEO code, by its two-digit root."""
    if not cameo or len(cameo) < 2:
        return None
    value = _scales().get("cameo_quad_class", {}).get(cameo[:2])
    return None if value is None else int(value)


def plover_quad(event: str | None) -> str | None:
    """The quad category of a PLOVER type (``"CONSULT"`` -> ``"Verbal Cooperation"``)."""
    value = _scales().get("plover_quad", {}).get((event or "").upper())
    return None if value is None else str(value)


def plover_intensity(event: str | None, mode: str | None = None) -> float | None:
    """The PLOVER intensity of a type in a mode (CONSULT by phone -> 1.5), or None."""
    table = _scales().get("plover_intensity", {}).get((event or "").upper())
    if not table:
        return None
    value = table.get(mode or "default", table.get("default"))
    return None if value is None else float(value)


def cow_number(iso3: str | None) -> int | None:
    """The Correlates of War state number of an ISO3 country (``"DEU"`` -> 255), or None."""
    return _cow_numbers().get((iso3 or "").upper())
