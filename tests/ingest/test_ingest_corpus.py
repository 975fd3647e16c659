"""Real pages from the shared development corpus, when it is present next to the repository.

The corpus is third-party material: it is read in place, never copied into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelines.errors import InputError
from sidelines.ingest import iter_documents, load_document
from sidelines.types import Document

SHARED = Path(__file__).parents[2].parent / "shared"
CORPUS = SHARED / "corpus"

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS} (it lives outside the repo)"
)


def _sample(folder: str, pattern: str, count: int = 5) -> list[Path]:
    files = sorted((CORPUS / folder).glob(pattern))
    if not files:
        pytest.skip(f"no {pattern} files in {CORPUS / folder}")
    step = max(1, len(files) // count)
    return files[::step][:count]


def test_kremlin_pages_have_readout_title_date_and_publisher() -> None:
    for path in _sample("kremlin-html", "*.html"):
        document = load_document(str(path))
        assert document.title, path
        assert document.published and len(document.published) == 10, path
        assert document.publisher == "President of Russia", path
        assert document.url and document.url.startswith("http"), path
        assert len(document.text) > 100, path
        for junk in ("Publication status", "Direct link", "Text version", "See also"):
            assert junk not in document.text, (path, junk)


def test_whitehouse_markdown_has_title_and_date() -> None:
    for path in _sample("whitehouse-md", "*.md"):
        document = load_document(str(path))
        assert document.title, path
        assert document.published and path.name[3:13] == document.published, path
        assert "\\#" not in document.text and "\\_" not in document.text, path


def test_jsonl_corpus_streams() -> None:
    path = CORPUS / "whitehouse-readouts.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} not found")
    results = []
    for result in iter_documents([str(path)]):
        results.append(result)
        if len(results) == 20:
            break
    documents = [r for r in results if isinstance(r, Document)]
    assert len(documents) + sum(isinstance(r, InputError) for r in results) == 20
    assert documents and all(d.title and d.published for d in documents)
