"""spaCy's English rule lemmatizer, computed once per distinct word form instead of per token.

A rule lemma is a function of the token's text, part of speech and morphology only (that is
spaCy's own cache key), so a Doc's lemmas are looked up by that key from the Doc's arrays and
written back in one call; a form not seen before is lemmatised by spaCy's own code. The lemmas
are the same as the model's lemmatizer gives, from the same tables (:func:`use_form_lemmatizer`
puts it in the model's lemmatizer's place, with that one's tables).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model
from thinc.types import Ints2d

__all__ = ["FormLemmatizer", "use_form_lemmatizer"]

FACTORY = "sidelines_lemmatizer_v1"


def use_form_lemmatizer(nlp: Language) -> None:
    """Put a :class:`FormLemmatizer` in the place of the pipeline's English rule lemmatizer,
    with its tables (another lemmatizer, or none, is left as it is)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    model = nlp.get_pipe("lemmatizer")
    if type(model) is not EnglishLemmatizer or model.mode != "rule":
        return
    ours = nlp.replace_pipe("lemmatizer", FACTORY, config={"overwrite": model.overwrite})
    assert isinstance(ours, FormLemmatizer)
    ours.lookups = model.lookups


@English.factory(
    FACTORY,
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_form_lemmatizer(
    nlp: Language,
    model: Model[Any, Any] | None,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> FormLemmatizer:
    """Factory of the lemmatizer (see :class:`FormLemmatizer`)."""
    return FormLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


class FormLemmatizer(EnglishLemmatizer):
    """:class:`EnglishLemmatizer` with its rule lemmas kept per (text, POS, morphology)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: (orth, pos, morph) → lemma hash
        self.forms: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._set_lemmas(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _set_lemmas(self, doc: Doc) -> None:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        forms = self.forms
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                continue  # set before (the attribute ruler's exceptions)
            key = (orth, pos, morph)
            found = forms.get(key)
            if found is None:
                found = forms[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        values = numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], cast(Ints2d, values))
