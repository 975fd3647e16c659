"""sidelines: who met whom, when, where, on what occasion, and what each side said.

The core is :func:`extract`, a pure function ``Document -> Extraction``; :func:`load_document` reads
a file, URL or stdin into a ``Document``; :func:`open` opens a corpus database to query.
"""

from typing import TYPE_CHECKING

from sidelines.core import extract, extract_many
from sidelines.ingest import iter_documents, load_document
from sidelines.types import Document, Evidence, Extraction, Meeting, Participant, Section, Statement

if TYPE_CHECKING:
    from sidelines.store import Store

__version__ = "0.1.0"


def open(db: str | None = None) -> "Store":
    """Open the corpus database at ``db`` (a SQLAlchemy URL; default ./sidelines.db)."""
    from sidelines.store import Store

    return Store.open(db)


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
