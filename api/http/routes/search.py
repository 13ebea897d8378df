"""``/api/v1/search``: full-text search over titles, headings and bodies."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import SEARCH_PARAMETERS, errors
from api.http.errors import NotReady
from api.http.listing import IndexNotReady, respond
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
    responses=errors(422),
    openapi_extra={"parameters": SEARCH_PARAMETERS},
)
def search_pages(request: Request, served: ServedDep) -> Any:
    try:
        cached = respond(served, "search", request.url.path, request.url.query, inline=False)
    except IndexNotReady:
        raise NotReady() from None
    return CachedResponse(cached, request)
