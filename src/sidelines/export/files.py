"""Where an export writes: a file that appears under its name only when complete, or standard
output; and the optional libraries a format needs.

Every format writes through :func:`atomic_path`: the data goes to ``<name>.partial`` beside the
target and is moved over it when the writer is done, so an interrupted export of a large corpus
leaves no half file under the name asked for (and no ``.partial`` either).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from sidelines.export.report import MissingExtraError

__all__ = ["atomic_path", "requirer", "text_output"]

#: the extra that installs each format's optional dependency
EXTRAS = {"parquet": "parquet", "graphml": "graph", "gexf": "graph"}


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A path to write ``target``'s content to, moved to ``target`` when the block ends without
    an error and removed when it raises."""
    partial = target.with_name(target.name + ".partial")
    try:
        yield partial
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)


@contextmanager
def text_output(target: str) -> Iterator[IO[str]]:
    """Standard output for ``-``, else the text file ``target``, written atomically."""
    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with (
        atomic_path(Path(target)) as partial,
        partial.open("w", encoding="utf-8", newline="") as stream,
    ):
        yield stream


@contextmanager
def binary_output(target: str) -> Iterator[IO[bytes] | str]:
    """Standard output's bytes for ``-``, else the name of a file written atomically."""
    if target == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with atomic_path(Path(target)) as partial:
        yield str(partial)


def requirer(fmt: str) -> Callable[[str], Any]:
    """``require(module)`` for ``fmt``: the module, or the error naming the extra to install."""
    extra = EXTRAS[fmt]

    def require(module: str) -> Any:
        try:
            return importlib.import_module(module)
        except ImportError:
            raise MissingExtraError(
                f'{fmt} export needs {module.split(".")[0]}: pip install "sidelines[{extra}]"'
            ) from None

    return require
