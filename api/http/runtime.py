"""The content being served: loaded in the background, swapped atomically on reload.

Readiness is false until the first snapshot is in. A reload builds a whole new ``Served``
(site + response cache) off the request path and replaces one reference; requests that
already hold the old one finish with it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from api.content.loader import Loader, LoadOptions
from api.http.store import Store
from api.settings import Settings
from api.site import Site, SiteOptions

log = logging.getLogger("content_api")


@dataclass(frozen=True, slots=True)
class Served:
    site: Site
    store: Store


class Runtime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = Path(settings.content_dir)
        self.loader = Loader(
            self.root,
            LoadOptions(
                unpublished=settings.unpublished, future=settings.future, drafts=settings.drafts
            ),
        )
        self.options = SiteOptions(public_url=settings.public_url, sanitize=settings.sanitize)
        self._served: Served | None = None
        self._lock = threading.Lock()  # one load at a time
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.reloads = 0
        self.listeners: list[Callable[[Served], None]] = []

    @property
    def served(self) -> Served | None:
        return self._served

    def load(self, changed: Iterable[str] = ()) -> Served:
        """Build a new snapshot (re-reading only what changed) and swap it in."""
        with self._lock:
            started = time.perf_counter()
            snapshot = self.loader.load(changed)
            site = Site(snapshot, self.options)
            served = Served(site, Store(site, self.settings))
            self._served = served
            self.reloads += 1
            log.info(
                "content loaded: %d pages, %d errors, %d warnings in %.2fs (version %s)",
                len(snapshot.documents),
                snapshot.errors,
                snapshot.warnings,
                time.perf_counter() - started,
                snapshot.content_version[:12],
            )
        for listener in self.listeners:
            listener(served)
        return served

    def start(self) -> None:
        """Load in the background, then watch for changes if asked to."""
        self._spawn(self._first_load, "content-load")

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _first_load(self) -> None:
        try:
            served = self.load()
        except Exception:  # a bug, not bad content: say so loudly and stay unready
            log.exception("loading %s failed", self.root)
            return
        self._spawn(lambda: served.store.warm(self._stop.is_set), "content-warm")
        if self.settings.watch:
            self._spawn(self._watch, "content-watch")

    def _watch(self) -> None:
        from watchfiles import watch  # imported here: only --watch needs it

        root = self.root.resolve()
        for changes in watch(
            root, stop_event=self._stop, debounce=150, step=25, yield_on_timeout=False
        ):
            paths = set()
            for _, changed in changes:
                try:
                    paths.add(Path(changed).resolve().relative_to(root).as_posix())
                except ValueError:
                    continue
            try:
                served = self.load(paths)
            except Exception:
                log.exception("reloading %s failed; still serving the previous content", root)
                continue
            self._spawn(lambda s=served: s.store.warm(self._stop.is_set), "content-warm")
