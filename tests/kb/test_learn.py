"""Learning spellings, titles and people from documents, with evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.language import Language

from sidelines.data import data_dir
from sidelines.kb import KnowledgeBase
from sidelines.kb.learned import save
from sidelines.kb.query import resolve_text
from sidelines.learning import learn
from sidelines.types import Document

TEXT = (
    "President Joe Biden met today with Russian Foreign Minister Sergej Lavrov. "
    "Deputy Minister of Trade of Ruritania Karl Hoffmann joined the talks."
)


def test_learns_aliases_and_people_with_evidence(nlp: Language, tmp_path: Path) -> None:
    document = Document(
        text=TEXT, published="2021-06-16", path="ours.txt", publisher="The White House"
    )
    learned = learn([document], nlp=nlp)
    kinds = {(x.kind, x.value) for x in learned}
    assert ("alias", "Sergej Lavrov") in kinds
    people = [x for x in learned if x.kind == "person"]
    assert [p.name for p in people] == ["Karl Hoffmann"]
    assert all(x.source == "ours.txt" and x.evidence for x in learned)

    path = save(learned, tmp_path)
    kb = KnowledgeBase([data_dir(), tmp_path])
    assert kb.find_actors("Sergej Lavrov")[0].id == "sergey-lavrov"
    assert kb.find_actors("Karl Hoffmann")
    assert "learned_from" in path.read_text()
    # learning twice changes nothing
    before = path.read_text()
    save(learn([document], nlp=nlp), tmp_path)
    assert path.read_text() == before
    assert resolve_text(kb, "Karl Hoffmann", dt.date(2021, 6, 16))


def test_undated_documents_teach_no_titles(nlp: Language) -> None:
    learned = learn([Document(text=TEXT)], nlp=nlp)
    assert all(x.kind == "alias" for x in learned)


def test_learns_from_a_corpus_database(nlp: Language, tmp_path: Path) -> None:
    from sidelines.corpus import IngestReport, ingest_documents
    from sidelines.learning import learn_from_corpus
    from sidelines.store import Store

    text = (
        "President Joe Biden met today with Russian Foreign Minister Sergei Lavrov in Geneva. "
        "Austrian Deputy Trade Minister Karl Hoffmann met with Indian Commerce Secretary "
        "Ravi Anand Kumarasamy in Vienna."
    )
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    document = Document(text=text, published="2021-06-16", path="ours.txt")
    ingest_documents([document], store, IngestReport(), nlp=nlp)
    learned = learn_from_corpus(store)
    people = {x.name: x for x in learned if x.kind == "person"}
    assert "Karl Hoffmann" in people and people["Karl Hoffmann"].country == "AUT"
    assert people["Karl Hoffmann"].seen == "2021-06-16"
    assert all(x.source == "ours.txt" for x in learned)
    assert people["Karl Hoffmann"].value == "Austrian Deputy Trade Minister"
    assert not any(x.actor_id in {"joe-biden", "sergey-lavrov"} for x in learned)  # known offices
