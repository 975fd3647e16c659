"""``/meetings``: held (or planned) meetings with the filters of ``sidelines meetings``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query

from sidelines.api.deps import PageDep, StoreDep
from sidelines.api.errors import ERROR_RESPONSES, api_error
from sidelines.api.models import MeetingDetailPublic, MeetingsPublic

router = APIRouter(prefix="/meetings", tags=["meetings"], responses=ERROR_RESPONSES)

Text = Annotated[str | None, Query(max_length=200)]


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class MeetingFilters:
    """The filters of ``sidelines meetings``, as query parameters."""

    actor: str | None
    country: str | None
    with_: str | None
    since: str | None
    until: str | None
    occasion: str | None
    topic: str | None
    mode: str | None
    status: str | None
    scope: str | None

    def as_kwargs(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def meeting_filters(
    actor: Annotated[
        Text, Query(description="A participant: an actor id or any spelling of a name.")
    ] = None,
    country: Annotated[
        Text, Query(description="A participant's country: ISO3 code, name or demonym.")
    ] = None,
    with_: Annotated[
        Text, Query(alias="with", description="A counterpart: a country (code, name) or a name.")
    ] = None,
    since: Annotated[dt.date | None, Query(description="Held on or after (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Held on or before (YYYY-MM-DD).")] = None,
    occasion: Annotated[
        Text, Query(description="The words of an occasion, or a summit series (G20 summit).")
    ] = None,
    topic: Annotated[Text, Query(description="Part of a topic label.")] = None,
    mode: Annotated[Literal["in_person", "phone", "video"] | None, Query()] = None,
    status: Annotated[
        Literal["held", "planned", "any"], Query(description="held (default), planned or any.")
    ] = "held",
    scope: Annotated[
        Literal["international", "domestic"] | None,
        Query(description="international (two or more countries, or an organisation) or domestic."),
    ] = None,
) -> MeetingFilters:
    """Meeting filters from the query string."""
    return MeetingFilters(
        actor=actor,
        country=country,
        with_=with_,
        since=_day(since),
        until=_day(until),
        occasion=occasion,
        topic=topic,
        mode=mode,
        status=None if status == "any" else status,
        scope=scope,
    )


@router.get("", response_model=MeetingsPublic, summary="List meetings, newest first")
def list_meetings(
    store: StoreDep,
    page: PageDep,
    filters: Annotated[MeetingFilters, Depends(meeting_filters)],
) -> dict[str, Any]:
    """Meetings matching every given filter, newest first, a page at a time."""
    kwargs = filters.as_kwargs()
    data = store.meetings(**kwargs, limit=page.limit, offset=page.offset)
    count = store.count_meetings(**kwargs)
    return {"data": data, "count": count, "next_cursor": page.next_cursor(len(data), count)}


@router.get("/{meeting_id}", response_model=MeetingDetailPublic, summary="One meeting")
def get_meeting(store: StoreDep, meeting_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """A meeting with its statements, source documents and evidence spans."""
    meeting: dict[str, Any] | None = store.meeting(meeting_id)
    if meeting is None:
        raise api_error(404, f"no meeting with id {meeting_id!r}")
    return meeting
