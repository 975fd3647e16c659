"""``/statements``: statements with the filters of ``sidelines statements``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from sidelines.api.deps import PageDep, StoreDep
from sidelines.api.errors import ERROR_RESPONSES
from sidelines.api.models import StatementsPublic

router = APIRouter(prefix="/statements", tags=["statements"], responses=ERROR_RESPONSES)

Text = Annotated[str | None, Query(max_length=200)]


@router.get("", response_model=StatementsPublic, summary="List statements, newest first")
def list_statements(
    store: StoreDep,
    page: PageDep,
    speaker: Annotated[
        Text, Query(description="A speaker: an actor id or any spelling of a name.")
    ] = None,
    country: Annotated[
        Text, Query(description="A speaker's country: ISO3 code, name or demonym.")
    ] = None,
    since: Annotated[dt.date | None, Query(description="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="On or before (YYYY-MM-DD).")] = None,
    topic: Annotated[Text, Query(description="Part of a topic label.")] = None,
    with_: Annotated[
        Text, Query(alias="with", description="Said at a meeting with: a country or a name.")
    ] = None,
    occasion: Annotated[Text, Query(description="Said at a meeting of this occasion.")] = None,
    mode: Annotated[
        Literal["in_person", "phone", "video"] | None, Query(description="Meeting mode.")
    ] = None,
    scope: Annotated[
        Literal["international", "domestic"] | None,
        Query(description="Said at an international or a domestic meeting."),
    ] = None,
) -> dict[str, Any]:
    """Statements matching every given filter, newest first, a page at a time."""
    filters: dict[str, Any] = {
        "speaker": speaker,
        "country": country,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "topic": topic,
        "with_": with_,
        "occasion": occasion,
        "mode": mode,
        "scope": scope,
    }
    data = store.statements(**filters, limit=page.limit, offset=page.offset)
    count = store.count_statements(**filters)
    return {"data": data, "count": count, "next_cursor": page.next_cursor(len(data), count)}
