"""Absolute URLs of a site's pages, from ``url`` and ``baseurl`` in ``_config.yml``."""

from __future__ import annotations

from api.content.config import SiteConfig
from api.content.model import Document


def site_root(config: SiteConfig) -> str | None:
    """``url`` + ``baseurl`` (no trailing ``/``), or None when the site has no ``url``.

    Feeds and sitemaps need absolute URLs; without ``url`` they cannot be made. The API's
    own address (``CONTENT_API_PUBLIC_URL``) is not a stand-in: the pages are not there.
    """
    if not config.url:
        return None
    return config.url + config.baseurl


def page_url(root: str, doc: Document) -> str:
    return root + doc.url


def is_published_page(doc: Document) -> bool:
    """Whether Jekyll writes the document as a page (collections with ``output: true``,
    posts and top-level pages), so a reader can follow a link to it."""
    return doc.output
