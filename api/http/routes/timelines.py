"""``/api/v1/timelines``: the pages that have a timeline, with their embeds."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import FILTER_PARAMETER, errors
from api.http.listing import page_list, timeline_item
from api.http.responses import CachedResponse
from api.query import parse_list_query

router = APIRouter(prefix="/api/v1", tags=["timelines"])


@router.get(
    "/timelines",
    operation_id="listTimelines",
    summary="List timelines",
    description="Pages that have a TimelineJS timeline, with their embeds; filtered, sorted and "
    "paged like the page list.",
    response_model=schemas.TimelineList,
    responses=errors(422),
    openapi_extra={"parameters": [FILTER_PARAMETER]},
)
def list_timelines(
    request: Request,
    served: ServedDep,
    collection: Annotated[str | None, Query(description="Collections, comma-separated.")] = None,
    sort: Annotated[str | None, Query(description="Fields to sort by; `-` for descending.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    params = request.query_params.multi_items()
    query = parse_list_query([*params, ("has_timeline", "true")], allowed=TIMELINE_PARAMS)
    cached = served.store.query(
        ("timelines", query),
        lambda: page_list(served, query, request.url.path, params, timeline_item(served)),
    )
    return CachedResponse(cached, request)


TIMELINE_PARAMS = frozenset({"collection", "sort", "limit", "offset", "filter", "has_timeline"})
