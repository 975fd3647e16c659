"""A user's own actors: ``sidelines kb add`` and ``sidelines kb import`` write them here.

The user's folder (``$SIDELINES_KB_DIR``, else ``$XDG_DATA_HOME/sidelines/kb``, else
``~/.local/share/sidelines/kb``) has the layout of the bundled seed (``people/*.yaml``) and is
merged into :meth:`KnowledgeBase.default`. Every import is converted to the seed's people format,
checked by the same loader, and only then written, so a bad file never leaves half its rows behind.

Formats read:

* our people YAML (``country:`` and ``people:`` as in ``kb/data/people``);
* CSV with a header ``name,country,office,title,start,end[,aliases][,short]`` (one row per role;
  ``aliases``/``short`` separated by ``;``);
* REIGN-style leader lists: CSV with ``leader``, ``ccode`` (a Correlates of War state number or
  an ISO3 code) and ``start``/``end`` dates (``startdate``/``enddate`` also read);
* CAMEO / Phoenix actor dictionaries: a name line (``VLADIMIR_PUTIN_``), ``+ALIAS`` lines and
  date-ranged code lines (``[RUSGOV 000507-080507]``, ``[RUSELI >120507]``, ``[USAGOV <010120]``).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from sidelines.data import data_dir, read_yaml
from sidelines.errors import KnowledgeBaseError
from sidelines.kb.loader import load_actors
from sidelines.names import fold
from sidelines.settings import Settings

#: what a CAMEO actor code's role part means, as a title
_CAMEO_ROLES = {
    "GOV": "Government",
    "ELI": "Elite",
    "MIL": "Military",
    "LEG": "Legislature",
    "JUD": "Judiciary",
    "OPP": "Opposition",
    "BUS": "Business",
    "MED": "Media",
    "HLH": "Health",
    "EDU": "Education",
    "REL": "Religion",
    "CVL": "Civilian",
}
_OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "leader", "other"}


def user_dir() -> Path:
    """The folder holding the user's own knowledge-base files."""
    return Settings.load().kb_path


def add_file(path: Path, target: Path | None = None) -> tuple[Path, int]:
    """Add a people YAML or CSV file to the user's knowledge base; return (written file, people)."""
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        data = read_yaml(path)
        if not isinstance(data, dict) or not isinstance(data.get("people"), list):
            raise KnowledgeBaseError(f"{path}: expected a mapping with a 'people' list")
        people = data["people"]
        country = data.get("country")
        if country:
            for person in people:
                person.setdefault("country", country)
    elif suffix == ".csv":
        people = _people_from_rows(path, _read_csv(path))
    else:
        raise KnowledgeBaseError(f"{path}: kb add reads .yaml, .yml or .csv files")
    return _write(people, f"user-{path.stem}", target)


def import_file(path: Path, fmt: str, target: Path | None = None) -> tuple[Path, int]:
    """Import a public leader list (``reign`` or ``cameo-actors``) into the user's knowledge base."""
    if fmt == "reign":
        people = _people_from_reign(path)
    elif fmt == "cameo-actors":
        people = _people_from_cameo(path)
    else:
        raise KnowledgeBaseError(f"unknown import format {fmt!r} (reign, cameo-actors)")
    return _write(people, f"{fmt}-{path.stem}", target)


