"""``/api/v1/find``: from a site URL or a source path to the page's API resource."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query
from starlette.responses import RedirectResponse

from api.http.deps import ServedDep
from api.http.docs_meta import errors
from api.http.errors import NotFound
from api.query import QueryError

router = APIRouter(prefix="/api/v1", tags=["pages"])


@router.get(
    "/find",
    operation_id="findPage",
    summary="Find a page by URL or source path",
    description=(
        "Redirects (307) to `/api/v1/pages/{id}` for the page at a site URL (`url`, with or "
        "without the site's host, `baseurl` or trailing slash) or with a source path "
        "(`source_path`, relative to the content directory). Give exactly one."
    ),
    status_code=307,
    response_class=RedirectResponse,
    responses={307: {"description": "The page's API resource, in `Location`."}, **errors(404, 422)},
)
def find_page(
    served: ServedDep,
    url: Annotated[
        str | None,
        Query(
            max_length=2048,
            description="A page URL on the site.",
            examples=["/about-the-icc/the-us-icc-relationship/"],
        ),
    ] = None,
    source_path: Annotated[
        str | None,
        Query(
            max_length=1024,
            description="A source file path.",
            examples=["_about-the-icc/the-us-icc-relationship.md"],
        ),
    ] = None,
) -> Any:
    if (url is None) == (source_path is None):
        param = "url" if url is None else "source_path"
        raise QueryError(param, "give exactly one of `url` and `source_path`")
    snapshot = served.site.snapshot
    if url is not None:
        doc = snapshot.find_url(url)
        what = f"URL {url!r}"
    else:
        assert source_path is not None
        # A lookup in the snapshot's index: never a path joined onto the disk.
        doc = snapshot.by_source_path.get(source_path.strip().lstrip("/"))
        what = f"source path {source_path!r}"
    if doc is None:
        raise NotFound(f"No page has the {what}.")
    location = f"/api/v1/pages/{quote(doc.id, safe='/')}"
    return RedirectResponse(
        location, status_code=307, headers={"cache-control": "public, max-age=60"}
    )
