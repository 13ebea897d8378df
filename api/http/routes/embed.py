"""``/embed``: timelines hosted by this API (TimelineJS 3 from this origin) and their assets."""

from __future__ import annotations

import logging
import threading
from typing import Annotated, Any, Final

from fastapi import APIRouter, Path, Request

from api.embed.assets import ASSETS_PATH, EmbedAssets, Missing, load_assets
from api.embed.page import PageSettings, hosted_page
from api.http.cache import Cached
from api.http.deps import ServedDep
from api.http.docs_meta import errors
from api.http.errors import NotFound, Unavailable
from api.http.responses import CachedResponse
from api.http.routes.pages import PageId
from api.http.store import HTML
from api.settings import Settings
from api.site.timelines import data_path
from api.timeline.hosted import hosted_source

router = APIRouter(tags=["embeds"])
log = logging.getLogger("content_api")

#: Asset URLs carry the package version or a content hash: they never change meaning.
IMMUTABLE: Final = "public, max-age=31536000, immutable"
#: Asset responses are never documents: opened directly (an SVG, say) they cannot run.
_ASSET_HEADERS: Final = (("content-security-policy", "default-src 'none'; sandbox"),)
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An HTML page running TimelineJS 3 from this origin.",
        "content": {
            "text/html": {
                "schema": {"type": "string"},
                "example": "<!doctype html>\n<html lang='en'>…<div id='timeline-embed'></div>…",
            }
        },
        "headers": {
            "Content-Security-Policy": {
                "description": "This origin only (plus the sheets proxy for a Google Sheet); "
                "`frame-ancestors` from CONTENT_API_EMBED_FRAME_ANCESTORS.",
                "schema": {"type": "string"},
            }
        },
    },
    **errors(404, 422),
}
_RESPONSES[503] = {
    **_RESPONSES[503],
    "description": "Not Ready, or the TimelineJS assets are not installed (the problem says "
    "how to install them).",
}


class EmbedState:
    """The hosted embeds' assets of one app, and their responses, built on first request."""

    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.hosted_embeds
        self.assets: EmbedAssets | Missing = (
            load_assets(settings.timelinejs_dir) if self.enabled else Missing("turned off")
        )
        self._cached: dict[str, Cached] = {}
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return isinstance(self.assets, EmbedAssets)

    def announce(self) -> None:
        if self.enabled and isinstance(self.assets, Missing):
            log.warning("hosted timeline embeds answer 503: %s", self.assets.reason)

    def require(self) -> EmbedAssets:
        if not self.enabled:
            raise NotFound("Hosted embeds are turned off (CONTENT_API_HOSTED_EMBEDS=false).")
        if isinstance(self.assets, Missing):
            raise Unavailable(
                self.assets.reason, "TimelineJS Assets Missing", "timeline-assets-missing"
            )
        return self.assets

    def asset(self, path: str) -> Cached | None:
        assets = self.require()
        found = self._cached.get(path)
        if found is None and path in assets.files:
            item = assets.files[path]
            found = Cached.build(item.body, item.media_type, IMMUTABLE, extra=_ASSET_HEADERS)
            with self._lock:
                found = self._cached.setdefault(path, found)
        return found


@router.get(
    "/embed/timelines/{page_id:path}",
    operation_id="getHostedTimeline",
    summary="A page's timeline, hosted by this API",
    description=(
        "An HTML page, to be framed by any site, that runs TimelineJS 3 from this API's origin "
        "with the timeline's options: no Knight Lab CDN, no analytics, no other host. It reads "
        "the page's own timeline data from this API, or its Google Sheet through the sheets "
        "proxy (CONTENT_API_SHEETS_PROXY). A timeline whose data is a CSV or JSON URL of "
        "another host has no hosted embed (404). Without the TimelineJS assets "
        "(`content-api assets fetch`) it answers 503. `hosted_embed_url` links here."
    ),
    status_code=200,
    response_class=CachedResponse,
    responses=_RESPONSES,
)
def get_hosted_timeline(request: Request, served: ServedDep, page_id: PageId) -> Any:
    settings: Settings = request.app.state.settings
    state: EmbedState = request.app.state.embeds
    doc = served.site.get(page_id)
    if doc is None:
        raise NotFound(f"No page has the id {page_id!r}.")
    embed = served.site.timelines.embeds.get(doc.id)
    if embed is None:
        raise NotFound(f"The page {doc.id!r} has no timeline.")
    source = hosted_source(embed)
    if source is None:
        raise NotFound(
            f"The timeline of {doc.id!r} reads its data from {embed.source.url}; a hosted "
            "embed reads only data kept with the content or a Google Sheet, so that it contacts "
            "no other host. Its embed_url is Knight Lab's embed."
        )
    assets = state.require()
    root = str(request.scope.get("root_path", "")).rstrip("/")

    def build() -> Cached:
        page = hosted_page(
            embed,
            source,
            title=doc.title or doc.id,
            data_path=data_path(doc.id),
            assets=assets,
            settings=PageSettings(settings.sheets_proxy, settings.embed_frame_ancestors, root),
        )
        extra = (("content-security-policy", page.csp),)
        return Cached.build(page.html, HTML, settings.cache_control, extra=extra)

    cached = served.store.resource(("hosted-embed", doc.id, root), build)
    assert cached is not None  # build never answers "no such resource"
    return CachedResponse(cached, request)


@router.get(ASSETS_PATH + "/{path:path}", include_in_schema=False)
def get_embed_asset(request: Request, path: Annotated[str, Path()]) -> CachedResponse:
    state: EmbedState = request.app.state.embeds
    cached = state.asset(path)
    if cached is None:
        raise NotFound(f"No embed asset is at {ASSETS_PATH}/{path}.")
    return CachedResponse(cached, request)
