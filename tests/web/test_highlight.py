"""highlight(): escaped text, section wrappers, one mark per span, overlaps and hostile text."""

from __future__ import annotations

import re

from sidelines.web.highlight import FactLabel, highlight, span_anchor


def visible_text(html: str) -> str:
    """The text a browser shows: tags dropped, entities decoded."""
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", "", html))


def test_plain_text_is_escaped_and_kept_whole() -> None:
    text = 'A & B said "x < y" and <b>bold</b>'
    out = str(highlight(text))
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert visible_text(out) == text


def test_spans_become_marks_with_anchor_ids_and_facts() -> None:
    text = "Lavrov met Wang Yi. Wang said peace matters."
    out = str(
        highlight(
            text,
            [{"kind": "body", "start": 0, "end": len(text)}],
            [
                {"start": 0, "end": 19, "meeting_id": "m1"},
                {"start": 20, "end": 44, "statement_id": "s1"},
            ],
        )
    )
    assert f'id="{span_anchor(0, 19)}"' in out and 'data-facts="m-m1"' in out
    assert f'id="{span_anchor(20, 44)}"' in out and 'data-facts="s-s1"' in out
    assert out.count('class="sec sec-body"') == 1
    assert visible_text(out) == text


def test_overlapping_spans_nest_and_each_id_appears_once() -> None:
    text = "0123456789abcdefghij"
    evidence = [
        {"start": 2, "end": 12, "meeting_id": "m"},
        {"start": 8, "end": 16, "statement_id": "s"},
        {"start": 8, "end": 16, "meeting_id": "m2"},  # same span, another fact: one mark
    ]
    out = str(highlight(text, [], evidence))
    assert out.count(f'id="{span_anchor(2, 12)}"') == 1
    assert out.count(f'id="{span_anchor(8, 16)}"') == 1
    assert 'data-facts="s-s m-m2"' in out
    assert "ev-overlap" in out  # the shared stretch 8..12 is drawn as two nested marks
    assert out.count("<mark") == out.count("</mark>")
    assert visible_text(out) == text


def test_span_across_sections_is_cut_and_anchored_once() -> None:
    text = "Preface line.\nBody text here."
    sections = [
        {"kind": "preface", "start": 0, "end": 14},
        {"kind": "body", "start": 14, "end": len(text)},
    ]
    out = str(highlight(text, sections, [{"start": 9, "end": 18, "meeting_id": "m"}]))
    assert out.count(f'id="{span_anchor(9, 18)}"') == 1
    assert out.count(f'data-span="{span_anchor(9, 18)}"') == 2
    assert "sec-preface" in out and "sec-body" in out
    assert out.count("<span") == out.count("</span>")
    assert visible_text(out) == text


def test_out_of_range_and_empty_spans_are_ignored_or_clamped() -> None:
    text = "short"
    out = str(highlight(text, [], [{"start": 3, "end": 3}, {"start": 2, "end": 99}]))
    assert out.count("<mark") == 1 and span_anchor(2, 5) in out
    assert visible_text(out) == text


def test_script_and_handlers_in_text_and_kinds_stay_text() -> None:
    text = '<script>alert(1)</script> <img src=x onerror="alert(2)">'
    sections = [{"kind": '"><script>alert(3)</script>', "start": 0, "end": len(text)}]
    out = str(highlight(text, sections, [{"start": 0, "end": 25, "statement_id": '"x"'}]))
    assert "<script" not in out and "<img" not in out
    assert 'onerror="' not in out
    assert visible_text(out) == text


def test_marks_leave_out_the_whitespace_around_a_span_but_keep_its_anchor() -> None:
    text = "First.\n\nSecond sentence.\n\nThird."
    start, end = 6, 26  # "\n\nSecond sentence.\n\n"
    out = str(highlight(text, [], [{"start": start, "end": end, "meeting_id": "m"}]))
    assert f'<mark class="ev" id="{span_anchor(start, end)}"' in out
    assert ">Second sentence.</mark>" in out
    assert visible_text(out) == text


def test_marks_say_which_fact_they_support_and_link_to_it() -> None:
    text = "Lavrov met Wang Yi. Wang said peace matters."
    facts = {
        "m-m1": FactLabel("M1", "M1: meeting 2024-07-03, Lavrov – Wang", "/meetings/m1", 0),
        "s-s1": FactLabel("S1", "S1: Wang Yi said", "/meetings/m1", 1),
    }
    out = str(
        highlight(
            text,
            [],
            [
                {"start": 0, "end": 44, "meeting_id": "m1"},
                {"start": 20, "end": 44, "statement_id": "s1"},
            ],
            facts,
        )
    )
    assert 'class="ev fact-0"' in out or 'class="ev ev-overlap fact-0"' in out
    assert 'fact-1" title="S1: Wang Yi said"' in out
    # each fact's label follows its sentence, links to the fact, and is told by its colour
    assert out.count('<a class="ev-label fact-0" href="/meetings/m1"') == 1
    assert out.count('<a class="ev-label fact-1" href="/meetings/m1"') == 1
    assert visible_text(out) == text + "S1M1" or visible_text(out) == text + "M1S1"
    # an unknown fact (not in ``facts``) keeps the plain mark and gets no label
    plain = str(highlight(text, [], [{"start": 0, "end": 5, "meeting_id": "zz"}], facts))
    assert 'class="ev"' in plain and "ev-label" not in plain


def test_a_wrapped_paragraph_fills_the_width_and_lists_keep_their_lines() -> None:
    text = (
        "President Biden spoke today with\nPresident Putin about Ukraine.\n\n"
        "They discussed:\n- energy\n- grain\n# Next\nAfter 2022\n2023 came."
    )
    start = text.index("President Putin")
    out = str(highlight(text, [], [{"start": start, "end": start + len("President Putin")}]))
    shown = visible_text(out)
    assert len(shown) == len(text)  # one character for one: every offset still holds
    assert "spoke today with President Putin about Ukraine.\n\nThey discussed:" in shown
    assert "discussed:\n- energy\n- grain\n# Next\n" in shown
    assert "After 2022 2023 came." in shown
    assert re.search(
        rf'<mark [^>]*id="{span_anchor(start, start + 15)}"[^>]*>President Putin<', out
    )
