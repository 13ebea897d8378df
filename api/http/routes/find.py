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
from api.site import Site

router = APIRouter(prefix="/api/v1", tags=["pages"])


@router.get(
    "/find",
    operation_id="findPage",
    summary="Find a page by URL or source path",
    description=(
        "Redirects (307) to `/api/v1/pages/{id}` for the page at a site URL (`url`, with or "
        "without the site's host, `baseurl` or trailing slash) or with a source path "
        "(`source_path`, relative to the content directory). Give exactly one. A URL that "
        "the site redirects (`redirect_from` on a page, or a page with `redirect_to`) "
        "answers 301, to the API resource of the page it finally leads to, or to the URL "
        "elsewhere it leads to."
    ),
    status_code=307,
    response_class=RedirectResponse,
    responses={
        301: {"description": "The URL is a redirect: where it leads, in `Location`."},
        307: {"description": "The page's API resource, in `Location`."},
        **errors(404, 422),
    },
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
    if url is not None:
        return _by_url(served.site, url)
    assert source_path is not None
    # A lookup in the snapshot's index: never a path joined onto the disk.
    doc = served.site.snapshot.by_source_path.get(source_path.strip().lstrip("/"))
    if doc is None:
        raise NotFound(f"No page has the source path {source_path!r}.")
    return _redirect(page_location(doc.id), 307)


def page_location(doc_id: str) -> str:
    return f"/api/v1/pages/{quote(doc_id, safe='/')}"


def _by_url(site: Site, url: str) -> RedirectResponse:
    found = site.resolve_url(url)
    if found is None:
        raise NotFound(f"No page has the URL {url!r}.")
    if found.doc is not None:
        return _redirect(page_location(found.doc.id), 301 if found.moved else 307)
    if found.url is not None and found.url.lower().startswith(("http://", "https://")):
        return _redirect(found.url, 301)
    if found.loop:
        raise NotFound(f"The URL {url!r} is a redirect that never reaches a page (a loop).")
    if found.url is not None:
        raise NotFound(f"The URL {url!r} redirects to {found.url!r}, which is not a web page.")
    raise NotFound(
        f"The URL {url!r} redirects to {found.hops[-1]!r}, which is no page of this site "
        "(and the site has no `url` to give its address)."
    )


def _redirect(location: str, status: int) -> RedirectResponse:
    return RedirectResponse(
        location, status_code=status, headers={"cache-control": "public, max-age=60"}
    )
