"""``/feed.json``, ``/feed.xml`` and ``/sitemap.xml``: what the frontend site publishes.

Each is built once per content version through the store, so it has a content-hash ETag
and compressed variants like every other response.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request

from api.http import schemas
from api.http.cache import Cached
from api.http.deps import ServedDep
from api.http.docs_meta import errors
from api.http.errors import NotFound
from api.http.responses import CachedResponse
from api.http.runtime import Served
from api.http.store import dumps
from api.publish import feeds
from api.publish.links import site_root
from api.publish.sitemap import sitemap

router = APIRouter(tags=["feeds"])

JSON_FEED = "application/feed+json"
ATOM = "application/atom+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
_NO_URL = (
    "The site has no `url` in `_config.yml`, and feeds and sitemaps need absolute URLs: "
    "add the site's address (`url: https://example.org`)."
)
_ATOM_EXAMPLE = """<?xml version='1.0' encoding='utf-8'?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>International Criminal Court Project</title>
  <id>https://www.aba-icc.org/</id>
  <entry>
    <title type="text">2014 International Humanitarian Law Dialogs</title>
    <id>https://www.aba-icc.org/events/2014-international-humanitarian-law-dialogs/</id>
    <published>2014-08-27T03:48:00Z</published>
    <content type="html">&lt;p&gt;…&lt;/p&gt;</content>
  </entry>
</feed>
"""
_SITEMAP_EXAMPLE = """<?xml version='1.0' encoding='utf-8'?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://www.aba-icc.org/about-the-icc/the-us-icc-relationship/</loc>
  </url>
</urlset>
"""


def _xml_response(media_type: str, example: str, what: str) -> dict[int | str, Any]:
    return {
        200: {
            "description": what,
            "content": {
                media_type.split(";")[0]: {"schema": {"type": "string"}, "example": example}
            },
        },
        **errors(404),
    }


@router.get(
    "/feed.json",
    operation_id="getJsonFeed",
    summary="JSON Feed of dated pages",
    description=(
        f"A [JSON Feed 1.1](https://jsonfeed.org/version/1.1) of the {feeds.MAX_ENTRIES} newest "
        "dated pages (pages Jekyll writes, with a `date`), newest first, with absolute URLs "
        "from the site's `url` and `baseurl`. 404 when `_config.yml` has no `url`."
    ),
    status_code=200,  # FastAPI reads it from the response class, and CachedResponse has none
    response_class=CachedResponse,
    responses={
        200: {
            "description": "The feed, as `application/feed+json`.",
            "model": schemas.JsonFeed,
            "content": {JSON_FEED: {"schema": {"$ref": "#/components/schemas/JsonFeed"}}},
        },
        **errors(404),
    },
)
def json_feed(request: Request, served: ServedDep) -> Any:
    def build(root: str) -> Cached:
        feed = feeds.build_feed(served.site, root)
        body = feeds.json_feed(feed, _public(request, "/feed.json"))
        return Cached.build(dumps(body), JSON_FEED, served.store.cache_control)

    return _send(request, served, "feed.json", build)


@router.get(
    "/feed.xml",
    operation_id="getAtomFeed",
    summary="Atom feed of dated pages",
    description=(
        f"An Atom 1.0 feed of the same {feeds.MAX_ENTRIES} newest dated pages as `/feed.json`. "
        "404 when `_config.yml` has no `url`."
    ),
    status_code=200,  # FastAPI reads it from the response class, and CachedResponse has none
    response_class=CachedResponse,
    responses=_xml_response(ATOM, _ATOM_EXAMPLE, "The feed, as `application/atom+xml`."),
)
def atom_feed(request: Request, served: ServedDep) -> Any:
    def build(root: str) -> Cached:
        feed = feeds.build_feed(served.site, root)
        body = feeds.atom(feed, _public(request, "/feed.xml"))
        return Cached.build(body, ATOM, served.store.cache_control)

    return _send(request, served, "feed.xml", build)


@router.get(
    "/sitemap.xml",
    operation_id="getSitemap",
    summary="Sitemap of the site's pages",
    description=(
        "A [sitemaps.org](https://www.sitemaps.org/protocol.html) sitemap of every page "
        "Jekyll writes (collections with `output: true`, posts and top-level pages; "
        "`sitemap: false` leaves a page out), at absolute URLs from the site's `url`. "
        "404 when `_config.yml` has no `url`."
    ),
    status_code=200,  # FastAPI reads it from the response class, and CachedResponse has none
    response_class=CachedResponse,
    responses=_xml_response(XML, _SITEMAP_EXAMPLE, "The sitemap, as `application/xml`."),
)
def get_sitemap(request: Request, served: ServedDep) -> Any:
    def build(root: str) -> Cached:
        return Cached.build(sitemap(served.site, root), XML, served.store.cache_control)

    return _send(request, served, "sitemap.xml", build)


def _send(request: Request, served: Served, name: str, build: Callable[[str], Cached]) -> Any:
    root = site_root(served.site.snapshot.config)
    if root is None:
        raise NotFound(_NO_URL)
    cached = served.store.resource((name,), lambda: build(root))
    assert cached is not None  # build always makes one
    return CachedResponse(cached, request)


def _public(request: Request, path: str) -> str | None:
    public_url: str | None = request.app.state.settings.public_url
    return public_url + path if public_url else None
