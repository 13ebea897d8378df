"""``/oembed``: other sites embed a page's timeline, or a card of the page, by its URL."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request

from api.http import schemas
from api.http.cache import Cached
from api.http.deps import ServedDep
from api.http.docs_meta import TEXT_PATTERN, errors
from api.http.errors import NotFound
from api.http.examples import SEED_ID
from api.http.pageurls import page_for_url
from api.http.responses import CachedResponse
from api.http.runtime import Served
from api.publish.links import site_root
from api.publish.oembed import Provider, Size, oembed, to_xml

router = APIRouter(tags=["embeds"])
#: oEmbed 1.0, section 2.3.4: "The XML response format should be served as text/xml".
XML = "text/xml; charset=utf-8"
_XML_EXAMPLE = """<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<oembed>
  <version>1.0</version>
  <type>rich</type>
  <title>The U.S.-ICC Relationship</title>
  <provider_name>ABA ICC Project</provider_name>
  <html>&lt;iframe src='https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?...'&gt;&lt;/iframe&gt;</html>
  <width>800</width>
  <height>650</height>
</oembed>
"""


@router.get(
    "/oembed",
    operation_id="getOembed",
    summary="oEmbed a page or its timeline",
    description=(
        "An [oEmbed 1.0](https://oembed.com/) provider. Give the URL of a page on the site "
        "(`/about-the-icc/the-us-icc-relationship/`, with or without the site's host) or of "
        "its API resource (`/api/v1/pages/{id}`). A page with a timeline answers with the "
        "TimelineJS iframe; any other page with a card (title, excerpt, link). Both are "
        "`type: rich` and fit inside `maxwidth` x `maxheight`. `format=xml` gives the same "
        "fields as the spec's XML (`text/xml`)."
    ),
    response_model=schemas.OEmbed,
    responses={
        200: {
            "description": "The oEmbed response: JSON, or XML with `format=xml`.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/OEmbed"}},
                "text/xml": {"schema": {"type": "string"}, "example": _XML_EXAMPLE},
            },
        },
        **errors(404, 422),
    },
)
def get_oembed(
    request: Request,
    served: ServedDep,
    url: Annotated[
        str,
        Query(
            min_length=1,
            max_length=2048,
            # Checked by the Guard (control characters are a 422 in any parameter).
            json_schema_extra={"pattern": TEXT_PATTERN},
            description="The page's URL on the site, or its API URL.",
            openapi_examples={
                "site": {
                    "summary": "A page URL on the site",
                    "value": "/about-the-icc/the-us-icc-relationship/",
                },
                "api": {
                    "summary": "The page's API URL",
                    "value": f"/api/v1/pages/{SEED_ID}",
                },
            },
        ),
    ],
    maxwidth: Annotated[
        int | None,
        Query(ge=1, le=10_000, description="Widest the embed may be, in pixels.", examples=[640]),
    ] = None,
    maxheight: Annotated[
        int | None,
        Query(ge=1, le=10_000, description="Tallest the embed may be, in pixels.", examples=[480]),
    ] = None,
    format_: Annotated[
        Literal["json", "xml"],
        Query(alias="format", description="`json` (the default) or `xml` (`text/xml`)."),
    ] = "json",
    embed: Annotated[
        Literal["knightlab", "hosted"] | None,
        Query(
            description="Which timeline embed: `hosted` (this API's own page, "
            "`/embed/timelines/{id}`: no third party; a 404 when the timeline has none) or "
            "`knightlab` (Knight Lab's CDN). Default: CONTENT_API_OEMBED_EMBED, `knightlab` "
            "unless configured.",
            examples=["hosted"],
        ),
    ] = None,
) -> Any:
    settings = request.app.state.settings
    hosts = {request.url.netloc.lower()}
    doc = page_for_url(served, url, hosts, settings.public_url)
    if doc is None:
        raise NotFound(f"No page of this site is at {url!r}.")
    size = Size(maxwidth, maxheight)
    hosted = (embed or settings.oembed_embed) == "hosted"
    if embed == "hosted":
        _require_hosted(request, served, doc.id)

    def build() -> Any:
        link = _link(served, doc.id, settings.public_url)
        provider = _provider(served, settings.public_url)
        body = oembed(served.site, doc, link, provider, size, hosted=hosted)
        if format_ == "xml":
            return Cached.build(to_xml(body), XML, served.store.cache_control)
        return served.store.json(body)

    key = ("oembed", doc.id, maxwidth, maxheight, hosted, format_)
    cached = served.store.query(key, build)
    return CachedResponse(cached, request)


def _require_hosted(request: Request, served: Served, doc_id: str) -> None:
    """A timeline asked for as a hosted embed must have one: never Knight Lab's instead."""
    timeline = served.site.timelines.embeds.get(doc_id)
    if timeline is None or timeline.hosted_embed_url is not None:
        return  # no timeline: the page's card
    settings = request.app.state.settings
    if not settings.public_url:
        why = "CONTENT_API_PUBLIC_URL is not set"
    elif not request.app.state.embeds.available:
        why = "hosted embeds are off or their TimelineJS assets are not installed"
    else:
        why = f"its data is read from {timeline.source.url}, another host"
    raise NotFound(f"The timeline of {doc_id!r} has no hosted embed: {why}.")


def _link(served: Served, doc_id: str, public_url: str | None) -> str:
    """Where the card sends a reader: the page on the site, else its HTML on this API."""
    doc = served.site.snapshot.by_id[doc_id]
    root = site_root(served.site.snapshot.config)
    if root is not None and doc.output:
        return root + doc.url
    api_path = f"/api/v1/pages/{quote(doc_id, safe='/')}/html"
    return (public_url or "") + api_path


def _provider(served: Served, public_url: str | None) -> Provider:
    config = served.site.snapshot.config
    title = config.raw.get("title")
    root = site_root(config)
    name = title.strip() if isinstance(title, str) and title.strip() else "Content API"
    return Provider(name, root + "/" if root else public_url)
