"""Shared fixtures: one spaCy pipeline per session, the knowledge base, and ../shared when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

from sidelines.kb import KnowledgeBase
from sidelines.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


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
