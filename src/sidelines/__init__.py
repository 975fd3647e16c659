"""sidelines: who met whom, when, where, on what occasion, and what each side said.

The core is :func:`extract`, a pure function ``Document -> Extraction``; :func:`load_document` reads
a file, URL or stdin into a ``Document``; :func:`open` opens a corpus database to query.
"""

import importlib
from typing import TYPE_CHECKING, Any

from sidelines.types import Document, Evidence, Extraction, Meeting, Participant, Section, Statement

if TYPE_CHECKING:
    from sidelines.core import extract, extract_many
    from sidelines.ingest import iter_documents, load_document
    from sidelines.store import Store

#: names imported on first use: spaCy and trafilatura take seconds to import, and a command that
#: does not extract (``sidelines --help``, ``sidelines kb resolve``) should not wait for them
_LAZY = {
    "extract": "sidelines.core",
    "extract_many": "sidelines.core",
    "iter_documents": "sidelines.ingest",
    "load_document": "sidelines.ingest",
}

__version__ = "0.1.0"


def open(db: str | None = None) -> "Store":
    """Open the corpus database at ``db`` (a SQLAlchemy URL; default ./sidelines.db)."""
    from sidelines.store import Store

    return Store.open(db)


def __getattr__(name: str) -> Any:
    """``sidelines.extract`` and the others of ``_LAZY``, imported when first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sidelines' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Document",
    "Evidence",
    "Extraction",
    "Meeting",
    "Participant",
    "Section",
    "Statement",
    "__version__",
    "extract",
    "extract_many",
    "iter_documents",
    "load_document",
    "open",
]
