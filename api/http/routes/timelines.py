"""``/api/v1/timelines``: the pages that have a timeline, with their embeds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import FIRST_ID, TIMELINE_LIST_PARAMETERS, errors, links, with_links
from api.http.listing import respond_async
from api.http.responses import CachedResponse

router = APIRouter(prefix="/api/v1", tags=["timelines"])


@router.get(
    "/timelines",
    operation_id="listTimelines",
    summary="List timelines",
    description="Pages that have a TimelineJS timeline, with their embeds; filtered, sorted and "
    "paged like the page list.",
    response_model=schemas.TimelineList,
    responses=with_links(
        errors(422),
        links(
            200,
            firstTimeline=("getPageTimeline", {"page_id": FIRST_ID}),
            firstTimelineData=("getPageTimelineData", {"page_id": FIRST_ID}),
        ),
    ),
    openapi_extra={"parameters": TIMELINE_LIST_PARAMETERS},
)
async def list_timelines(request: Request, served: ServedDep) -> Any:
    return CachedResponse(await respond_async(served, "timelines", request), request)
