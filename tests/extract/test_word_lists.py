"""The extractors hold no word lists: words live in ``kb/data`` (``meeting_rules.yaml``,
``cues.yaml``), read through the typed lexicon.

What is allowed in code: spaCy's own labels (dependency relations, parts of speech, tags, entity
types, all in ``spacy.glossary``), our own labels (mention kinds, meeting statuses and modes,
party kinds), punctuation, and a single word compared in one construction ("sat *down* with").
What is not: a collection of words tested for membership (``lemma in {"meet", "visit"}``), a set
of words bound to a name, or a compiled pattern of words at module level.
"""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from sidelines.nlp.mentions import MentionKind
from sidelines.types import MeetingMode, MeetingStatus, Participant, SectionKind

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "sidelines" / "extract"
#: the modules of the extract stage: meetings, statements and topics (components.py wires the
#: stage into spaCy and names only attributes)
MEETING_MODULES = sorted(
    p for p in EXTRACT.glob("*.py") if p.name not in {"__init__.py", "components.py"}
)

_LABELS = (
    set(GLOSSARY)
    | set(typing.get_args(MentionKind))
    | set(typing.get_args(MeetingStatus))
    | set(typing.get_args(MeetingMode))
    | set(typing.get_args(SectionKind))
    | set(typing.get_args(typing.get_type_hints(Participant)["kind"]))
)


def _is_label(text: str) -> bool:
    return text in _LABELS or not re.search(r"[a-z]", text)


def _strings(node: ast.expr) -> list[str] | None:
    """The strings of a literal collection of strings, else None."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.args
        and node.func.id in {"frozenset", "set", "tuple"}
    ):
        return _strings(node.args[0])
    if (
        isinstance(node, (ast.Set, ast.List, ast.Tuple))
        and node.elts
        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
    ):
        return [typing.cast(ast.Constant, e).value for e in node.elts]
    return None


def word_lists(source: str) -> list[tuple[int, list[str]]]:
    """(line, words) of every word list in a module's source."""
    found: list[tuple[int, list[str]]] = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        collections: list[ast.expr] = []
        if isinstance(node, ast.Compare):
            collections = [
                c
                for op, c in zip(node.ops, node.comparators, strict=True)
                if isinstance(op, (ast.In, ast.NotIn))
            ]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            collections = [node.value]
        for collection in collections:
            words = _strings(collection)
            if words and not all(_is_label(w) for w in words):
                found.append((collection.lineno, [w for w in words if not _is_label(w)]))
    for node in tree.body:  # module-level patterns
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr == "compile"
            and value.args
            and isinstance(value.args[0], ast.Constant)
            and re.search(r"[a-z]{3}", re.sub(r"\(\?P<\w+>", "", str(value.args[0].value)))
        ):
            found.append((node.lineno, [str(value.args[0].value)]))
    return found


@pytest.mark.parametrize("path", MEETING_MODULES, ids=lambda p: p.name)
def test_no_word_lists_in_meeting_modules(path: Path) -> None:
    assert word_lists(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_word_lists() -> None:
    """The check is not vacuous: it finds the kinds of lists the modules used to hold."""
    source = """
import re
_PAST = frozenset({"last", "previous"})
_TOGETHER = re.compile(r"\\bjoint(?:ly)?\\b")
def f(token):
    if token.lemma_ in {"hold", "have"} and token.dep_ in {"dobj", "attr"}:
        return token.lower_ not in ("visit", "visits")
    return token.lower_ == "down" and token.text in {";", "."}
"""
    lines = {line for line, _ in word_lists(source)}
    assert lines == {3, 4, 6, 7}


def test_meeting_modules_are_small() -> None:
    """Each module of the meeting stage can be read at once."""
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in MEETING_MODULES}
    assert {name: n for name, n in sizes.items() if n >= 400} == {}
