"""oEmbed 1.0 answers: a page's timeline as an iframe, or a card for a page without one.

Both are ``type: rich`` (HTML to insert) and both fit inside ``maxwidth`` x ``maxheight``,
as the spec requires of a provider. Each is offered as JSON and, by :func:`to_xml`, as the
spec's XML: an ``<oembed>`` root with one element per field, in the same order.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from api.content.model import Document
from api.publish.xmltext import sub
from api.site import Site
from api.timeline import TimelineEmbed
from api.timeline.embed import DEFAULT_IFRAME_HEIGHT, build_iframe_html
from api.timeline.hosted import hosted_iframe_html

#: A timeline sized "100%" has no pixel width; this is what a content column usually gives.
TIMELINE_WIDTH = 800
TIMELINE_HEIGHT = int(DEFAULT_IFRAME_HEIGHT)
CARD_WIDTH = 600
CARD_HEIGHT = 200
EXCERPT_CHARS = 280


@dataclass(frozen=True, slots=True)
class Provider:
    name: str
    url: str | None


@dataclass(frozen=True, slots=True)
class Size:
    maxwidth: int | None = None
    maxheight: int | None = None

    def fit(self, width: int, height: int) -> tuple[int, int]:
        if self.maxwidth is not None:
            width = min(width, self.maxwidth)
        if self.maxheight is not None:
            height = min(height, self.maxheight)
        return width, height


def oembed(
    site: Site, doc: Document, link: str, provider: Provider, size: Size, *, hosted: bool = False
) -> dict[str, Any]:
    """The oEmbed response for ``doc``; ``link`` is where a reader goes to see the page.

    ``hosted``: the timeline's iframe is this API's hosted embed where it has one.
    """
    embed = site.timelines.embeds.get(doc.id)
    if hosted and embed is not None and embed.hosted_embed_url is not None:
        width, height, markup = _hosted_timeline(embed, embed.hosted_embed_url, doc, size)
    elif embed is not None and embed.embed_url is not None:
        width, height, markup = _timeline(embed, embed.embed_url, size)
    else:
        width, height = size.fit(CARD_WIDTH, CARD_HEIGHT)
        markup = _card(doc.title or doc.id, link, _excerpt(site, doc), width, height)
    body: dict[str, Any] = {
        "version": "1.0",
        "type": "rich",
        "title": doc.title or doc.id,
        "provider_name": provider.name,
    }
    if provider.url:
        body["provider_url"] = provider.url
    body.update(html=markup, width=width, height=height)
    return body


def to_xml(body: Mapping[str, Any]) -> bytes:
    """The oEmbed 1.0 XML form of a response (section 2.3.4): ``<oembed>`` holding one
    element per field, text escaped (the ``html`` field included), in UTF-8 and standalone,
    as the spec's own example writes it."""
    root = ET.Element("oembed")
    for name, value in body.items():
        sub(root, name, str(value))
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return b'<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n' + text.encode() + b"\n"


def _timeline(embed: TimelineEmbed, embed_url: str, size: Size) -> tuple[int, int, str]:
    options = embed.options
    natural_w = options.width if isinstance(options.width, int) else TIMELINE_WIDTH
    natural_h = options.height if isinstance(options.height, int) else TIMELINE_HEIGHT
    width, height = size.fit(natural_w, natural_h)
    # A pixel size in the embed URL is the size TimelineJS draws at inside the iframe: a
    # smaller iframe would crop it, so the URL gets the fitted size too.
    url = embed_url
    if isinstance(options.width, int) and width != options.width:
        url = _with_param(url, "width", width)
    if isinstance(options.height, int) and height != options.height:
        url = _with_param(url, "height", height)
    fitted = options.model_copy(update={"width": width, "height": height})
    return width, height, build_iframe_html(url, fitted)


def _hosted_timeline(
    embed: TimelineEmbed, url: str, doc: Document, size: Size
) -> tuple[int, int, str]:
    # The hosted page fills its frame: fitting the iframe is enough.
    options = embed.options
    natural_w = options.width if isinstance(options.width, int) else TIMELINE_WIDTH
    natural_h = options.height if isinstance(options.height, int) else TIMELINE_HEIGHT
    width, height = size.fit(natural_w, natural_h)
    fitted = embed.model_copy(
        update={"options": options.model_copy(update={"width": width, "height": height})}
    )
    return width, height, hosted_iframe_html(fitted, url, doc.title or doc.id)


def _with_param(url: str, name: str, value: int) -> str:
    base, _, query = url.partition("?")
    pairs = [f"{name}={value}" if p.startswith(f"{name}=") else p for p in query.split("&")]
    return f"{base}?{'&'.join(pairs)}"


def _excerpt(site: Site, doc: Document) -> str:
    text = doc.description or site.rendered(doc).plaintext
    text = " ".join(text.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"


def _card(title: str, link: str, excerpt: str, width: int, height: int) -> str:
    """A self-contained card: inline styles only, since it lands in someone else's page."""
    style = (
        f"margin:0;box-sizing:border-box;max-width:{width}px;max-height:{height}px;"
        "overflow:hidden;padding:12px 16px;border:1px solid #d0d7de;border-radius:6px;"
        "font:15px/1.4 system-ui,sans-serif"
    )
    href, title, excerpt = (html.escape(v, quote=True) for v in (link, title, excerpt))
    return (
        f'<blockquote class="content-api-card" style="{style}">'
        f'<p style="margin:0 0 6px;font-weight:600"><a href="{href}">{title}</a></p>'
        f'<p style="margin:0">{excerpt}</p></blockquote>'
    )
