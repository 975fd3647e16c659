"""One table of error codes (``sidelines.errors.ERROR_CODES``): each code means one thing, has its
meaning written down, and every code the source or the README names is in it."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import sidelines
from sidelines.errors import ERROR_CODES, SidelinesError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sidelines"
CODE = re.compile(r"\bE\d{3}\b")


def _error_classes() -> list[type[SidelinesError]]:
    for module in pkgutil.walk_packages(sidelines.__path__, "sidelines."):
        if not module.name.endswith("__main__"):
            try:
                importlib.import_module(module.name)
            except ImportError:  # an optional extra that is not installed
                continue
    found: list[type[SidelinesError]] = []
    todo: list[type[SidelinesError]] = [SidelinesError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_the_table_lists_each_code_once() -> None:
    source = (PACKAGE / "errors.py").read_text(encoding="utf-8")
    [table] = [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "ERROR_CODES"
    ]
    assert isinstance(table, ast.Dict)
    keys = [k.value for k in table.keys if isinstance(k, ast.Constant)]
    assert len(keys) == len(set(keys)) == len(ERROR_CODES)
    assert all(CODE.fullmatch(k) for k in keys)


def test_every_code_has_a_meaning() -> None:
    assert all(meaning.strip() for meaning in ERROR_CODES.values())


def test_no_two_error_classes_share_a_code() -> None:
    owners: dict[str, list[str]] = {}
    for cls in _error_classes():
        if "code" in vars(cls):  # a subclass that does not set its own code shares its parent's
            owners.setdefault(cls.code, []).append(f"{cls.__module__}.{cls.__qualname__}")
    assert {code: names for code, names in owners.items() if len(names) > 1} == {}
    assert set(owners) <= set(ERROR_CODES)


@pytest.mark.parametrize(
    "path",
    [*sorted(PACKAGE.rglob("*.py")), ROOT / "README.md"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_every_code_named_is_in_the_table(path: Path) -> None:
    named = set(CODE.findall(path.read_text(encoding="utf-8")))
    assert named - set(ERROR_CODES) == set()


def test_a_class_with_an_unknown_code_cannot_be_defined() -> None:
    with pytest.raises(TypeError, match="E998"):

        class _Unlisted(SidelinesError):
            code = "E998"