# --- writing ------------------------------------------------------------------------------------
def _write(people: list[dict[str, Any]], stem: str, target: Path | None) -> tuple[Path, int]:
    if not people:
        raise KnowledgeBaseError("no people found in the file")
    folder = (target or user_dir()) / "people"
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', stem)}.yaml"
    staging = folder.parent / ".staging"
    (staging / "people").mkdir(parents=True, exist_ok=True)
    trial = staging / "people" / dest.name
    trial.write_text(
        yaml.safe_dump({"people": people}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    try:
        load_actors(staging)  # the loader's own checks, before anything is kept
    finally:
        moved = trial.read_text(encoding="utf-8")
        trial.unlink()
    dest.write_text(moved, encoding="utf-8")
    return dest, len(people)


def _person(
    name: str, country: str | None, aliases: Iterable[str] = (), short: Iterable[str] = ()
) -> dict[str, Any]:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return {
        "id": slug,
        "name": name,
        "country": country,
        "aliases": sorted(set(aliases) - {name}),
        "short": sorted(set(short)),
        "roles": [],
    }


def _role(office: str, title: str, country: str | None, start: Any, end: Any) -> dict[str, Any]:
    if office not in _OFFICES:
        raise KnowledgeBaseError(
            f"unknown office {office!r} (one of {', '.join(sorted(_OFFICES))})"
        )
    return {
        "office": office,
        "title": title,
        "country": country,
        "start": _date(start),
        "end": _date(end),
    }


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise KnowledgeBaseError(f"not a date (YYYY-MM-DD): {text!r}") from None


# --- CSV ----------------------------------------------------------------------------------------
def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return [
                {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(handle)
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise KnowledgeBaseError(f"{path}: cannot read CSV: {err}") from err


def _people_from_rows(path: Path, rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(rows, start=2):
        name = row.get("name")
        if not name:
            raise KnowledgeBaseError(f"{path}:{number}: a row without a name")
        country = (row.get("country") or "").upper() or None
        person = people.setdefault(
            name,
            _person(name, country, _split(row.get("aliases")), _split(row.get("short"))),
        )
        if row.get("office") or row.get("title"):
            try:
                person["roles"].append(
                    _role(
                        row.get("office") or "other",
                        row.get("title") or "",
                        country,
                        row.get("start"),
                        row.get("end"),
                    )
                )
            except KnowledgeBaseError as err:
                raise KnowledgeBaseError(f"{path}:{number}: {err.message}") from None
    return list(people.values())


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _people_from_reign(path: Path) -> list[dict[str, Any]]:
    cow = _cow_codes()
    people: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(_read_csv(path), start=2):
        name = row.get("leader")
        code = (row.get("ccode") or "").strip()
        if not name or not code:
            raise KnowledgeBaseError(f"{path}:{number}: REIGN rows need 'leader' and 'ccode'")
        iso3 = cow.get(int(code)) if code.isdigit() else code.upper()
        if not iso3 or not re.fullmatch(r"[A-Z]{3}", iso3):
            raise KnowledgeBaseError(f"{path}:{number}: unknown country code {code!r}")
        start = row.get("start") or row.get("startdate")
        end = row.get("end") or row.get("enddate")
        person = people.setdefault(f"{name}|{iso3}", _person(name, iso3))
        try:
            person["roles"].append(_role("other", "Leader", iso3, start, end))
        except KnowledgeBaseError as err:
            raise KnowledgeBaseError(f"{path}:{number}: {err.message}") from None
    return list(people.values())


def _cow_codes() -> dict[int, str]:
    data = read_yaml(data_dir() / "cow_codes.yaml") or {}
    return {int(k): str(v) for k, v in (data.get("cow_to_iso3") or {}).items()}


# --- CAMEO / Phoenix actor dictionaries ----------------------------------------------------------
_CODE_LINE = re.compile(r"\[(?P<code>[A-Z]{3,})(?:\s+(?P<range>[<>]?\d{6}(?:-\d{6})?))?\]")


def _people_from_cameo(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"{path}: cannot read: {err}") from err
    people: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("+"):
            if current is None:
                raise KnowledgeBaseError(f"{path}:{number}: an alias before any actor")
            current["aliases"].append(_cameo_name(line[1:]))
            continue
        if line.startswith("["):
            if current is None:
                raise KnowledgeBaseError(f"{path}:{number}: a code before any actor")
            for match in _CODE_LINE.finditer(line):
                current["roles"].append(_cameo_role(path, number, match))
            continue
        name = _cameo_name(line.split("[", 1)[0])
        current = _person(name, None)
        current["aliases"] = []
        people.append(current)
        for match in _CODE_LINE.finditer(line):
            current["roles"].append(_cameo_role(path, number, match))
    for person in people:
        countries = {r["country"] for r in person["roles"] if r["country"]}
        person["country"] = countries.pop() if len(countries) == 1 else None
        person["aliases"] = sorted(set(person["aliases"]) - {person["name"]})
    return people


def _cameo_name(text: str) -> str:
    words = text.strip().strip("_").replace("_", " ").split()
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def _cameo_role(path: Path, number: int, match: re.Match[str]) -> dict[str, Any]:
    code = match.group("code")
    country = code[:3]
    title = _CAMEO_ROLES.get(code[3:6], code[3:] or "Actor")
    start = end = None
    span = match.group("range") or ""
    try:
        if span.startswith(">"):
            start = _yymmdd(span[1:])
        elif span.startswith("<"):
            end = _yymmdd(span[1:])
        elif "-" in span:
            first, last = span.split("-")
            start, end = _yymmdd(first), _yymmdd(last)
        elif span:
            start = _yymmdd(span)
    except ValueError:
        raise KnowledgeBaseError(f"{path}:{number}: bad date range {span!r}") from None
    return {"office": "other", "title": title, "country": country, "start": start, "end": end}


def _yymmdd(text: str) -> dt.date:
    year = int(text[:2])
    return dt.date(2000 + year if year < 70 else 1900 + year, int(text[2:4]), int(text[4:6]))
