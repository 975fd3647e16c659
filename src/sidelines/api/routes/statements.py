"""``/statements``: statements with the filters of ``sidelines statements``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from sidelines.api.deps import PageDep, StoreDep, newest_first_key, query_filters
from sidelines.api.errors import ERROR_RESPONSES
from sidelines.api.models import StatementsPublic
from sidelines.filters import StatementFilter

router = APIRouter(prefix="/statements", tags=["statements"], responses=ERROR_RESPONSES)

#: statement filters from the query string
statement_filters = query_filters(StatementFilter)


@router.get("", response_model=StatementsPublic, summary="List statements, newest first")
def list_statements(
    store: StoreDep,
    # before the page: the filters come first in the parameters, as they always have
    filters: Annotated[StatementFilter, Depends(statement_filters)],
    page: PageDep,
) -> dict[str, Any]:
    """Statements matching every given filter, newest first, a page at a time."""
    data = store.statements(filters, limit=page.limit, offset=page.offset, after=page.after)
    count = store.count_statements(filters)
    return {
        "data": data,
        "count": count,
        "next_cursor": page.next_cursor(len(data), count, newest_first_key(data)),
    }
