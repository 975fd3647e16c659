"""``/search?q=``: full-text search over documents, meetings and statements."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sidelines.api.deps import StoreDep
from sidelines.api.errors import ERROR_RESPONSES
from sidelines.api.models import SearchPublic

router = APIRouter(prefix="/search", tags=["search"], responses=ERROR_RESPONSES)


@router.get("", response_model=SearchPublic, summary="Search")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to look for.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Documents, meetings and statements that match ``q``, best first."""
    data = store.search(q, limit=limit)
    return {"data": data, "count": len(data)}
