"""Topic tagging: the cheap keyword-start test never changes what the patterns find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from sidelines.core import extract
from sidelines.extract.topics import _compiled, tag_topics
from sidelines.kb import KnowledgeBase
from sidelines.types import Document


def _patterns_only(kb: KnowledgeBase, text: str) -> list[str]:
    return [label for label, pattern, _heads in _compiled(tuple(kb.topics)) if pattern.search(text)]


def _keywords(kb: KnowledgeBase) -> list[str]:
    return sorted({k.replace("*", "") for t in kb.topics for k in t.keywords if k})


def test_tagging_finds_what_the_patterns_find(kb: KnowledgeBase) -> None:
    words = _keywords(kb)
    texts = [
        " ".join(words),
        " ".join(w.upper() for w in words),
        "They discussed the “situation in Ukraine” and CLIMATE change’s costs.",
        # letters that case folding pairs with ASCII ones: the patterns decide
        " ".join(w.replace("i", "\u0131").replace("s", "\u017f") for w in words),
        " ".join(w.replace("k", "\u212a").replace("I", "\u0130") for w in words),
    ]
    assert tag_topics(kb, texts[0])  # the keywords themselves are found
    for text in texts:
        assert tag_topics(kb, text) == _patterns_only(kb, text)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_tagging_agrees_with_the_patterns_on_any_text(
    kb: KnowledgeBase, data: st.DataObject
) -> None:
    words = _keywords(kb)
    parts = data.draw(
        st.lists(
            st.one_of(
                st.sampled_from(words), st.text(max_size=8), st.sampled_from(["İ", "ı", "ſ", "K"])
            ),
            max_size=12,
        )
    )
    text = " ".join(parts)
    assert tag_topics(kb, text) == _patterns_only(kb, text)


def test_a_statement_takes_the_topic_its_paragraph_opens_with(nlp: Language) -> None:
    text = (
        "Amara Mensah met Sione Baraka in Suva on Monday.\n\n"
        "The two sides discussed the situation in Ukraine. Baraka stressed that talks must "
        "resume soon.\n\n"
        "On climate change, Baraka said the islands need more help. Mensah stressed the value "
        "of trade."
    )
    result = extract(Document(text=text, published="2024-03-05"), nlp=nlp)
    topics = {s.text.rstrip("."): s.topics for s in result.statements}
    assert "Ukraine" in topics["talks must resume soon"]
    assert "climate" in topics["the islands need more help"]  # the sentence's own lead-in
    # a statement that names its own topic keeps it, and takes no other paragraph's
    assert "Ukraine" not in topics["the value of trade"]
