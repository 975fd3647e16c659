"""``/reviews``: an analyst confirms, corrects or annotates a fact (writing needs the token)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from sidelines.api.deps import PageDep, StoreDep, require_token
from sidelines.api.errors import ERROR_RESPONSES, ErrorPublic, api_error
from sidelines.api.models import ReviewIn, ReviewPublic, ReviewsPublic
from sidelines.store.reviews import (
    FactNotFoundError,
    ReviewError,
    count_reviews,
    record_review,
    reviews,
)

router = APIRouter(prefix="/reviews", tags=["reviews"], responses=ERROR_RESPONSES)

WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorPublic, "description": "no or wrong bearer token"},
    403: {"model": ErrorPublic, "description": "write routes are off (no SIDELINES_TOKEN)"},
}


@router.get("", response_model=ReviewsPublic, summary="List reviews, newest first")
def list_reviews(
    store: StoreDep,
    page: PageDep,
    fact_id: Annotated[str | None, Query(max_length=64, description="Of one fact.")] = None,
) -> dict[str, Any]:
    """The audit trail: every confirmation, correction and annotation, newest first."""
    data = reviews(store, fact_id=fact_id, limit=page.limit, offset=page.offset)
    count = count_reviews(store, fact_id=fact_id)
    return {"data": data, "count": count, "next_cursor": page.next_cursor(len(data), count)}


@router.post(
    "",
    response_model=ReviewPublic,
    status_code=201,
    summary="Review a fact",
    dependencies=[Depends(require_token)],
    responses=WRITE_RESPONSES,
)
def create_review(store: StoreDep, review: ReviewIn) -> dict[str, Any]:
    """Confirm a fact, correct one field of it (the store changes; before and after are kept),
    or annotate it with a note. Needs ``Authorization: Bearer <SIDELINES_TOKEN>``."""
    try:
        return record_review(
            store,
            fact_type=review.fact_type,
            fact_id=review.fact_id,
            action=review.action,
            field=review.field,
            value=review.value,
            note=review.note,
            reviewer=review.reviewer,
        )
    except FactNotFoundError as err:
        raise api_error(404, err.message) from None
    except ReviewError as err:
        raise api_error(422, err.message, "bad_review") from None
