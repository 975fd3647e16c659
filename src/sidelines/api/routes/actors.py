"""``/actors``: the people and parties of the corpus."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query

from sidelines.api.deps import PageDep, StoreDep, knowledge_base_loaded
from sidelines.api.errors import ERROR_RESPONSES, api_error
from sidelines.api.models import ActorDetailPublic, ActorsPublic, CounterpartsPublic
from sidelines.store.read.results import ActorProfile

router = APIRouter(prefix="/actors", tags=["actors"], responses=ERROR_RESPONSES)


@router.get("", response_model=ActorsPublic, summary="List actors")
def list_actors(
    store: StoreDep,
    page: PageDep,
    country: Annotated[
        str | None, Query(max_length=200, description="ISO3 code, country name or demonym.")
    ] = None,
    name: Annotated[
        str | None, Query(max_length=200, description="An actor id or any spelling of a name.")
    ] = None,
    scope: Annotated[
        Literal["international", "domestic"] | None,
        Query(description="Only actors with meetings of this scope, counted in meetings."),
    ] = None,
) -> dict[str, Any]:
    """Actors who met someone or said something, a page at a time."""
    filters: dict[str, Any] = {"country": country, "name": name, "scope": scope}
    data = store.actors(**filters, limit=page.limit, offset=page.offset)
    count = store.count_actors(**filters)
    return {"data": data, "count": count, "next_cursor": page.next_cursor(len(data), count)}


@router.get(
    "/{id_or_name}",
    response_model=ActorDetailPublic,
    summary="One actor",
    dependencies=[Depends(knowledge_base_loaded)],
)
def get_actor(store: StoreDep, id_or_name: Annotated[str, Path(max_length=200)]) -> ActorProfile:
    """An actor by id or name: roles, the 50 counterparts met most and how many there are,
    topics, latest statements and meetings."""
    actor = store.actor(id_or_name)
    if actor is None:
        raise api_error(404, f"no actor {id_or_name!r}")
    return actor


@router.get(
    "/{id_or_name}/counterparts",
    response_model=CounterpartsPublic,
    summary="An actor's counterparts",
    dependencies=[Depends(knowledge_base_loaded)],
)
def list_counterparts(
    store: StoreDep, page: PageDep, id_or_name: Annotated[str, Path(max_length=200)]
) -> dict[str, Any]:
    """Everyone an actor met, most met first, a page at a time (the actor page lists the
    first 50)."""
    found = store.counterparts(id_or_name, limit=page.limit, offset=page.offset)
    if found is None:
        raise api_error(404, f"no actor {id_or_name!r}")
    data, count = found
    return {"data": data, "count": count, "next_cursor": page.next_cursor(len(data), count)}
