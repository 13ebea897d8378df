"""``/api/v1/search``: full-text search over titles, headings and bodies."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import errors
from api.http.errors import NotReady
from api.http.responses import CachedResponse
from api.query import QueryError

router = APIRouter(prefix="/api/v1", tags=["search"])
#: How long a search waits for the index on a freshly loaded site.
INDEX_WAIT_SECONDS = 30.0


@router.get(
    "/search",
    operation_id="searchPages",
    summary="Search pages",
    description=(
        "Full-text search (SQLite FTS5, BM25 ranking: title above headings above body). "
        'Supports "phrases", prefixes (`term*`), matching without diacritics, and CJK or '
        "Thai text. Snippets mark matches with `<mark>`."
    ),
    response_model=schemas.SearchResults,
    responses=errors(422),
)
def search_pages(
    request: Request,
    served: ServedDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description="What to search for.",
            examples=["rome statute"],
        ),
    ],
    collection: Annotated[str | None, Query(description="Collections, comma-separated.")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    collections = tuple(c for c in (collection or "").split(",") if c)

    def build() -> Any:
        index = served.store.search_index(INDEX_WAIT_SECONDS)
        if index is None:
            raise NotReady()
        result = index.search(q, collections=collections, limit=limit, offset=offset)
        body = {
            "data": [asdict(hit) for hit in result.hits],
            "meta": {"total": result.total, "limit": limit, "offset": offset},
        }
        return served.store.json(body, extra=(("x-total-count", str(result.total)),))

    if not q.strip():
        raise QueryError("q", "the search text is empty")
    cached = served.store.query(("search", q, collections, limit, offset), build)
    return CachedResponse(cached, request)
