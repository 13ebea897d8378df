"""``/api/v1/find``: from a site URL or a source path to the page's API resource."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query
from starlette.responses import RedirectResponse

from api.http.deps import ServedDep
from api.http.docs_meta import TEXT_PATTERN, errors
from api.http.errors import NotFound

router = APIRouter(prefix="/api/v1", tags=["pages"])


@router.get(
    "/find",
    operation_id="findPage",
    summary="Find a page by URL or source path",
    description=(
        "Redirects (307) to `/api/v1/pages/{id}` for the page at a site URL (`url`, with or "
        "without the site's host, `baseurl` or trailing slash) or with a source path "
        "(`source_path`, relative to the content directory). Give one or both: with both, "
        "the page must have that URL and that source path. No page matching (or neither "
        "given) is a 404."
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
            # Checked by the Guard (control characters are a 422 in any parameter).
            json_schema_extra={"pattern": TEXT_PATTERN},
            description="A page URL on the site.",
            examples=["/about-the-icc/the-us-icc-relationship/"],
        ),
    ] = None,
    source_path: Annotated[
        str | None,
        Query(
            max_length=1024,
            json_schema_extra={"pattern": TEXT_PATTERN},
            description="A source file path.",
            examples=["_about-the-icc/the-us-icc-relationship.md"],
        ),
    ] = None,
) -> Any:
    if url is None and source_path is None:
        # A lookup with nothing to look up matches no page (the schema cannot require
        # "one of two", so this is not a 422).
        raise NotFound("No page was asked for: give `url`, `source_path` or both.")
    snapshot = served.site.snapshot
    by_url = None if url is None else snapshot.find_url(url)
    # A lookup in the snapshot's index: never a path joined onto the disk.
    by_path = None if source_path is None else snapshot.by_source_path.get(_relative(source_path))
    if url is not None and source_path is not None:
        same = by_url is not None and by_path is not None and by_url.id == by_path.id
        doc = by_url if same else None
        what = f"URL {url!r} and the source path {source_path!r}"
    elif url is not None:
        doc, what = by_url, f"URL {url!r}"
    else:
        doc, what = by_path, f"source path {source_path!r}"
    if doc is None:
        raise NotFound(f"No page has the {what}.")
    location = f"/api/v1/pages/{quote(doc.id, safe='/')}"
    return RedirectResponse(
        location, status_code=307, headers={"cache-control": "public, max-age=60"}
    )


def _relative(source_path: str) -> str:
    return source_path.strip().lstrip("/")
