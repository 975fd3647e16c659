"""Resolve stage: actors, dates and places against the knowledge base, at the document's date."""

from sidelines.resolve.actors import ActorResolver, ResolvedMention
from sidelines.resolve.dates import resolve_date
from sidelines.resolve.places import PlaceResolution, resolve_occasion, resolve_place

__all__ = [
    "ActorResolver",
    "PlaceResolution",
    "ResolvedMention",
    "resolve_date",
    "resolve_occasion",
    "resolve_place",
]
