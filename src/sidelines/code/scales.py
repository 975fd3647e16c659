"""The coding tables of ``kb/data/cameo.yaml``: CAMEO codes, Goldstein weights, PLOVER intensities.

The tables are data; this module only reads them and answers look-ups, so a user can check or
change a weight without reading code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sidelines.data import data_dir, read_yaml
from sidelines.errors import KnowledgeBaseError

__all__ = [
    "CodingTables",
    "EventPattern",
    "cameo_quad_class",
    "coding_tables",
    "cow_number",
    "goldstein",
    "plover_intensity",
    "plover_quad",
]


@dataclass(frozen=True)
class EventPattern:
    """A compiled word or phrase pattern that names an event of one PLOVER type."""

    regex: re.Pattern[str]
    event: str
    cameo: str
    weight: float


@dataclass(frozen=True)
class CodingTables:
    """Everything the coders look up, read once from ``cameo.yaml``."""

    cameo: dict[str, dict[str, Any]]
    intensity: dict[str, float]
    mode_intensity: dict[str, dict[str, float]]
    nearest_cameo: dict[str, str]
    aliases: dict[str, str]
    negated_cameo: dict[str, str]
    statement_cues: dict[str, dict[str, Any]]
    patterns: list[EventPattern] = field(default_factory=list)
    negation: re.Pattern[str] = re.compile(r"(?!x)x")
    threat: re.Pattern[str] = re.compile(r"(?!x)x")
    future: re.Pattern[str] = re.compile(r"(?!x)x")
    consult_modes: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)
    quad_class: dict[str, int] = field(default_factory=dict)
    plover_quad: dict[str, str] = field(default_factory=dict)

    def consult_mode(self, text: str) -> tuple[str, str] | None:
        """``(cameo, mode)`` of a consultation from the words that report it, if they tell."""
        for regex, cameo, mode in self.consult_modes:
            if regex.search(text):
                return cameo, mode
        return None

    def goldstein(self, cameo: str | None) -> float | None:
        """The Goldstein weight of a CAMEO code, or of its nearest listed parent code."""
        if not cameo:
            return None
        for code in (cameo, cameo[:2] + "0"):
            row = self.cameo.get(code)
            if row and row.get("goldstein") is not None:
                return float(row["goldstein"])
        return None

    def plover_of(self, cameo: str) -> str | None:
        """The PLOVER type a CAMEO code belongs to (``None`` for 010 make statement)."""
        row = self.cameo.get(cameo) or self.cameo.get(cameo[:2] + "0") or {}
        value = row.get("plover")
        return str(value) if value else None

    def mode_of(self, cameo: str) -> str:
        """The PLOVER mode a CAMEO code implies, or ``""``."""
        return str((self.cameo.get(cameo) or {}).get("mode") or "")

    def event_intensity(self, event: str | None, mode: str = "") -> float | None:
        """PLOVER intensity of a type, finer for a mode where the manual gives one."""
        if not event:
            return None
        by_mode = self.mode_intensity.get(event, {})
        if mode and mode in by_mode:
            return float(by_mode[mode])
        value = self.intensity.get(event)
        return float(value) if value is not None else None

    def canonical(self, label: str) -> str:
        """A PLOVER type name as the manual v0.8 spells it (DEMAND -> REQUEST, YIELD -> CONCEDE)."""
        upper = label.strip().upper()
        return self.aliases.get(upper, upper)


def _word_regex(words: list[str]) -> str:
    """One alternation of word patterns: ``*`` is any word ending, spaces any run of spaces."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        pieces = [re.escape(p) for p in str(word).lower().split("*")]
        body = r"\w*".join(pieces).replace(r"\ ", r"\s+")
        parts.append(body)
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


