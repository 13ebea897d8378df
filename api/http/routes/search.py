"""``/api/v1/search``: full-text search over titles, headings and bodies."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import FIRST_ID, SEARCH_PARAMETERS, errors, links, with_links
from api.http.errors import NotReady
from api.http.listing import IndexNotReady, respond_async
from api.http.responses import CachedResponse

router = APIRouter(prefix="/api/v1", tags=["search"])


@router.get(
    "/search",
    operation_id="searchPages",
    summary="Search pages",
    description=(
        "Full-text search (tantivy, BM25 ranking: title above headings above body; every "
        'word must match). Supports "phrases", prefixes (`term*`), matching without '
        "diacritics, stemming in each page's language, and Chinese, Japanese, Korean or Thai "
        "text without spaces. Text with no word in it finds nothing. Snippets are "
        "HTML-escaped text with matches in `<mark>`."
    ),
    response_model=schemas.SearchResults,
    responses=with_links(errors(422), links(200, firstHit=("getPage", {"page_id": FIRST_ID}))),
    openapi_extra={"parameters": SEARCH_PARAMETERS},
)
async def search_pages(request: Request, served: ServedDep) -> Any:
    try:
        cached = await respond_async(served, "search", request)
    except IndexNotReady:
        raise NotReady() from None
    return CachedResponse(cached, request)
