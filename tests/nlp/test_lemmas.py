"""The pipeline's lemmatizer gives the model's own lemmas, once per word form."""

from __future__ import annotations

from sidelines.nlp import load_bare
from sidelines.nlp.lemmas import FormLemmatizer, use_form_lemmatizer

from ..conftest import SAMPLES


def test_form_lemmatizer_gives_the_models_lemmas() -> None:
    model, ours = load_bare(), load_bare()
    use_form_lemmatizer(ours)
    assert isinstance(ours.get_pipe("lemmatizer"), FormLemmatizer)
    assert ours.pipe_names == model.pipe_names
    texts = [p.read_text("utf-8") for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    texts.append("The ministers were meeting; talks had been held. It was underscored.")
    for expected, got in zip(model.pipe(texts), ours.pipe(texts), strict=True):
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    # the second time, every form is known: same lemmas again
    again = ours(texts[-1])
    assert [t.lemma_ for t in again] == [t.lemma_ for t in model(texts[-1])]
