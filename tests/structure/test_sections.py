import itertools

from sidelines.ingest.title import attach_title
from sidelines.structure import split_sections
from sidelines.types import Document

PAGE = """Ministers meet in Geneva

Editor's note: a short introduction written by the site's editor about the week's diplomacy.

The following article was first published on the website of the Ministry of Foreign Affairs of Ruritania.

On May 2, the foreign ministers of Ruritania and Freedonia met in Geneva.

Leave a Reply

Your email address will not be published. Required fields are marked *
"""


def test_preface_original_and_boilerplate() -> None:
    sections, source = split_sections(PAGE)
    kinds = [s.kind for s in sections]
    assert kinds == ["preface", "boilerplate", "original", "boilerplate"]
    assert source == "Ministry of Foreign Affairs of Ruritania"
    original = next(s for s in sections if s.kind == "original")
    assert PAGE[original.start : original.end].startswith("On May 2")
    footer = sections[-1]
    assert "Leave a Reply" in PAGE[footer.start : footer.end]


def test_plain_body_without_attribution() -> None:
    text = "Title line\n\nThe president met the prime minister.\n\nShare this: Facebook\n"
    sections, source = split_sections(text)
    assert source is None
    assert [s.kind for s in sections] == ["body", "boilerplate"]


def test_sections_cover_every_line_in_order() -> None:
    sections, _ = split_sections(PAGE)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sections))
    assert sections[0].start == 0


def test_attach_title_prepends_once() -> None:
    doc = Document(text="Body text here.", title="A title")
    attached = attach_title(doc)
    assert attached.text.startswith("A title\n\n")
    assert attached.title_span == (0, 7)
    again = attach_title(attached)
    assert again.text == attached.text
