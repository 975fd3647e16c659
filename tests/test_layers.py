"""The package imports one way: each module imports only its own stage and earlier ones, in the
order of ``../shared/design/ARCHITECTURE.md``; imports sit at the top of a module, except for the
optional extras and the command line's lazy command bodies listed below."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sidelines"

#: the stage of a module: the longest prefix of its dotted name found here. A module may import
#: its own stage and any earlier (smaller) one, never a later one. The order is ARCHITECTURE.md's
#: pipeline, sources → ingest → structure → nlp → extract → resolve → code → store → api/web/export,
#: with these readings of it:
#: - ``types``, ``errors``, ``names`` (name folding), ``data`` (data files), ``settings`` and ``kb``
#:   are foundations every stage shares; they import no stage.
#: - ``resolve`` ranks before ``extract``: extraction resolves each mention against the knowledge
#:   base as it finds it (resolve reads only nlp's mentions and the kb), as ``core.py`` runs them.
#: - ``core`` is the pipeline function (structure → code); ``engines`` run it in processes or on
#:   Ray; ``evaluate`` scores its output against gold (its name matcher is also the store's actor
#:   filter, one matcher for both).
#: - ``corpus`` (sources → engine → store) and ``learning`` (the kb learning from documents or a
#:   database) tie stages together, so they come after the store.
#: - ``export``, ``api`` and ``web`` read the store; ``cli`` and the package root sit on top.
STAGES: dict[str, int] = {
    "sidelines.types": 0,
    "sidelines.errors": 0,
    "sidelines.names": 0,
    "sidelines.data": 1,
    "sidelines.settings": 1,
    "sidelines.filters": 1,  # the filter lists of CLI, API and exports: plain data
    "sidelines.pairing": 1,  # the one rule that pairs a meeting's sides: plain data
    "sidelines.kb": 2,
    "sidelines.ingest": 10,
    "sidelines.structure": 20,
    "sidelines.nlp": 30,
    "sidelines.resolve": 40,
    "sidelines.extract": 50,
    "sidelines.code": 60,
    "sidelines.core": 70,
    "sidelines.engines": 80,
    "sidelines.evaluate": 85,
    "sidelines.store": 90,
    "sidelines.corpus": 100,
    "sidelines.learning": 100,
    "sidelines.export": 110,
    "sidelines.cli_options": 120,
    "sidelines.api": 110,
    "sidelines.web": 110,
    "sidelines.cli": 120,
    "sidelines.__main__": 120,
    "sidelines": 120,  # the package root: the public names, imported on first use
    "sidelines.__version__": 0,  # a constant of the root, set before any stage is imported
}

#: optional extras (``pip install "sidelines[...]"``) and servers, imported where they are used
#: so that a user without them can run everything else
OPTIONAL_EXTRAS = {"ray", "pyarrow", "psycopg", "playwright", "pandas", "networkx", "uvicorn"}

#: imports of an optional extra's part of sidelines, each guarded by a message naming the extra
GUARDED_EXTRAS = {
    ("sidelines.api", "sidelines.api.app"),  # create_app: 'pip install "sidelines[api]"'
}

#: the one lazy mechanism: a command's body imports the library it wraps when it runs, so
#: ``sidelines --help`` and ``sidelines kb resolve`` start without spaCy or SQLAlchemy (issue 11);
#: the package root's public functions likewise. Only functions of these modules may do that, and
#: only for sidelines' own modules.
LAZY_MODULES = {"sidelines", "sidelines.cli", "sidelines.api.commands"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> int:
    for end in range(module.count(".") + 1, 0, -1):
        prefix = ".".join(module.split(".")[:end])
        if prefix in STAGES:
            return STAGES[prefix]
    raise KeyError(module)


def _imports(tree: ast.Module, module: str) -> Iterator[tuple[str, ast.stmt, bool]]:
    """(imported module, statement, inside a function) for every import of ``tree``."""

    def visit(node: ast.AST, in_function: bool) -> Iterator[tuple[str, ast.stmt, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, child, in_function
            elif isinstance(child, ast.ImportFrom):
                if child.level:  # relative: resolve against the importing package
                    base = module.split(".")[: -child.level or None]
                    name = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    name = child.module or ""
                if name == "sidelines":  # `from sidelines import x`: x may be a module
                    for alias in child.names:
                        yield f"sidelines.{alias.name}", child, in_function
                else:
                    yield name, child, in_function
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            yield from visit(child, inner)

    yield from visit(tree, False)


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (module_name(path), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


MODULES = _modules()


def _is_sidelines(name: str) -> bool:
    return name == "sidelines" or name.startswith("sidelines.")


def _target_stage(name: str) -> int:
    try:
        return stage_of(name)
    except KeyError:  # `from sidelines import __version__`: a name of the package root
        return STAGES["sidelines"] if name.count(".") == 1 else stage_of(name.rsplit(".", 1)[0])


def test_every_module_has_a_stage() -> None:
    missing = []
    for module, _ in MODULES:
        try:
            stage_of(module)
        except KeyError:
            missing.append(module)
    assert missing == []


def test_no_module_imports_a_later_stage() -> None:
    found = [
        f"{module}:{node.lineno} imports {name}"
        for module, tree in MODULES
        for name, node, _ in _imports(tree, module)
        if _is_sidelines(name) and _target_stage(name) > stage_of(module)
    ]
    assert found == []


def test_imports_sit_at_the_top_of_a_module() -> None:
    found = [
        f"{module}:{node.lineno} imports {name} inside a function"
        for module, tree in MODULES
        for name, node, in_function in _imports(tree, module)
        if in_function
        and name.split(".")[0] not in OPTIONAL_EXTRAS
        and not (module in LAZY_MODULES and _is_sidelines(name))
        and (module, name) not in GUARDED_EXTRAS
    ]
    assert found == []


@pytest.mark.parametrize(
    ("module", "stage"),
    [("sidelines.store.db", 90), ("sidelines.kb.query", 2), ("sidelines.api.routes.ingest", 110)],
)
def test_a_module_takes_the_stage_of_its_longest_listed_prefix(module: str, stage: int) -> None:
    assert stage_of(module) == stage


def test_the_walk_sees_imports_inside_functions() -> None:
    tree = ast.parse("import os\ndef f():\n    from sidelines.store import Store\n")
    assert [(n, f) for n, _, f in _imports(tree, "sidelines.kb.x")] == [
        ("os", False),
        ("sidelines.store", True),
    ]
