"""Renders and the search index of a site, kept in the cache directory.

A render depends on more than the page's own file: Liquid reads ``site.*``, the data files,
the includes and other pages, and links resolve against every page's URL. So a render is
keyed by the content version of the whole site (every document, the configuration and the
loader's options, data files and includes) and the page: any change anywhere makes every
render new. (The server's own options, such as the public URL, never reach the renderer.) Renders
that would differ from one day to the next (``site.time``, the ``'now'`` date, a random
``sample``, ``include_relative`` of a file the version does not cover) are never kept.
"""

from __future__ import annotations

import logging
import re
import threading

from api.content.model import Document
from api.persist import codec, db
from api.persist.keys import key
from api.query.search import SearchImage
from api.render.result import RenderedPage
from api.site.site import Site

log = logging.getLogger("content_api")

#: Liquid whose output depends on more than the site's version.
VOLATILE = re.compile(
    r"""site\s*(?:\.\s*time\b|\[\s*["']time["']\s*\])"""
    r"""|["'](?:now|today)["']"""
    r"""|\|\s*sample\b"""
    r"""|\bjekyll\s*\.\s*environment\b"""
    r"""|include_relative"""
)
INCLUDES = re.compile(r"\{%-?\s*include\b")


class PersistedSite:
    """``SiteCache`` over a ``CacheFile``."""

    def __init__(self, cache: db.CacheFile) -> None:
        self.cache = cache
        self._volatile_includes: dict[str, bool] = {}
        self._lock = threading.Lock()
        self._warned = False

    # -- renders --------------------------------------------------------------------------
    def rendered(self, site: Site, doc: Document) -> RenderedPage | None:
        if not self._keepable(site, doc):
            return None
        blob = self.cache.get(_render_key(site, doc))
        if blob is None:
            return None
        try:
            page = codec.decode(blob, RenderedPage)
        except codec.Invalid as exc:
            self._damaged(exc)
            return None
        assert isinstance(page, RenderedPage)
        return page

    def keep_rendered(self, site: Site, doc: Document, page: RenderedPage) -> None:
        if self._keepable(site, doc):
            tag = site.snapshot.content_version
            self.cache.put("render", tag, _render_key(site, doc), codec.encode(page))

    # -- search ---------------------------------------------------------------------------
    def search_image(self, site: Site) -> SearchImage | None:
        blob = self.cache.get(_search_key(site))
        if blob is None:
            return None
        try:
            image = codec.decode(blob, SearchImage)
        except codec.Invalid as exc:
            self._damaged(exc)
            return None
        assert isinstance(image, SearchImage)
        return image

    def keep_search_image(self, site: Site, image: SearchImage) -> None:
        tag = site.snapshot.content_version
        self.cache.put("search", tag, _search_key(site), codec.encode(image))

    # -- what can be kept -----------------------------------------------------------------
    def _keepable(self, site: Site, doc: Document) -> bool:
        body = doc.body
        if "{" not in body:
            return True
        if VOLATILE.search(body):
            return False
        return not (INCLUDES.search(body) and self._includes_volatile(site))

    def _includes_volatile(self, site: Site) -> bool:
        """Whether any include could make a render vary (then no page that includes is
        kept). Read once per site version."""
        found = self._volatile_includes.get(site.version)
        if found is None:
            snapshot = site.snapshot
            found = False
            folder = snapshot.root / snapshot.config.includes_dir
            for path in snapshot.files:
                if not (snapshot.root / path).is_relative_to(folder):
                    continue
                try:
                    text = (snapshot.root / path).read_text("utf-8", "replace")
                except OSError:
                    found = True  # unknown: assume the worst
                    break
                if VOLATILE.search(text):
                    found = True
                    break
            with self._lock:
                self._volatile_includes[site.version] = found
        return found

    def _damaged(self, exc: Exception) -> None:
        if not self._warned:
            self._warned = True
            log.warning("a cached value in %s was ignored: %s", self.cache.path, exc)


def _render_key(site: Site, doc: Document) -> str:
    return key("render", site.snapshot.content_version, doc.id, doc.content_hash)


def _search_key(site: Site) -> str:
    return key("search", site.snapshot.content_version)
