"""``/feed.json``, ``/feed.xml`` and ``/sitemap.xml``: what the frontend site publishes.

Each is built once per content version through the store, so it has a content-hash ETag
and compressed variants like every other response.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request

from api.http import schemas
from api.http.cache import VARY, Cached
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
#: What a client gets that asks for ``text/xml`` (RFC 7303) over the XML's own type: the
#: same bytes, for tools that read text types only.
TEXT_XML = "text/xml; charset=utf-8"
XML_VARY = VARY + ", Accept"
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
    text = {"schema": {"type": "string"}, "example": example}
    return {
        200: {
            "description": f"{what} `Accept: text/xml` gets the same XML as `text/xml`.",
            "content": {media_type.split(";")[0]: text, TEXT_XML.split(";")[0]: text},
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
    media_type = _xml_type(request, ATOM)

    def build(root: str) -> Cached:
        feed = feeds.build_feed(served.site, root)
        body = feeds.atom(feed, _public(request, "/feed.xml"))
        return Cached.build(body, media_type, served.store.cache_control, vary=XML_VARY)

    return _send(request, served, "feed.xml", build, media_type)


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
    media_type = _xml_type(request, XML)

    def build(root: str) -> Cached:
        body = sitemap(served.site, root)
        return Cached.build(body, media_type, served.store.cache_control, vary=XML_VARY)

    return _send(request, served, "sitemap.xml", build, media_type)


def _xml_type(request: Request, own: str) -> str:
    """``text/xml`` when the client prefers it to the XML's own type, else the own type."""
    accept = request.headers.get("accept")
    if not accept:
        return own
    quality = _qualities(accept)
    kind = own.split(";")[0]
    as_own = max(quality.get(kind, 0.0), quality.get("application/*", 0.0), quality.get("*/*", 0.0))
    as_text = max(quality.get("text/xml", 0.0), quality.get("text/*", 0.0), quality.get("*/*", 0.0))
    return TEXT_XML if as_text > as_own else own


def _qualities(accept: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for part in accept.split(","):
        kind, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        kind = kind.lower()
        found[kind] = max(found.get(kind, 0.0), quality)
    return found


def _send(
    request: Request,
    served: Served,
    name: str,
    build: Callable[[str], Cached],
    media_type: str = JSON_FEED,
) -> Any:
    root = site_root(served.site.snapshot.config)
    if root is None:
        raise NotFound(_NO_URL)
    cached = served.store.resource((name, media_type), lambda: build(root))
    assert cached is not None  # build always makes one
    return CachedResponse(cached, request)


def _public(request: Request, path: str) -> str | None:
    public_url: str | None = request.app.state.settings.public_url
    return public_url + path if public_url else None
