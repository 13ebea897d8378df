"""The content being served: loaded in the background, swapped atomically on reload.

Readiness is false until the first snapshot is in. A reload builds a whole new ``Served``
(site + response cache) off the request path and replaces one reference; requests that
already hold the old one finish with it.

Three threads at most, whatever the number of reloads: the first load, one watcher and one
warmer (which builds the search index of each new snapshot).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from api import processes
from api.content.loader import Loader
from api.earlyload import EarlyLoad, first_load, open_loader
from api.http.store import Store
from api.http.views import PreviewSlot, Views
from api.persist import image
from api.persist.site import PersistedSite
from api.settings import Settings
from api.site import Site, SiteOptions
from api.site.changes import Feed

log = logging.getLogger("content_api")

#: watchfiles timings (ms). A burst of events is grouped until ``STEP`` passes quietly, and
#: never for longer than ``DEBOUNCE``; a reload of a large site takes well under a second,
#: so an edit is served within about ``DEBOUNCE`` plus one load. ``POLL_DELAY`` applies only
#: where inotify is unavailable (network mounts, WSL).
DEBOUNCE_MS = 150
STEP_MS = 25
POLL_DELAY_MS = 200
#: How long to wait before loading or watching again after a failure (the content folder
#: was removed or replaced, say), doubling up to the maximum.
WATCH_RETRY_SECONDS = 0.5
MAX_WATCH_RETRY_SECONDS = 5.0
#: How often the watcher checks that the content root is still the folder it watches (ms).
ROOT_CHECK_MS = 500
#: How long stopping waits for the background threads, in all (seconds).
STOP_SECONDS = 0.5
#: How long stopping waits for the cache's pending writes (a second covers a whole large
#: site's parsed pages; SIGTERM must still end the process within two).
CACHE_FLUSH_SECONDS = 1.0
#: A load's image is kept once no other load followed for this long (seconds): encoding it
#: takes the interpreter for a moment, so not while an editor saves again and again, nor
#: while the first requests after a start come in.
IMAGE_QUIET_SECONDS = 5.0
IMAGE_WRITE_SECONDS = 60.0


def site_options(settings: Settings, hosted_embeds: bool = False) -> SiteOptions:
    return SiteOptions(
        public_url=settings.public_url, sanitize=settings.sanitize, hosted_embeds=hosted_embeds
    )


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Served:
    site: Site
    store: Store
    feed: Feed | None = None  # what changed, version to version (api.site.changes)
    preview: PreviewSlot | None = None  # the preview of this version (api.http.views)


class Runtime:
    def __init__(
        self,
        settings: Settings,
        *,
        hosted_embeds: bool = False,
        preview: bool = False,
        early: EarlyLoad | None = None,
    ) -> None:
        self.settings = settings
        self.root = Path(settings.content_dir)
        # A first load begun before this runtime existed, for these very settings (and
        # views: with preview, the hidden pages are read too).
        usable = early is not None and early.settings == settings and early.hidden == preview
        self._early = early if usable else None
        if self._early is not None:
            self.loader, self.cache = self._early.loader, self._early.cache
        else:
            self.loader, self.cache = open_loader(settings)
        site_cache = None if self.cache is None else PersistedSite(self.cache)
        self.options = site_options(settings, hosted_embeds)
        self.views = Views(settings, self.options, preview=preview, cache=site_cache)
        self.views.warm = self._warm_later
        self._served: Served | None = None
        self._lock = threading.Lock()  # one load at a time
        self._stop = threading.Event()
        # Killed on stop, whatever they are doing (the early load's too).
        self._children = processes.Children() if self._early is None else self._early.children
        self._threads: list[threading.Thread] = []
        # Snapshots waiting for their search index, oldest first. Weak: a superseded snapshot
        # is worth warming only while some request still holds it.
        self._to_warm: list[weakref.ref[Served]] = []
        self._warm_wake = threading.Condition()
        self.reloads = 0
        #: Whether the version served was the cache's image of an earlier load.
        self.from_image = False
        self.reload_failures = 0
        self.listeners: list[Callable[[Served], None]] = []

    @property
    def served(self) -> Served | None:
        return self._served

    def load(self, changed: Iterable[str] = ()) -> Served:
        """Build a new snapshot (re-reading only what changed) and swap it in."""
        with self._lock:
            started = time.perf_counter()
            with processes.no_collection():  # many objects, none of them garbage
                first = self.reloads == 0
                early, self._early = self._early, None
                loaded = None
                if early is not None:
                    loaded = early.take()
                elif first:
                    loaded = first_load(self.loader, self.cache, self.views.preview)
                if loaded is not None:
                    snapshot, hidden = loaded.public, loaded.hidden
                elif self.views.preview:
                    snapshot, hidden = self.loader.load_views(changed, hidden=True)
                else:
                    snapshot, hidden = self.loader.load(changed), None
                from_image = loaded is not None and loaded.from_image
                self.from_image = from_image
                captured = None
                if self.cache is not None and not from_image:
                    captured = image.capture(self.loader, snapshot, hidden)
                kept = None if loaded is None else loaded.references
                served = self.views.build(snapshot, hidden, self._served, kept)
                if captured is not None:
                    captured = replace(captured, references=served.site.references.kept())
                self._served = served
                self.reloads += 1
                processes.settle_heap(first=first)
            log.info(
                "content loaded: %d pages, %d errors, %d warnings in %.2fs (version %s%s)",
                len(snapshot.documents),
                snapshot.errors,
                snapshot.warnings,
                time.perf_counter() - started,
                snapshot.content_version[:12],
                ", from the cache's image of the last load" if from_image else "",
            )
        if captured is not None:
            self._keep_image(captured, IMAGE_QUIET_SECONDS)
        if self.cache is not None:
            self.cache.prune([snapshot.content_version])
        for listener in self.listeners:
            try:
                listener(served)
            except Exception:  # a listener's bug must not look like a failed reload
                log.exception("a reload listener failed")
        return served

    def _keep_image(self, captured: image.LoadImage, delay: float) -> None:
        """Store the image of a load in the background: after ``delay`` seconds without
        another load (an editor saving again and again writes it once)."""
        assert self.cache is not None
        cache, reloads = self.cache, self.reloads

        def keep() -> None:
            if self._stop.wait(delay) or self.reloads != reloads:
                return
            try:
                size = image.keep(cache, self.loader, captured)
            except Exception:  # the cache is an optimisation: say so, serve on
                log.exception("keeping the load image failed")
                return
            if size and cache.flush(IMAGE_WRITE_SECONDS):
                log.info("kept the load image in the cache (%.1f MB)", size / 1e6)

        self._spawn(keep, "content-image")

    def start(self) -> None:
        """Load in the background, then watch for changes if asked to."""
        # Large loads and the search index run in child processes; the server that forks
        # them safely is started now, while nothing else is going on (an early load starts
        # it when it needs it, and the first load's end at the latest).
        if self._early is None:
            processes.prepare()
        self._spawn(self._warm_loop, "content-warm")
        if self.settings.watch:
            # Watching starts before the first load, so an edit made while it runs is not
            # missed: its reload simply waits for the load lock.
            self._spawn(self._watch, "content-watch")
        self._spawn(self._first_load, "content-load")

    def stop(self, limit: float = STOP_SECONDS) -> None:
        """Stop the background work: children are killed, threads are given ``limit``
        seconds in all to finish what they are doing (they are daemons: the process can
        exit without them)."""
        self._stop.set()
        self._children.stop()
        with self._warm_wake:
            self._warm_wake.notify_all()
        deadline = time.monotonic() + limit
        for thread in self._threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        self._threads = [t for t in self._threads if t.is_alive()]
        if self.cache is not None:  # what is written by then is kept; the rest is not
            self.cache.close(timeout=CACHE_FLUSH_SECONDS)

    @property
    def threads(self) -> list[threading.Thread]:
        """The runtime's background threads that are still running."""
        return [t for t in self._threads if t.is_alive()]

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        def run() -> None:
            # Cancelled: stopping, the work was abandoned on purpose.
            with processes.working_for(self._children), contextlib.suppress(processes.Cancelled):
                target()

        thread = threading.Thread(target=run, name=name, daemon=True)
        self._threads = [*(t for t in self._threads if t.is_alive()), thread]
        thread.start()

    def _first_load(self) -> None:
        delay = WATCH_RETRY_SECONDS
        while not self._stop.is_set():
            try:
                served = self.load()
                processes.prepare()
                self._warm_later(served)
                return
            except processes.Cancelled:
                return
            except Exception:
                # A bug or a passing fault (the disk, a file swapped mid-read), not bad
                # content: say so loudly, stay unready, and try again.
                log.exception("loading %s failed; retrying in %.1fs", self.root, delay)
            self._stop.wait(delay)
            delay = min(delay * 2, MAX_WATCH_RETRY_SECONDS)

    def _warm_later(self, served: Served) -> None:
        with self._warm_wake:
            self._to_warm.append(weakref.ref(served))
            self._warm_wake.notify()

    def _warm_loop(self) -> None:
        while not self._stop.is_set():
            with self._warm_wake:
                while not self._to_warm and not self._stop.is_set():
                    self._warm_wake.wait()
                batch, self._to_warm = self._to_warm, []
            # The renderer's modules, imported once the server is ready (readiness does not
            # need them) rather than by the first page a reader asks for.
            import api.render.renderer  # noqa: F401

            # Newest first: new requests get it. Older snapshots still held by a request
            # are warmed after, so a search that already started on one is answered.
            for ref in reversed(batch):
                served = ref()
                if served is None or self._stop.is_set():
                    continue
                try:
                    served.store.warm(self._stop.is_set)
                except processes.Cancelled:
                    return
                except Exception:
                    log.exception("building the search index failed")
            processes.freeze()  # the index and the modules, for as long as the version lives

    def _watch(self) -> None:
        from watchfiles import watch  # imported here: only --watch needs it

        identity = _identity(self.root)
        delay = WATCH_RETRY_SECONDS
        missed = False
        while not self._stop.is_set():
            current = _identity(self.root)
            if current != identity:
                # The folder was replaced (a deploy swapping a symlink, a folder removed and
                # recreated): an inotify watch follows the old one, so start over on the new.
                identity = current
                log.info("the content folder %s was replaced; reading it afresh", self.root)
                self._reload(set(), fresh=True)
            elif missed:
                # Changes made while nobody watched are found by their size and mtime.
                self._reload(set())
            missed = False
            root = self.root.resolve()
            settled = False
            try:
                for changes in watch(
                    root,
                    stop_event=self._stop,
                    debounce=DEBOUNCE_MS,
                    step=STEP_MS,
                    poll_delay_ms=POLL_DELAY_MS,
                    rust_timeout=ROOT_CHECK_MS,
                    yield_on_timeout=True,  # an empty set now and then: time to check the root
                    raise_interrupt=False,
                    ignore_permission_denied=True,
                ):
                    delay = WATCH_RETRY_SECONDS
                    if _identity(self.root) != identity:
                        break
                    if changes:
                        self._reload({path for _, path in changes}, root)
                    elif not settled:
                        # The watch is in place now; whatever changed while it was being
                        # set up is found by its size and modification time.
                        self._reload(set())
                    settled = True
            except Exception:
                # The root went away or the OS ran out of watches: keep serving what we
                # have and try again, rather than silently never reloading again.
                log.exception("watching %s failed; retrying in %.1fs", root, delay)
                missed = True
                self._stop.wait(delay)
                delay = min(delay * 2, MAX_WATCH_RETRY_SECONDS)

    def _reload(self, changed: set[str], root: Path | None = None, *, fresh: bool = False) -> None:
        if not self.root.is_dir():
            # Mid-deploy, or unmounted: an empty site is never better than the last one.
            log.warning(
                "the content folder %s is missing; still serving the last content", self.root
            )
            return
        paths = set()
        for path in changed:
            try:
                # Not resolved: a symlink inside the root names its file by its own path.
                paths.add(Path(path).relative_to(root or self.root).as_posix())
            except ValueError:
                continue
        try:
            if fresh:
                with self._lock:
                    self.loader = Loader(self.root, self.loader.options, self.loader.reader)
            served = self.load(paths)
        except processes.Cancelled:
            return
        except Exception:
            self.reload_failures += 1
            log.exception("reloading %s failed; still serving the previous content", self.root)
            return
        self._warm_later(served)


def _identity(root: Path) -> tuple[str, int, int] | None:
    """What the content root is right now: its real path and inode (None: missing)."""
    try:
        stat = root.stat()
        return str(root.resolve()), stat.st_dev, stat.st_ino
    except OSError:
        return None
