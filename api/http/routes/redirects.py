"""``/api/v1/redirects``: every redirect of the site, as jekyll-redirect-from's
``redirects.json``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import errors
from api.http.responses import CachedResponse

router = APIRouter(prefix="/api/v1", tags=["site"])


@router.get(
    "/redirects",
    operation_id="listRedirects",
    summary="List redirects",
    description=(
        "Every redirect of the site as jekyll-redirect-from writes `redirects.json`: "
        "`{old path: where it leads}`. Old paths come from `redirect_from` (on pages, posts "
        "and documents of collections with `output: true`) and from the URL of each page "
        "with `redirect_to`; targets are absolute when the site has a `url`. "
        "`/api/v1/find?url=<old path>` follows them to the page's API resource."
    ),
    response_model=schemas.RedirectMap,
    responses=errors(),
)
def list_redirects(request: Request, served: ServedDep) -> Any:
    def build() -> Any:
        return served.store.json(dict(served.site.redirects.json))

    return CachedResponse(served.store.resource(("redirects",), build), request)  # type: ignore[arg-type]
