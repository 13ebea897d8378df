"""Static files: what Jekyll copies as it is, and the URL it copies each one to.

The API serves no static file, but links name them: ``{% link assets/a.pdf %}``, and
``[x](a.pdf)`` with jekyll-relative-links, become their URLs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from api.content import permalinks
from api.content.config import SiteConfig
from api.content.discovery import Static


def static_url(static: Static, config: SiteConfig) -> str | None:
    """Where Jekyll writes a static file; None for a collection that is not written."""
    stem, ext = posixpath.splitext(static.inner)
    if static.label is None:
        return "/" + stem.rstrip(".") + ext
    collection = config.collection(static.label)
    if collection is None or not collection.output:
        return None
    template = permalinks.style_template(collection.permalink or "/:collection/:path:output_ext")
    placeholders: dict[str, str | None] = {
        "collection": static.label,
        "path": "/" + stem.rstrip("."),
        "output_ext": "",
        "name": posixpath.basename(stem),
        "title": "",
    }
    try:
        url = permalinks.expand(template, placeholders)
    except permalinks.PermalinkError:
        return None
    return permalinks.sanitize(url).rstrip("/") + ext


def static_urls(files: Iterable[Static], config: SiteConfig) -> Mapping[str, str]:
    """Source path -> URL of every static file that is written."""
    found = {}
    for static in files:
        url = static_url(static, config)
        if url is not None:
            found[static.path] = url
    return MappingProxyType(found)
