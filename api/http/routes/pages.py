"""``/api/v1/pages``: the page list and each page, its HTML and its timeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from api.http import detail, schemas
from api.http.deps import ServedDep
from api.http.docs_meta import (
    FIRST_ID,
    PAGE_LIST_PARAMETERS,
    PAGE_PARAMETERS,
    TEXT_PATTERN,
    errors,
    links,
    with_links,
)
from api.http.errors import NotFound
from api.http.listing import WouldBlock, raw_query, respond_async
from api.http.responses import CachedResponse
from api.http.runtime import Served

router = APIRouter(prefix="/api/v1/pages", tags=["pages"])

PageId = Annotated[
    str,
    Path(
        description="The page id: collection, `/`, then the path inside it without extension.",
        max_length=1024,
        json_schema_extra={"pattern": TEXT_PATTERN},
        examples=["about-the-icc/the-us-icc-relationship"],
        # Parameter-level examples too: Swagger UI's "Try it out" fills in only these.
        openapi_examples={
            "seed": {"summary": "The seed page", "value": "about-the-icc/the-us-icc-relationship"}
        },
    ),
]
Sanitize = Annotated[
    bool,
    Query(
        description="Clean the HTML with the sanitizer allowlist "
        "(scripts, styles and event handlers dropped)."
    ),
]


@router.get(
    "",
    operation_id="listPages",
    summary="List pages",
    description=(
        "Pages in each collection's Jekyll order (or `sort`), filtered on any field, `limit` "
        "at a time. The `Link` header (first, prev, next, last) and `X-Total-Count` give the "
        "other pages of results."
    ),
    response_model=schemas.PageList,
    responses=with_links(
        errors(422),
        links(
            200,
            firstPage=("getPage", {"page_id": FIRST_ID}),
            firstPageHtml=("getPageHtml", {"page_id": FIRST_ID}),
            firstPageTimeline=("getPageTimeline", {"page_id": FIRST_ID}),
        ),
    ),
    openapi_extra={"parameters": PAGE_LIST_PARAMETERS},
)
async def list_pages(request: Request, served: ServedDep) -> Any:
    return CachedResponse(await respond_async(served, "pages", request), request)


async def _page(served: Served, page_id: str, kind: str, sanitize: bool, request: Request) -> Any:
    rest = f"{page_id}{_SUFFIX[kind]}"
    cached = None if sanitize else served.store.by_path.get(rest)
    if cached is not None:  # built already: no need for a thread
        return CachedResponse(cached, request)
    # Building renders the page: in a worker thread, so the event loop keeps serving.
    found, doc_id, cached = await run_in_threadpool(served.store.page_resource, rest, sanitize)
    if not found:
        raise NotFound(f"No page has the id {page_id!r}.")
    if cached is None:
        what = "timeline data" if found == "timeline-data" else "a timeline"
        raise NotFound(f"The page {doc_id!r} has no {what}.")
    return CachedResponse(cached, request)


_SUFFIX = {"page": "", "html": "/html", "timeline": "/timeline", "timeline-data": "/timeline/data"}


@router.get(
    "/{page_id:path}/timeline/data",
    operation_id="getPageTimelineData",
    summary="Get a page's timeline data",
    description="The page's own timeline data (`timeline_data:` front matter) as TimelineJS JSON.",
    response_model=dict[str, Any],
    responses={
        200: {
            "description": "TimelineJS JSON (title, events, eras).",
            "content": {"application/json": {}},
        },
        **errors(404, 422),
    },
)
async def get_timeline_data(request: Request, served: ServedDep, page_id: PageId) -> Any:
    return await _page(served, page_id, "timeline-data", False, request)


@router.get(
    "/{page_id:path}/timeline",
    operation_id="getPageTimeline",
    summary="Get a page's timeline embed",
    description=(
        "The page's TimelineJS embed: typed options, a canonical v3 `embed_url` and an iframe."
    ),
    response_model=schemas.TimelineEmbed,
    responses=errors(404, 422),
)
async def get_timeline(request: Request, served: ServedDep, page_id: PageId) -> Any:
    return await _page(served, page_id, "timeline", False, request)


@router.get(
    "/{page_id:path}/html",
    operation_id="getPageHtml",
    summary="Get a page's HTML",
    description="The body rendered as Jekyll renders it, as a `text/html` fragment.",
    status_code=200,  # FastAPI reads it from the response class, and CachedResponse has none
    response_class=CachedResponse,
    responses={
        200: {
            "content": {
                "text/html": {
                    "schema": {"type": "string"},
                    "example": "<p>The United States (US) …</p>",
                }
            },
            "description": "The HTML fragment.",
        },
        **errors(404, 422),
    },
)
async def get_html(
    request: Request, served: ServedDep, page_id: PageId, sanitize: Sanitize = False
) -> Any:
    return await _page(served, page_id, "html", sanitize, request)


@router.get(
    "/{page_id:path}",
    operation_id="getPage",
    summary="Get a page",
    description=(
        "A page: its front matter, rendered HTML, derived fields, timeline, neighbours, the "
        "pages it refers to (`references`) and the pages that refer to it (`referenced_by`). "
        "`expand` replaces page references by the pages themselves, so one request gives "
        "what a layout joins from several collections."
    ),
    response_model=schemas.Page,
    responses=with_links(
        errors(404, 422),
        links(
            200,
            html=("getPageHtml", {"page_id": "$response.body#/id"}),
            timeline=("getPageTimeline", {"page_id": "$response.body#/id"}),
            timelineData=("getPageTimelineData", {"page_id": "$response.body#/id"}),
            find=(
                "findPage",
                {"url": "$response.body#/url", "source_path": "$response.body#/source_path"},
            ),
            oembed=("getOembed", {"url": "$response.body#/url"}),
        ),
    ),
    openapi_extra={"parameters": PAGE_PARAMETERS},
)
async def get_page(
    request: Request, served: ServedDep, page_id: PageId, sanitize: Sanitize = False
) -> Any:
    query = raw_query(request.scope)
    if query:
        try:
            cached = detail.respond(served, page_id, query, sanitize=sanitize, inline=True)
        except WouldBlock:  # rendering or expanding: in a worker thread
            cached = await run_in_threadpool(
                detail.respond, served, page_id, query, sanitize=sanitize, inline=False
            )
        if cached is not None:
            return CachedResponse(cached, request)
    return await _page(served, page_id, "page", sanitize, request)