def _compile(data: dict[str, Any]) -> CodingTables:
    plover = data.get("plover") or {}
    patterns: list[EventPattern] = []
    for phrase in data.get("event_phrases") or []:
        patterns.append(
            EventPattern(re.compile(phrase["match"]), phrase["event"], phrase["cameo"], 1.5)
        )
    for event, entry in (data.get("event_words") or {}).items():
        regex = re.compile(_word_regex(entry["words"]))
        patterns.append(EventPattern(regex, event, str(entry["cameo"]), 1.0))
    return CodingTables(
        cameo={str(k): dict(v) for k, v in (data.get("cameo") or {}).items()},
        intensity={k: float(v) for k, v in (plover.get("intensity") or {}).items()},
        mode_intensity={
            k: {m: float(x) for m, x in v.items()}
            for k, v in (plover.get("mode_intensity") or {}).items()
        },
        nearest_cameo={k: str(v) for k, v in (plover.get("nearest_cameo") or {}).items()},
        aliases={k: str(v) for k, v in (plover.get("aliases") or {}).items()},
        negated_cameo={k: str(v) for k, v in (data.get("negated_cameo") or {}).items()},
        statement_cues={str(k): dict(v) for k, v in (data.get("statement_cues") or {}).items()},
        patterns=patterns,
        negation=re.compile(_word_regex(data.get("negation") or [])),
        threat=re.compile(_word_regex(data.get("threat_markers") or [])),
        future=re.compile(_word_regex(data.get("future_markers") or [])),
        quad_class={str(k): int(v) for k, v in (data.get("quad_class") or {}).items()},
        plover_quad={str(k): str(v) for k, v in (data.get("plover_quad") or {}).items()},
        consult_modes=[
            (re.compile(m["match"], re.IGNORECASE), str(m["cameo"]), str(m.get("mode") or ""))
            for m in data.get("consult_modes") or []
        ],
    )


@lru_cache(maxsize=4)
def coding_tables(path: Path | None = None) -> CodingTables:
    """The coding tables of ``cameo.yaml`` (the packaged file unless ``path`` is given)."""
    data = read_yaml(path or data_dir() / "cameo.yaml")
    if not isinstance(data, dict):
        raise KnowledgeBaseError("cameo.yaml must be a mapping")
    try:
        return _compile(data)
    except (KeyError, TypeError, re.error) as err:
        raise KnowledgeBaseError(f"cameo.yaml: bad entry ({err})") from err


# --- look-ups for the exports ----------------------------------------------------------------
def goldstein(cameo: str | None) -> float | None:
    """The Goldstein scale value of a CAMEO code (``"044"`` -> 2.5), or None when not known."""
    return coding_tables().goldstein(cameo)


def cameo_quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass (1-4) of a CAMEO code, by its two-digit root."""
    if not cameo or len(cameo) < 2:
        return None
    return coding_tables().quad_class.get(cameo[:2])


def plover_quad(event: str | None) -> str | None:
    """The quad category of a PLOVER type (``"CONSULT"`` -> ``"Verbal Cooperation"``)."""
    return coding_tables().plover_quad.get((event or "").upper())


def plover_intensity(event: str | None, mode: str | None = None) -> float | None:
    """The PLOVER intensity of a type in a mode (CONSULT by phone -> 1.5), or None."""
    return coding_tables().event_intensity((event or "").upper() or None, mode or "")


@lru_cache(maxsize=1)
def _cow_numbers() -> dict[str, int]:
    data = read_yaml(data_dir() / "cow_codes.yaml") or {}
    numbers: dict[str, int] = {}
    for number, iso3 in sorted((data.get("cow_to_iso3") or {}).items()):
        numbers.setdefault(str(iso3), int(number))
    numbers.update({str(k): int(v) for k, v in (data.get("iso3_to_cow") or {}).items()})
    return numbers


def cow_number(iso3: str | None) -> int | None:
    """The Correlates of War state number of an ISO3 country (``"DEU"`` -> 255), or None."""
    return _cow_numbers().get((iso3 or "").upper())
