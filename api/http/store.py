"""Per-site response cache: every resource serialized once, kept until the next reload."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import orjson

from api.http import representations as rep
from api.http.cache import Cached
from api.query.expand import EMPTY, Plan, plan
from api.query.params import BacklinkSort
from api.settings import Settings
from api.site import Site

JSON = "application/json"
HTML = "text/html; charset=utf-8"
#: Query responses kept per site; single resources are kept without a bound.
MAX_QUERY_ENTRIES = 4096
#: Pages with more source than this are rendered ahead of their first request.
LARGE_BODY = 512 * 1024


def dumps(value: Any) -> bytes:
    return orjson.dumps(value)


class Store:
    """Serialized responses of one ``Site``. Thread-safe; builds on first use."""

    def __init__(self, site: Site, settings: Settings, *, cache_control: str | None = None) -> None:
        self.site = site
        self.cache_control = cache_control or settings.cache_control
        self._resources: dict[Hashable, Cached | None] = {}
        self._queries: OrderedDict[Hashable, Cached] = OrderedDict()
        self._lock = threading.Lock()
        self._search_ready = threading.Event()
        self._search: Any = None
        #: Page resources by the path after /api/v1/pages/, for the fast path.
        self.by_path: dict[str, Cached] = {}
        self._summaries: dict[str, dict[str, Any]] = {}
        self._refs: dict[str, dict[str, Any]] = {}
        self._plans: dict[Hashable, Plan] = {}

    # -- generic ------------------------------------------------------------------------
    def resource(self, key: Hashable, build: Callable[[], Cached | None]) -> Cached | None:
        """A single resource, built once (``None`` means "no such resource")."""
        try:
            return self._resources[key]
        except KeyError:
            pass
        value = build()
        with self._lock:
            return self._resources.setdefault(key, value)

    def cached_query(self, key: Hashable) -> Cached | None:
        with self._lock:
            found = self._queries.get(key)
            if found is not None:
                self._queries.move_to_end(key)
            return found

    def query(self, key: Hashable, build: Callable[[], Cached]) -> Cached:
        """A query response, kept in a bounded LRU."""
        with self._lock:
            found = self._queries.get(key)
            if found is not None:
                self._queries.move_to_end(key)
                return found
        value = build()
        with self._lock:
            self._queries[key] = value
            if len(self._queries) > MAX_QUERY_ENTRIES:
                self._queries.popitem(last=False)
        return value

    def json(self, value: Any, *, extra: tuple[tuple[str, str], ...] = ()) -> Cached:
        return Cached.build(dumps(value), JSON, self.cache_control, extra=extra)

    # -- pages ----------------------------------------------------------------------------
    def summary(self, doc_id: str) -> dict[str, Any]:
        """A page's summary dict, built once (lists share them)."""
        found = self._summaries.get(doc_id)
        if found is None:
            found = rep.summary(self.site, self.site.snapshot.by_id[doc_id], self.page_ref)
            self._summaries[doc_id] = found
        return found

    def plan(self, expand: tuple[str, ...], sorts: BacklinkSort) -> Plan:
        """What ``expand`` and a backlink ``sort`` ask of this site (a QueryError if they
        cannot be honoured), worked out once per distinct pair."""
        if not expand and not sorts:
            return EMPTY
        key = (expand, sorts)
        found = self._plans.get(key)
        if found is None:
            found = plan(expand, sorts, self.site.references.schema)
            if len(self._plans) >= MAX_QUERY_ENTRIES:
                self._plans.clear()
            self._plans[key] = found
        return found

    def page_ref(self, doc_id: str) -> dict[str, Any]:
        """A page's ``{id, collection, title, url}``, built once."""
        found = self._refs.get(doc_id)
        if found is None:
            found = rep.page_ref(self.site.snapshot.by_id[doc_id])
            self._refs[doc_id] = found
        return found

    def page(self, doc_id: str, sanitize: bool = False) -> Cached | None:
        def build() -> Cached | None:
            doc = self.site.get(doc_id)
            if doc is None:
                return None
            return self.json(rep.detail(self.site, self.site.view(doc), sanitize))

        return self.resource(("page", doc_id, sanitize), build)

    def html(self, doc_id: str, sanitize: bool = False) -> Cached | None:
        def build() -> Cached | None:
            doc = self.site.get(doc_id)
            if doc is None:
                return None
            body = self.site.html(doc, sanitize).encode("utf-8")
            return Cached.build(body, HTML, self.cache_control, extra=_HTML_HEADERS)

        return self.resource(("html", doc_id, sanitize), build)

    def timeline(self, doc_id: str) -> Cached | None:
        def build() -> Cached | None:
            embed = self.site.timelines.embeds.get(doc_id)
            return None if embed is None else self.json(embed.model_dump(mode="json"))

        return self.resource(("timeline", doc_id), build)

    def timeline_data(self, doc_id: str) -> Cached | None:
        def build() -> Cached | None:
            data = self.site.timelines.data.get(doc_id)
            return None if data is None else self.json(data)

        return self.resource(("timeline-data", doc_id), build)

    def page_resource(self, rest: str, sanitize: bool = False) -> tuple[str, str, Cached | None]:
        """The resource at ``/api/v1/pages/<rest>``: (kind, page id, cached or None).

        An id may contain ``/`` and even end in ``/html``: a whole-path id wins over a
        suffix. The kind is "" when no page matches at all.
        """
        kind, doc_id = "", rest
        if self.site.get(rest) is not None:
            kind = "page"
        else:
            for suffix, name in _SUFFIXES:
                if rest.endswith(suffix) and self.site.get(rest[: -len(suffix)]) is not None:
                    kind, doc_id = name, rest[: -len(suffix)]
                    break
        if not kind:
            return kind, doc_id, None
        if kind == "page":
            cached = self.page(doc_id, sanitize)
        elif kind == "html":
            cached = self.html(doc_id, sanitize)
        elif kind == "timeline":
            cached = self.timeline(doc_id)
        else:
            cached = self.timeline_data(doc_id)
        if cached is not None and not sanitize:
            self.by_path[rest] = cached
        return kind, doc_id, cached

    # -- search ---------------------------------------------------------------------------
    def warm(self, stop: Callable[[], bool]) -> None:
        """Do, in the background, what is too slow for a first request: load the renderer,
        build the search index and the collection index, render the very large pages."""
        if stop():
            self._search_ready.set()
            return
        _ = self.site.renderer
        try:
            self._search = self.site.build_search_index()
        finally:
            self._search_ready.set()
        if not stop():
            # The collection filter is in almost every list request.
            self.site.query_index.warm(["collection"])
        if not stop():
            _ = self.site.translations  # every page detail shows them
        large = [d for d in self.site.snapshot.documents if len(d.body) > LARGE_BODY]
        for doc in sorted(large, key=lambda d: -len(d.body)):
            if stop():
                break
            self.site.rendered(doc)

    def search_index(self, timeout: float) -> Any:
        """The search index, waiting up to ``timeout`` seconds for it to be built."""
        if not self._search_ready.wait(timeout):
            return None
        return self._search


_SUFFIXES = (("/timeline/data", "timeline-data"), ("/timeline", "timeline"), ("/html", "html"))

#: A page body is the site owner's HTML: opened directly from the API origin it runs in a
#: sandbox, so nothing in it can act as the API (the frontend fetches it and is unaffected).
_HTML_HEADERS = (
    (
        "content-security-policy",
        "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox allow-forms",
    ),
)
