"""The site's redirects as an nginx ``map``, so a static export answers ``find?url=`` for them.

``deploy/nginx.conf`` includes the file the export writes in ``map $arg_url
$content_api_moved {...}``: each line maps a value of the ``url`` query parameter to the
``Location`` the live API's ``find`` answers with a 301 (a page's API resource, or the URL
elsewhere a redirect leads to). nginx cannot decode a query parameter, so each old URL is
listed in the spellings clients send: as a path or with the site's ``baseurl`` or ``url``
in front; with or without its trailing ``/`` (and ``index.html``, ``.html``) as ``find``
accepts them; as written, and percent-encoded the way URL builders encode a parameter
(``encodeURIComponent``, ``URLSearchParams``, Python's ``urlencode``).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote, quote_plus, unquote

from api.content.permalinks import escape_path
from api.content.redirect_paths import Destination
from api.site import Site

#: Longer keys would need a bigger ``map_hash_bucket_size`` than deploy/nginx.conf sets.
MAX_KEY = 400
# What a Location keeps unescaped: no ``$`` (an nginx variable), quote, backslash or space.
_LOCATION_SAFE = ":/?#[]@!&'()*+,;=%-._~"


def nginx_map(site: Site) -> tuple[str, list[str]]:
    """The map file's text, and the old URLs left out of it (with why)."""
    lines = ["# Written by content-api export: find?url=<old URL> -> Location (301)."]
    left_out: list[str] = []
    done: set[str] = set()
    config = site.snapshot.config
    for old in site.redirects.json:
        for first, form in enumerate(_forms(escape_path(unquote(old)))):
            if form in done:
                continue
            done.add(form)
            # Each spelling leads where the live find sends it, even where two overlap.
            found = site.resolve_url(form)
            if found is None or not found.moved:
                continue  # a page's own URL after all: the live find answers it (307)
            location = _location(found)
            if location is None:
                if first == 0:
                    left_out.append(f"{old}: leads to no web page (a loop, or no site url)")
                continue
            for key in dict.fromkeys(spellings(form, config.url, config.baseurl)):
                if len(key) > MAX_KEY:
                    left_out.append(f"{old}: a spelling is longer than {MAX_KEY} characters")
                elif not any(ord(c) <= 0x20 or c == "\x7f" for c in key):
                    lines.append(f'"{_escape(key)}" "{_escape(location)}";')
    return "\n".join(lines) + "\n", left_out


def _location(found: Destination) -> str | None:
    """The ``Location`` of the live find's 301, when it answers one."""
    if found.doc is not None:
        return "/api/v1/pages/" + quote(found.doc.id, safe="/")
    if found.url is not None and found.url.lower().startswith(("http://", "https://")):
        return quote(found.url, safe=_LOCATION_SAFE)
    return None  # a loop, a site path with no site url, or no web page (mailto:)


def spellings(path: str, site_url: str, baseurl: str) -> Iterator[str]:
    """The ``url`` parameter values, as nginx sees them, that ``find`` reads as ``path``
    (a site path, percent-encoded as Jekyll writes URLs)."""
    for prefix in dict.fromkeys(("", baseurl, site_url + baseurl)):
        whole = prefix + path
        decoded = unquote(whole)
        yield whole
        yield decoded  # sent as typed, in UTF-8: nginx keeps the bytes as they came
        yield quote(decoded, safe="")
        yield quote_plus(decoded, safe="")
        yield quote(whole, safe="")


def _forms(path: str) -> list[str]:
    """The spellings of a site path that ``find`` takes for it."""
    if path.endswith("/index.html"):
        base = path[: -len("index.html")]
        return [path, base, base.rstrip("/")] if base != "/" else [path, base]
    if path.endswith("/"):
        return [path, path + "index.html", path.rstrip("/")] if path != "/" else [path]
    if path.endswith(".html"):
        return [path, path[: -len(".html")], path[: -len(".html")] + "/"]
    return [path, path + "/", path + ".html"]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
