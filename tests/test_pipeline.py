"""The whole pipeline as spaCy sees it: registered, versioned components whose requires and
assigns ``nlp.analyze_pipes()`` checks, the knowledge base from spaCy's registry, and each
document's metadata carried on its Doc."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.util import registry

from sidelines.core import build_extraction, extract, extract_many, extraction_pipeline
from sidelines.kb import KnowledgeBase
from sidelines.kb.loader import data_dir
from sidelines.types import Document

#: name → (factory, what it requires, what it assigns), in pipeline order
OURS = {
    "sl_document": ("sidelines_document_v1", [], ["doc._.sl_document"]),
    "sl_paragraphs": ("sidelines_paragraphs_v1", [], ["token.is_sent_start"]),
    "sl_participles": (
        "sidelines_participles_v1",
        ["token.lemma", "token.dep"],
        ["token.lemma", "token.pos"],
    ),
    "sl_actors": ("sidelines_actors_v1", ["doc.ents", "token.dep"], ["doc._.sl_actors"]),
    "sl_dates": ("sidelines_dates_v1", ["doc.ents"], ["doc._.sl_dates"]),
    "sl_places": ("sidelines_places_v1", ["doc.ents"], ["doc._.sl_places"]),
    "sl_resolve": (
        "sidelines_resolve_v1",
        ["doc._.sl_document", "doc._.sl_actors"],
        ["doc._.sl_resolver", "doc._.sl_resolved"],
    ),
    "sl_meetings": (
        "sidelines_meetings_v1",
        [
            "doc._.sl_document",
            "doc._.sl_resolved",
            "doc._.sl_resolver",
            "doc._.sl_dates",
            "doc._.sl_places",
            "token.dep",
            "token.lemma",
            "token.pos",
        ],
        ["doc._.sl_meetings", "doc._.sl_meeting_parties"],
    ),
    "sl_statements": (
        "sidelines_statements_v1",
        [
            "doc._.sl_document",
            "doc._.sl_resolved",
            "doc._.sl_resolver",
            "doc._.sl_meeting_parties",
            "token.dep",
            "token.lemma",
            "token.pos",
        ],
        ["doc._.sl_statements"],
    ),
}

TEXT = (
    "Chinese Foreign Minister Wang Yi met with Russian Foreign Minister Sergey Lavrov in Bali on "
    "Tuesday. Wang said China is ready to work with Russia."
)


@pytest.fixture(scope="module")
def full(nlp: Language) -> Language:
    return extraction_pipeline(nlp)


def test_analyze_pipes_finds_no_problems_and_our_requires_and_assigns(full: Language) -> None:
    analysis = full.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in full.pipe_names}
    ours = [name for name in full.pipe_names if name.startswith("sl_")]
    assert ours == list(OURS)
    for name, (factory, requires, assigns) in OURS.items():
        meta = full.get_pipe_meta(name)
        assert meta.factory == factory
        assert analysis["summary"][name]["requires"] == requires, name
        assert analysis["summary"][name]["assigns"] == assigns, name
    # the document comes first; the parser reads the paragraph boundaries
    assert full.pipe_names[0] == "sl_document"
    assert full.pipe_names.index("sl_paragraphs") < full.pipe_names.index("parser")


def test_the_knowledge_base_comes_from_the_registry(full: Language) -> None:
    for name in ("sl_participles", "sl_actors", "sl_places", "sl_resolve", "sl_meetings"):
        assert full.config["components"][name]["kb"] == {"@misc": "sidelines.kb.v1"}, name
    assert isinstance(registry.misc.get("sidelines.kb.v1")(), KnowledgeBase)
    assert full.get_pipe("sl_meetings").kb is full.get_pipe("sl_statements").kb  # type: ignore[attr-defined]


def test_extraction_pipeline_adds_its_components_once(full: Language) -> None:
    names = list(full.pipe_names)
    assert extraction_pipeline(full) is full
    assert full.pipe_names == names


def test_a_doc_the_pipeline_made_alone_builds_the_same_extraction(full: Language) -> None:
    alone = build_extraction(full(TEXT))
    assert alone.meetings, "the sample sentence reports a meeting"
    assert alone.to_dict() == extract(Document(text=TEXT), nlp=full).to_dict()


def test_each_document_in_a_batch_reads_its_own_metadata(full: Language) -> None:
    # "on Tuesday" in an item published on a Wednesday is the day before it
    days = [dt.date(2022, 11, 16), dt.date(2023, 3, 1)]
    documents = [Document(text=TEXT, published=d.isoformat()) for d in days]
    results = list(extract_many(documents, nlp=full, batch_size=2))
    for day, result in zip(days, results, strict=True):
        assert result.document.published == day.isoformat()
        assert [m.date for m in result.meetings] == [(day - dt.timedelta(days=1)).isoformat()]


def test_another_knowledge_base_than_the_pipelines_is_refused(full: Language) -> None:
    other = KnowledgeBase([data_dir()])
    with pytest.raises(ValueError, match="knowledge base is the pipeline's"):
        extract(Document(text=TEXT), nlp=full, kb=other)
