"""What the knowledge base learned from documents: one :class:`Learned` fact each, saved in the
user's knowledge base (``people/learned.yaml``), where the loader merges it with the seed: a new
spelling becomes an alias, a title a role seen on that day, an unknown person a new actor.

The learning itself reads documents and corpus databases, so it sits after the pipeline, in
:mod:`sidelines.learning`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from sidelines.data import read_yaml
from sidelines.kb.userdata import user_dir
from sidelines.names import fold

__all__ = ["LEARNED_FILE", "Learned", "save"]

#: file in the user's people folder that holds what was learned
LEARNED_FILE = "learned.yaml"


@dataclass(frozen=True)
class Learned:
    """One thing a document taught: a new ``alias`` or ``title`` of a known actor, or a new
    ``person``; ``evidence`` is the mention as written, ``source`` the document it came from."""

    kind: str
    actor_id: str | None
    name: str
    value: str
    country: str | None
    seen: str | None
    evidence: str
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def save(learned: list[Learned], target: Path | None = None) -> Path:
    """Merge ``learned`` into the user's ``people/learned.yaml`` (created when missing)."""
    path = (target or user_dir()) / "people" / LEARNED_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    data = read_yaml(path) if path.exists() else None
    people: dict[str, dict[str, Any]] = {
        p["id"]: p for p in ((data or {}).get("people") or []) if isinstance(p, dict)
    }
    for item in learned:
        key = item.actor_id or re.sub(r"[^a-z0-9]+", "-", fold(item.name)).strip("-")
        record = people.setdefault(
            key, {"id": key, "name": item.name, "aliases": [], "roles": [], "learned_from": []}
        )
        if item.actor_id is None:
            record["country"] = item.country
        if item.kind == "alias" and item.value not in record["aliases"]:
            record["aliases"].append(item.value)
        if item.kind in {"title", "person"}:
            seen = dt.date.fromisoformat(item.seen[:10]) if item.seen else None
            role = {
                "office": "other",
                "title": item.value,
                "country": item.country,
                "start": seen,
                "end": seen,
            }
            if role not in record["roles"]:
                record["roles"].append(role)
        evidence = {
            "kind": item.kind,
            "text": item.evidence,
            "source": item.source,
            "date": item.seen,
        }
        if evidence not in record["learned_from"]:
            record["learned_from"].append(evidence)
    path.write_text(
        "# Learned by `sidelines kb learn` from the documents listed under learned_from.\n"
        + yaml.safe_dump({"people": list(people.values())}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return path
