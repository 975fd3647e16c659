"""The typed lexicon: ``cues.yaml`` and ``meeting_rules.yaml`` read into frozen dataclasses."""

from __future__ import annotations

import dataclasses
import re
import shutil
import typing
from pathlib import Path

import pytest

from sidelines.data import data_dir
from sidelines.errors import KnowledgeBaseError
from sidelines.kb import KnowledgeBase
from sidelines.kb.lexicon import Lexicon, MeetingRules
from sidelines.kb.loader import load_lexicon


def _sections(rules: MeetingRules) -> list[object]:
    return [getattr(rules, f.name) for f in dataclasses.fields(rules)]


def test_the_knowledge_base_reads_one_cached_lexicon() -> None:
    kb = KnowledgeBase.default()
    assert isinstance(kb.lexicon, Lexicon)
    assert load_lexicon() is load_lexicon()  # read once per folder
    assert kb.cues is kb.lexicon.cues  # the cue tables as written, for their readers
    assert "statement_verbs" in kb.cues and "meeting_verbs" not in kb.cues


def test_every_field_has_its_declared_type() -> None:
    lexicon = KnowledgeBase.default().lexicon
    for section in [*_sections(lexicon.meetings), lexicon.titles]:
        hints = typing.get_type_hints(type(section))
        for field in dataclasses.fields(section):  # type: ignore[arg-type]
            value = getattr(section, field.name)
            hint = hints[field.name]
            origin = typing.get_origin(hint) or hint
            if origin is re.Pattern:
                assert isinstance(value, re.Pattern), field.name
            elif origin is frozenset:
                assert isinstance(value, frozenset) and value, field.name
                assert all(isinstance(w, str) for w in value), field.name
            elif origin is tuple:
                assert isinstance(value, tuple) and value, field.name
            elif origin is dict:
                assert isinstance(value, dict) and value, field.name


def test_the_lexicon_is_frozen() -> None:
    rules = KnowledgeBase.default().lexicon.meetings
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.triggers.verbs = {}  # type: ignore[misc]


def test_trigger_frames_name_meeting_words() -> None:
    """Each construction's verbs are meeting verbs, its nouns meeting nouns, with a known mode."""
    triggers = KnowledgeBase.default().lexicon.meetings.triggers
    frames = [
        triggers.bare_verbs,
        triggers.with_verbs,
        triggers.object_verbs,
        triggers.event_hosts,
        triggers.talk_verbs,
        triggers.call_verbs,
        triggers.receiving_verbs,
        triggers.host_verbs,
        triggers.sitting_verbs,
        triggers.paying_verbs,
        triggers.visiting_verbs,
        triggers.arriving_verbs,
    ]
    for frame in frames:
        assert frame <= set(triggers.verbs)
    for nouns in (triggers.visit_nouns, triggers.with_nouns, triggers.possessed_nouns):
        # a noun trigger matches as written or by its lemma ("visits" is a "visit")
        assert all(n in triggers.nouns or n.removesuffix("s") in triggers.nouns for n in nouns)
    assert set(triggers.verbs.values()) | set(triggers.nouns.values()) <= {
        "in_person",
        "phone",
        "video",
    }


def test_publishers_own_side_words_are_data() -> None:
    kb = KnowledgeBase.default()
    assert any(p.own_side_words for p in kb.publishers)
    assert all(isinstance(w, str) for p in kb.publishers for w in p.own_side_words)


def _copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("cues.yaml", "meeting_rules.yaml"):
        shutil.copy(data_dir() / name, folder / name)
    return folder


def test_an_unknown_key_is_an_error_naming_the_valid_ones(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    rules = folder / "meeting_rules.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("  bare_verbs:", "  plain_verbs:"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError, match=r"unknown keys \['plain_verbs'\].*bare_verbs"):
        load_lexicon(folder)


def test_a_bare_yaml_boolean_is_an_error(tmp_path: Path) -> None:
    """YAML reads a bare `on` as true: the loader says so instead of matching nothing."""
    folder = _copy_data(tmp_path)
    rules = folder / "meeting_rules.yaml"
    text = rules.read_text(encoding="utf-8")
    assert 'paid_prepositions: ["on", to]' in text
    rules.write_text(
        text.replace('paid_prepositions: ["on", to]', "paid_prepositions: [on, to]"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError, match=r"paid_prepositions.*quote"):
        load_lexicon(folder)
