"""Which page a URL names: a page on the site, or the page's resource on this API.

oEmbed consumers send whatever link they hold: the site's page URL (with or without host,
``baseurl`` or trailing slash) or an API URL (``/api/v1/pages/{id}`` and its ``/html`` or
``/timeline``). An absolute URL must be on the site's host, this API's public host or the
host the request came to: another host's page is not ours, even when its path matches.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from api.content.model import Document
from api.http.runtime import Served
from api.site import Site

API_PAGES = "/api/v1/pages/"
_SUFFIXES = ("/timeline/data", "/timeline", "/html")


def page_for_url(
    served: Served, url: str, hosts: set[str], public_url: str | None
) -> Document | None:
    """The page ``url`` names, or None. ``hosts``: hosts (``name[:port]``) that are ours."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    snapshot = served.site.snapshot
    ours = set(hosts)
    for known in (snapshot.config.url, public_url):
        if known:
            ours.add(urlsplit(known).netloc.lower())
    if parts.netloc and parts.netloc.lower() not in ours:
        return None
    path = parts.path
    if public_url and url.startswith(public_url + "/"):
        path = urlsplit(url[len(public_url) :]).path
    if path.startswith(API_PAGES):
        return _api_page(served.site, unquote(path[len(API_PAGES) :]).rstrip("/"))
    return snapshot.find_url(url)


def _api_page(site: Site, rest: str) -> Document | None:
    """As the pages routes read ids: a whole-path id wins over a resource suffix."""
    found = site.get(rest)
    for suffix in _SUFFIXES:
        if found is None and rest.endswith(suffix):
            found = site.get(rest[: -len(suffix)])
    return found
