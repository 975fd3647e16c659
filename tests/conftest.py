"""Shared fixtures: one spaCy pipeline per session, the knowledge base, and ../shared when present."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"

# The compiled knowledge base of the tests lives beside the user's, not in it; xdist workers and
# the CLI processes tests start share it (it is keyed by content and written atomically).
os.environ.setdefault(
    "SIDELINES_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"sidelines-test-cache-{os.getuid()}")
)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent.

    Under CI (CI=true) the shared data must be there: ``.ci/run`` fails before tests otherwise.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing under CI")
        pytest.skip(f"{path} is absent (the shared data set lives beside the project, not in it)")
    return path


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.fixture
def fresh_default() -> Iterator[None]:
    """For a test that changes what ``KnowledgeBase.default()`` holds (``kb add`` refreshes it):
    the next test loads it again from its own sources."""
    yield
    KnowledgeBase.default.cache_clear()
