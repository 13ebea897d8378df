"""``/docs`` and ``/redoc``, served with their scripts, styles and favicon from this server.

FastAPI's own pages load Swagger UI and ReDoc from a CDN (and ReDoc's, Google Fonts), so
with no internet access they come up blank. The assets here come from the
``fastapi-offline`` package, which ships Swagger UI and ReDoc builds with their licences;
they are sent from memory with content-hash ETags and gzip/brotli like every other response.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.responses import HTMLResponse

from api.http.cache import Cached
from api.http.errors import NotFound
from api.http.responses import CachedResponse

router = APIRouter(include_in_schema=False)

ASSETS_PATH = "/docs/assets"
#: Asset name -> media type. Only these names are served: nothing is looked up on disk.
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}
#: The assets change only with the package version, but their URLs do not carry it.
ASSET_CACHE_CONTROL = "public, max-age=86400"
SWAGGER_PARAMETERS: dict[str, Any] = {
    "validatorUrl": None,  # Swagger UI's default sends the schema to validator.swagger.io
    "displayOperationId": True,
    "displayRequestDuration": True,
    "defaultModelsExpandDepth": 0,
}
#: What the pages may load: only this origin. Inline script and style are how both UIs
#: boot; ReDoc runs its search in a blob: worker and both draw icons from data: URLs.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    page = get_swagger_ui_html(
        openapi_url=_root(request) + request.app.openapi_url,
        title=f"{request.app.title} - Swagger UI",
        swagger_js_url=_asset(request, "swagger-ui-bundle.js"),
        swagger_css_url=_asset(request, "swagger-ui.css"),
        swagger_favicon_url=_asset(request, "favicon.png"),
        oauth2_redirect_url=None,
        swagger_ui_parameters=SWAGGER_PARAMETERS,
    )
    return _html(page)


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    page = get_redoc_html(
        openapi_url=_root(request) + request.app.openapi_url,
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=_asset(request, "redoc.standalone.js"),
        redoc_favicon_url=_asset(request, "favicon.png"),
        with_google_fonts=False,
    )
    return _html(page)


@router.get(ASSETS_PATH + "/{name}")
def asset(request: Request, name: Annotated[str, Path()]) -> CachedResponse:
    if name not in ASSETS:
        raise NotFound(f"No documentation asset is called {name!r}.")
    return CachedResponse(_cached(name), request)


#: ReDoc's sidebar footer always loads Redocly's logo from their CDN; offline it is a broken
#: image and a request off the machine, so the bundle gets an empty inline image instead.
_PATCHES = {
    "redoc.standalone.js": (
        b"https://cdn.redoc.ly/redoc/logo-mini.svg",
        b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E",
    ),
}


@cache
def _cached(name: str) -> Cached:
    body = files("fastapi_offline").joinpath("static", name).read_bytes()
    if name in _PATCHES:
        body = body.replace(*_PATCHES[name])
    return Cached.build(body, ASSETS[name], ASSET_CACHE_CONTROL)


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def _asset(request: Request, name: str) -> str:
    return f"{_root(request)}{ASSETS_PATH}/{name}"


def _html(page: HTMLResponse) -> HTMLResponse:
    page.headers["content-security-policy"] = DOCS_CSP
    page.headers["cache-control"] = "no-cache"
    return page
