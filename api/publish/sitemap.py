"""``sitemap.xml``: every page Jekyll writes, at its absolute URL (sitemaps.org 0.9)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

from api.content.model import Document
from api.publish.links import is_published_page, page_url
from api.publish.xmltext import serialize, sub
from api.site import Site

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: The protocol's limit for one file; a bigger site would need a sitemap index.
MAX_URLS = 50_000


def listed(doc: Document) -> bool:
    # ``sitemap: false`` is jekyll-sitemap's way for an author to leave a page out.
    return is_published_page(doc) and doc.data.get("sitemap") is not False


def sitemap(site: Site, root: str) -> bytes:
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    seen: set[str] = set()
    for doc in site.listed:  # a redirect is no page of its own
        if not listed(doc) or doc.url in seen:
            continue
        seen.add(doc.url)
        url = sub(urlset, "url")
        sub(url, "loc", page_url(root, doc))
        modified = _lastmod(doc)
        if modified:
            sub(url, "lastmod", modified)
        if len(seen) >= MAX_URLS:
            break
    return serialize(urlset)


def _lastmod(doc: Document) -> str | None:
    """W3C datetime: jekyll-last-modified-at's ``last_modified_at``, else the page date."""
    value = doc.data.get("last_modified_at")
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).isoformat()
        except ValueError:
            pass
    return doc.date.date().isoformat() if doc.date is not None else None
