"""The views of the content one server holds: the public one and, with preview tokens, the
preview one (unpublished, future and draft pages shown).

Both come from one reading of the files (``Loader.load_views``). The public view is built
at once, as always. The preview view of a version is only its snapshot until a preview
request needs it: then its site, response cache (``private, no-store``, apart from the
public one) and change feed are built, and its search index is warmed in the background.
From that first use on, every new version's preview is built with it, so the preview's
change feed and events follow each version. Nobody previewing costs the public path nothing
beyond the preview snapshot's ordering and indexing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from api.content.snapshot import Snapshot
from api.http.store import Store
from api.settings import Settings
from api.site import Site, SiteOptions
from api.site.changes import Feed
from api.site.references import KeptReferences
from api.site.site import SiteCache

if TYPE_CHECKING:
    from api.http.runtime import Served

#: What every preview response says to caches: for this client only, and not even kept.
PRIVATE = "private, no-store"


class PreviewSlot:
    """The preview of one content version, built on first use (thread-safe)."""

    def __init__(self, views: Views, snapshot: Snapshot, previous: Served | None) -> None:
        self._views = views
        self.snapshot = snapshot
        self._previous = previous  # the version before's preview, whose feed goes on
        self._built: Served | None = None
        self._lock = threading.Lock()

    @property
    def built(self) -> Served | None:
        return self._built

    def get(self) -> Served:
        """The preview's site, store and feed (built now if nobody asked before)."""
        built = self._built
        if built is not None:
            return built
        with self._lock:
            if self._built is not None:
                return self._built
            built = self._views.build_preview(self.snapshot, self._previous)
            self._built, self._previous = built, None
            self._views.in_use = True
        self._views.warm(built)
        return built


class Views:
    """Builds each version's ``Served`` with its change feed and its preview slot."""

    def __init__(
        self,
        settings: Settings,
        options: SiteOptions,
        *,
        preview: bool,
        cache: SiteCache | None = None,
    ) -> None:
        self.settings = settings
        self.options = options
        self.preview = preview
        #: The cache directory's renders and search index, for the public view (a preview
        #: is built on first use, from content nobody else sees).
        self.cache = cache
        #: Whether anyone has previewed: from then on every version's preview is built.
        self.in_use = False
        #: Called with each preview built, to warm its search index in the background.
        self.warm: Callable[[Served], None] = lambda served: None

    def build(
        self,
        public: Snapshot,
        hidden: Snapshot | None,
        previous: Served | None,
        references: KeptReferences | None = None,
    ) -> Served:
        """The ``Served`` of a new version (``hidden``: its preview snapshot, if any;
        ``references``: the public view's index, as an earlier process built it)."""
        from api.http.runtime import Served

        site = Site(
            public,
            self.options,
            cache=self.cache,
            previous=previous.site if previous else None,
            references=references,
        )
        feed = previous.feed.advance(site) if previous and previous.feed else Feed.start(site)
        slot = None
        if hidden is not None:
            before = previous.preview.built if previous and previous.preview else None
            slot = PreviewSlot(self, hidden, before)
        served = Served(site, Store(site, self.settings), feed, slot)
        if slot is not None and self.in_use:
            slot.get()
        return served

    def build_preview(self, snapshot: Snapshot, previous: Served | None) -> Served:
        from api.http.runtime import Served

        site = Site(snapshot, self.options, previous=previous.site if previous else None)
        feed = previous.feed.advance(site) if previous and previous.feed else Feed.start(site)
        return Served(site, Store(site, self.settings, cache_control=PRIVATE), feed, None)
