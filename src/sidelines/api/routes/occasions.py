"""``/occasions``: summits and forums with their meeting counts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sidelines.api.deps import StoreDep
from sidelines.api.errors import ERROR_RESPONSES
from sidelines.api.models import OccasionsPublic

router = APIRouter(prefix="/occasions", tags=["occasions"], responses=ERROR_RESPONSES)


@router.get("", response_model=OccasionsPublic, summary="List occasions")
def list_occasions(store: StoreDep) -> dict[str, Any]:
    """Every summit or forum at which a stored meeting was held."""
    data = store.occasions()
    return {"data": data, "count": len(data)}
