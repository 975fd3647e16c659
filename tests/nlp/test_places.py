"""The place finder on raw text given through the Python API (no ingest normalisation)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span


def test_an_entity_of_the_and_a_no_break_space_is_no_place(nlp: Language) -> None:
    # raw text keeps its no-break spaces, which spaCy makes tokens of; the recogniser can label
    # "the" and such a space an entity, and the place finder failed on its empty last word
    doc = nlp("Guards paraded at the\xa0Grand Palace in Accra on Monday.")
    at = [t.text for t in doc].index("the")
    doc.ents = [Span(doc, at, at + 2, label="ORG")]
    assert doc.ents[0].text.strip() == "the"
    places = nlp.get_pipe("sl_places")(doc)._.sl_places
    assert all(p.text.strip() not in {"", "the"} for p in places)
    assert "Accra" in [p.text for p in places]  # the gazetteer still finds the city
