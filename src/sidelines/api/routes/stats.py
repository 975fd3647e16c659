"""``/stats``: rows per table of the store."""

from __future__ import annotations

from fastapi import APIRouter

from sidelines.api.deps import StoreDep
from sidelines.api.errors import ERROR_RESPONSES
from sidelines.api.models import StatsPublic
from sidelines.store.reviews import count_reviews

router = APIRouter(prefix="/stats", tags=["stats"], responses=ERROR_RESPONSES)


@router.get("", response_model=StatsPublic, summary="Store counts")
def stats(store: StoreDep) -> dict[str, int]:
    """How many documents, meetings, statements ... the store holds."""
    return {**store.counts(), "reviews": count_reviews(store)}
