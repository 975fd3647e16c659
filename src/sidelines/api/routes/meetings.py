"""``/meetings``: held meetings (or planned, not held, any: ``status``) with the filters of
``sidelines meetings``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from sidelines.api.deps import PageDep, StoreDep, newest_first_key, query_filters
from sidelines.api.errors import ERROR_RESPONSES, api_error
from sidelines.api.models import MeetingDetailPublic, MeetingsPublic
from sidelines.filters import MeetingFilter

router = APIRouter(prefix="/meetings", tags=["meetings"], responses=ERROR_RESPONSES)

#: meeting filters from the query string
meeting_filters = query_filters(MeetingFilter)


@router.get("", response_model=MeetingsPublic, summary="List meetings, newest first")
def list_meetings(
    store: StoreDep,
    page: PageDep,
    filters: Annotated[MeetingFilter, Depends(meeting_filters)],
) -> dict[str, Any]:
    """Meetings matching every given filter, newest first, a page at a time."""
    data = store.meetings(filters, limit=page.limit, offset=page.offset, after=page.after)
    count = store.count_meetings(filters)
    return {
        "data": data,
        "count": count,
        "next_cursor": page.next_cursor(len(data), count, newest_first_key(data)),
    }


@router.get("/{meeting_id}", response_model=MeetingDetailPublic, summary="One meeting")
def get_meeting(store: StoreDep, meeting_id: Annotated[str, Path(max_length=64)]) -> Any:
    """A meeting with its statements, source documents and evidence spans."""
    meeting = store.meeting(meeting_id)
    if meeting is None:
        raise api_error(404, f"no meeting with id {meeting_id!r}")
    return meeting
