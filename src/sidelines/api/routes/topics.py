"""``/topics``: every topic with its meeting and statement counts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sidelines.api.deps import StoreDep
from sidelines.api.errors import ERROR_RESPONSES
from sidelines.api.models import TopicsPublic

router = APIRouter(prefix="/topics", tags=["topics"], responses=ERROR_RESPONSES)


@router.get("", response_model=TopicsPublic, summary="List topics")
def list_topics(store: StoreDep) -> dict[str, Any]:
    """Every topic of a meeting or a statement."""
    data = store.topics()
    return {"data": data, "count": len(data)}
