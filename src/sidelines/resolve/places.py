"""Resolve where a meeting happened and on what occasion (summit, forum) it was held."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sidelines.kb import KnowledgeBase
from sidelines.nlp.mentions import PlaceMention


@dataclass(frozen=True)
class PlaceResolution:
    """Where a meeting took place: the place as written (city/venue) and the country."""

    place: str | None
    country: str | None


def resolve_place(
    kb: KnowledgeBase, text: str, places: list[PlaceMention], start: int, end: int
) -> PlaceResolution:
    """The place of a meeting phrase ``text[start:end]``: the first place after "in"/"at" in it."""
    words = kb.lexicon.meetings.places
    city: str | None = None
    country: str | None = None
    venue: PlaceMention | None = None  # the place taken, while its city may follow
    for place in places:
        if place.start < start or place.end > end:
            continue
        if venue is not None and _venue_city(text, venue, place):
            # "at State House in Lusaka", "at the Kempinski Hotel, Nairobi": the venue's city
            city = f"{city}, {_without_article(place.text)}"
            country = country or place.country
            venue = None
            continue
        before = text[max(start, place.start - 12) : place.start].lower()
        if not words.before_place_pattern.search(before):
            # "Bali, Indonesia": a country right after a city counts too
            if city and re.search(r",\s*$", before) and place.is_country:
                country = country or place.country
            continue
        name = _without_article(place.text)
        if place.is_country:
            country = country or place.country
            if city is None:
                break_after_country = True
                if break_after_country:
                    break
            continue
        if city is None:
            city = name
            known = kb.place(name)
            country = country or (known.country if known else place.country)
            venue = place
    return PlaceResolution(city, country)


def _without_article(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def _venue_city(text: str, venue: PlaceMention, place: PlaceMention) -> bool:
    """``place`` is the city of the venue named right before it ("... in Lusaka", ", Nairobi"):
    a place that is not a country, and the venue is not a known city itself."""
    between = text[venue.end : place.start]
    return (
        not place.is_country
        and place.country is not None
        and venue.country is None
        and bool(re.fullmatch(r"\s*(?:,|in|in the)\s*", between))
    )


def resolve_occasion(
    kb: KnowledgeBase, phrase: str, context: str, day: dt.date | None
) -> tuple[str | None, str | None, str | None]:
    """The occasion named in ``phrase`` as ``(name, city, country)``.

    A known summit series resolves to its instance on ``day`` ("G20 Bali Summit", Bali, IDN). An
    anaphoric phrase ("the summit") looks for a summit named in ``context`` (the sentence, then the
    document). An unknown event with an occasion word keeps its name as written.
    """
    words = kb.lexicon.meetings.occasion
    for text in (phrase, context):
        found = kb.summit(text, day)
        if found is not None:
            series, instance = found
            if instance is not None:
                return instance.name, instance.city, instance.country
            if day is not None:
                yearly = series.instance_in_year(day)
                if (
                    yearly is not None
                    and text is phrase
                    and not words.generic_pattern.fullmatch(phrase)
                ):
                    return yearly.name, yearly.city, yearly.country
            return series.name, None, None
        if (
            text is phrase
            and not words.generic_pattern.fullmatch(phrase)
            and words.event_pattern.search(phrase)
            and _names_something(_clean(phrase))
        ):
            name = _clean(phrase)
            city, country = _named_city(kb, name)
            return name, city, country
    return None, None, None


def _names_something(phrase: str) -> bool:
    """An event's own name has a capital or a number in it ("Raisina Dialogue", "8th annual
    meeting"); "a conference", "an economic forum" describe one without naming it."""
    return any(ch.isupper() or ch.isdigit() for ch in phrase)


def _named_city(kb: KnowledgeBase, name: str) -> tuple[str | None, str | None]:
    """The city an event's name holds ("Antalya Diplomacy Forum", "Munich Security
    Conference"): a known city of one or two words among its capitalised words."""
    words = name.split()
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            place = kb.place(phrase) if phrase[:1].isupper() else None
            if place is not None and place.kind == "city":
                return place.name, place.country
    return None, None


def _clean(phrase: str) -> str:
    phrase = re.sub(r"^\s*(?:the|a|an)\s+", "", phrase.strip(" ,."), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", phrase)
