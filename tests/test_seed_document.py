"""The document sidelines started from: what a user must see on it (../shared/examples)."""

from __future__ import annotations

from spacy.language import Language

from sidelines.core import extract
from sidelines.ingest import load_document
from sidelines.types import Extraction

from .conftest import shared_path


def seed(nlp: Language) -> Extraction:
    path = shared_path("examples", "000_30fd65907e2cac97.txt")
    return extract(load_document(str(path)), nlp=nlp)


def test_wang_lavrov_meeting(nlp: Language) -> None:
    result = seed(nlp)
    held = [m for m in result.meetings if m.status == "held"]
    main = next(m for m in held if {p.name for p in m.participants} == {"Wang Yi", "Sergey Lavrov"})
    assert {p.name: p.country for p in main.participants} == {
        "Wang Yi": "CHN",
        "Sergey Lavrov": "RUS",
    }
    assert (main.mode, main.date, main.place, main.country) == (
        "in_person",
        "2022-11-15",
        "Bali",
        "IDN",
    )
    assert main.occasion == "G20 Bali Summit"
    assert len(main.evidence) >= 2  # the preface and the original both report it
    assert "Xi Jinping" in {p.name for p in main.accompanying}


def test_referred_xi_scholz_meeting(nlp: Language) -> None:
    result = seed(nlp)
    assert any(
        {p.name for p in m.participants} == {"Xi Jinping", "Olaf Scholz"} for m in result.meetings
    )


def test_nuclear_statement_once_with_two_spans(nlp: Language) -> None:
    result = seed(nlp)
    nuclear = [
        s
        for s in result.statements
        if any("rational and responsible attitude" in e.text for e in s.evidence)
    ]
    assert len(nuclear) == 1
    assert len(nuclear[0].evidence) == 2
    assert nuclear[0].speakers[0].name == "Wang Yi"


def test_statements_have_topics_and_sides(nlp: Language) -> None:
    result = seed(nlp)
    speakers = {p.name for s in result.statements for p in s.speakers}
    assert {"Wang Yi", "Sergey Lavrov"} <= speakers
    topics = {t for s in result.statements for t in s.topics}
    assert {"Ukraine", "SCO", "BRICS"} <= topics


def test_nothing_from_the_footer_and_source_named(nlp: Language) -> None:
    result = seed(nlp)
    footer = result.document.text.index("Leave a Reply")
    assert all(e.start < footer for s in result.statements for e in s.evidence)
    assert all(e.start < footer for m in result.meetings for e in m.evidence)
    assert result.document.original_source == "Chinese Foreign Ministry"
