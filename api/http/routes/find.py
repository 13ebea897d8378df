"""``/api/v1/find``: from a site URL or a source path to the page's API resource."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

import orjson
from fastapi import APIRouter, Query
from starlette.responses import Response

from api.content.model import Document
from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import TEXT_PATTERN, errors
from api.http.errors import NotFound
from api.site import Site

router = APIRouter(prefix="/api/v1", tags=["pages"])

_LOCATION = {
    "Location": {
        "description": "Where the redirect points (what `location` says).",
        "required": True,
        "schema": {"type": "string"},
    }
}
CACHE_CONTROL = "public, max-age=60"


@router.get(
    "/find",
    operation_id="findPage",
    summary="Find a page by URL or source path",
    description=(
        "Redirects (307) to `/api/v1/pages/{id}` for the page at a site URL (`url`, with or "
        "without the site's host, `baseurl` or trailing slash) or with a source path "
        "(`source_path`, relative to the content directory). Give one or both: with both, "
        "the page must have that URL and that source path. No page matching (or neither "
        "given) is a 404. A URL that the site redirects (`redirect_from` on a page, or a "
        "page with `redirect_to`) answers 301, to the API resource of the page it finally "
        "leads to, or to the URL elsewhere it leads to."
    ),
    status_code=307,
    response_model=None,
    responses={
        200: {
            "description": "The page, for a client that follows the redirect (when it leads "
            "to a page of this API).",
            "model": schemas.Page,
        },
        301: {
            "description": "The URL is an old one (a redirect): where it leads, in `Location` "
            "and in the body.",
            "model": schemas.Found,
            "headers": _LOCATION,
        },
        307: {
            "description": "The page's API resource, in `Location` and in the body.",
            "model": schemas.Found,
            "headers": _LOCATION,
        },
        **errors(404, 422, conditional=False),
    },
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
    by_path = None
    if source_path is not None:
        # A lookup in the snapshot's index: never a path joined onto the disk.
        by_path = served.site.snapshot.by_source_path.get(source_path.strip().lstrip("/"))
        if by_path is None:
            raise NotFound(f"No page has the source path {source_path!r}.")
    if url is None:
        assert by_path is not None
        return _to_page(by_path, moved=False)
    if by_path is None:
        return _by_url(served.site, url)
    # Both: the page the URL leads to (through its redirects) must have the source path.
    found = served.site.resolve_url(url)
    if found is None or found.doc is None or found.doc.id != by_path.id:
        raise NotFound(f"No page has the URL {url!r} and the source path {source_path!r}.")
    return _to_page(by_path, moved=found.moved)


def page_location(doc_id: str) -> str:
    return f"/api/v1/pages/{quote(doc_id, safe='/')}"


def _by_url(site: Site, url: str) -> Response:
    found = site.resolve_url(url)
    if found is None:
        raise NotFound(f"No page has the URL {url!r}.")
    if found.doc is not None:
        return _to_page(found.doc, moved=found.moved)
    if found.url is not None and found.url.lower().startswith(("http://", "https://")):
        elsewhere = quote(found.url, safe=_URL_SAFE)
        return _redirect(schemas.Found(location=elsewhere, id=None, url=None, moved=True))
    if found.loop:
        raise NotFound(f"The URL {url!r} is a redirect that never reaches a page (a loop).")
    if found.url is not None:
        raise NotFound(f"The URL {url!r} redirects to {found.url!r}, which is not a web page.")
    raise NotFound(
        f"The URL {url!r} redirects to {found.hops[-1]!r}, which is no page of this site "
        "(and the site has no `url` to give its address)."
    )


def _to_page(doc: Document, *, moved: bool) -> Response:
    location = page_location(doc.id)
    return _redirect(schemas.Found(location=location, id=doc.id, url=doc.url, moved=moved))


def _redirect(found: schemas.Found) -> Response:
    """A 301 (moved) or 307 to ``found.location``, which the JSON body repeats, so that a
    client that does not follow redirects still gets an answer it can read."""
    return Response(
        orjson.dumps(found.model_dump()),
        status_code=301 if found.moved else 307,
        media_type="application/json",
        headers={"location": found.location, "cache-control": CACHE_CONTROL},
    )


#: What stays as it is in a Location header (as Starlette's redirects keep it).
_URL_SAFE = ":/%#?=@[]!$&'()*+,;"
