"""NLP stage: spaCy with sidelines' components for actors, dates and places."""

from sidelines.nlp.mentions import ActorMention, DateMention, PlaceMention
from sidelines.nlp.pipeline import load_bare, load_pipeline, resolve_model_name

__all__ = [
    "ActorMention",
    "DateMention",
    "PlaceMention",
    "load_bare",
    "load_pipeline",
    "resolve_model_name",
]
