"""``sidelines demo``: the bundled sample documents in a temporary database."""

from __future__ import annotations

from pathlib import Path

from sidelines.corpus import IngestReport, ingest_documents, read_items
from sidelines.errors import SidelinesError
from sidelines.store import Store


class SamplesNotFoundError(SidelinesError):
    """The bundled sample documents are not where sidelines looks for them."""

    code = "E061"


def samples_dir() -> Path:
    """The folder of sample documents: inside the package when installed with them, else the
    ``samples/`` folder of a source checkout."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "samples", package.parents[1] / "samples"):
        if candidate.is_dir():
            return candidate
    raise SamplesNotFoundError(f"no sample documents in {package / 'samples'}")


def build_demo_store(db_path: Path) -> Store:
    """A store at ``db_path`` holding the extractions of every sample document."""
    store = Store.open(f"sqlite:///{db_path}")
    report = IngestReport()
    ingest_documents(read_items([str(samples_dir())], store, report), store, report)
    return store
