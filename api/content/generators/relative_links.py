"""jekyll-relative-links: ``[x](other.md)`` links to the page that file becomes.

Every inline link and reference definition of a markdown page (and, with
``relative_links: {collections: true}``, of every document Jekyll writes) whose target is a
relative path to a page, a document or a static file is rewritten to that target's URL,
with the site's ``baseurl``; its fragment and title are kept. Links to a fragment, to an
absolute URL, or to a path that is no file of the site are left as written. The plugin
rewrites the markdown source as text, so this happens before Liquid and kramdown, in code
blocks too, just as Jekyll does. ``relative_links: {exclude: [globs]}`` leaves pages out;
``enabled: false`` turns it off.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import replace
from urllib.parse import quote, unquote_plus, urlsplit

from api.content import plugins
from api.content.config import SiteConfig
from api.content.discovery import glob_include
from api.content.model import Document, Kind

# The plugin's LINK_REGEX, with Ruby's whitespace class and line anchors.
_S = r"[ \t\r\n\f\v]"
_TEXT = r"(.*?)"
_FRAGMENT = r"(#.+?|)?"
_TITLE = rf"""({_S}+"(?:\\"|[^"])*(?<!\\)"|{_S}+"(?:\\'|[^'])*(?<!\\)')?"""
_INLINE = rf"\[{_TEXT}\]\(([^)]+?){_FRAGMENT}{_TITLE}\)"
_REFERENCE = rf"^{_S}*?\[{_TEXT}\]: (.+?){_FRAGMENT}{_TITLE}{_S}*?$"
LINK = re.compile(rf"({_INLINE}|{_REFERENCE})", re.M)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What Addressable's ``normalize`` leaves as it is in a path.
_SAFE = "/:@!$&'()*+,;=-._~%?#[]"


def relative_links(
    documents: list[Document], static_urls: Mapping[str, str], config: SiteConfig
) -> list[Document]:
    if plugins.RELATIVE_LINKS not in config.plugins:
        return documents
    if plugins.plugin_option(config.raw, "relative_links", "enabled") is False:
        return documents
    collections = plugins.plugin_option(config.raw, "relative_links", "collections") is True
    exclude = plugins.plugin_option(config.raw, "relative_links", "exclude")
    excluded = tuple(str(p) for p in exclude) if isinstance(exclude, list) else ()
    targets = _targets(documents, static_urls, config)
    result = []
    for doc in documents:
        if (
            doc.source_path.lower().endswith(config.markdown_ext)
            and (doc.kind is Kind.PAGE or (collections and doc.output))
            and not (excluded and glob_include(excluded, _relative_path(doc, config)))
        ):
            body = rewrite(doc.body, posixpath.dirname(_relative_path(doc, config)), targets)
            if body != doc.body:
                doc = replace(doc, body=body)
        result.append(doc)
    return result


def rewrite(body: str, base: str, targets: Mapping[str, str]) -> str:
    """``body`` with its relative links replaced by their targets' URLs (``targets`` maps
    a path from the site root to a URL, ``base`` is the folder of the page)."""

    def replace_link(match: re.Match[str]) -> str:
        inline = match.group(2) is not None
        text, path, fragment, title = match.group(*((2, 3, 4, 5) if inline else (6, 7, 8, 9)))
        if path.startswith("#") or _absolute(path):
            return match.group(0)
        url = targets.get(_from_root(path, base))
        if url is None:
            return match.group(0)
        url += fragment or ""
        if inline:
            return f"[{text}]({url}{title or ''})"
        return f"\n[{text}]: {url}{title or ''}"

    return LINK.sub(replace_link, body)


def _absolute(url: str) -> bool:
    return _SCHEME.match(url) is not None and bool(urlsplit(url).scheme)


def _relative_url(url: str, baseurl: str) -> str:
    """Jekyll's ``relative_url``: the site's ``baseurl`` and the URL, normalized."""
    return quote(baseurl + url, safe=_SAFE)


def _from_root(path: str, base: str) -> str:
    if path.startswith("/"):
        path, base = path[1:], ""
    joined = posixpath.normpath(posixpath.join(base, unquote_plus(path)))
    return "" if joined.startswith("../") or joined == ".." else joined.removeprefix("./")


def _relative_path(doc: Document, config: SiteConfig) -> str:
    """Jekyll's ``relative_path``: a collection document's is inside ``collections_dir``."""
    folder = config.collections_dir
    if doc.kind is not Kind.PAGE and folder and doc.source_path.startswith(folder + "/"):
        return doc.source_path[len(folder) + 1 :]
    return doc.source_path


def _targets(
    documents: list[Document], static_urls: Mapping[str, str], config: SiteConfig
) -> dict[str, str]:
    """Pages first, then static files, then the documents Jekyll writes."""
    base = config.baseurl
    found: dict[str, str] = {}
    for doc in documents:
        if doc.kind is Kind.PAGE:
            found.setdefault(doc.source_path, _relative_url(doc.url, base))
    for path, url in static_urls.items():
        found.setdefault(path, _relative_url(url, base))
    for doc in documents:
        if doc.kind is not Kind.PAGE and doc.output:
            found.setdefault(_relative_path(doc, config), _relative_url(doc.url, base))
    return found
