"""The first load of a site, begun before the web stack is imported.

Importing FastAPI, pydantic and the rest takes a second of one core; the first load
(mostly child processes parsing, or reading back the cache) does not need any of it. So
``serve`` starts the load first, and the runtime takes the snapshot over when it is ready
(or loads itself if this one failed). The imports wait for the load's own share of this
process (listing the site, so the children can start; or decoding the cache's image of the
last load): run beside it, they would only slow it down while the other cores idle.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from api import processes
from api.content.loader import Loader, LoadOptions
from api.content.snapshot import Snapshot
from api.persist import CacheFile, image, open_cache
from api.settings import Settings

if TYPE_CHECKING:  # the references index imports the whole site; a load needs none of it
    from api.site.references import KeptReferences

#: Longest the imports wait for the load's head start (seconds).
HEAD_START_SECONDS = 10.0


def load_options(settings: Settings) -> LoadOptions:
    return LoadOptions(
        unpublished=settings.unpublished,
        future=settings.future,
        drafts=settings.drafts,
        github_pages=settings.github_pages,
    )


def open_loader(settings: Settings) -> tuple[Loader, CacheFile | None]:
    """The loader for ``settings``, and its cache directory if there is one."""
    cache = None if settings.cache_dir is None else open_cache(settings.cache_dir)
    return Loader(Path(settings.content_dir), load_options(settings)), cache


@dataclass(frozen=True, slots=True)
class FirstLoad:
    public: Snapshot
    hidden: Snapshot | None
    from_image: bool  # the cache's image of an earlier load, found to be what a load makes
    references: KeptReferences | None = None  # the image's references index


def first_load(
    loader: Loader,
    cache: CacheFile | None,
    hidden: bool,
    started: Callable[[], None] = lambda: None,
    survey: image.Check | None = None,
) -> FirstLoad:
    """A loader's first load: from the cache's image of the last one when the content is
    the same; else read, each file whose bytes did not change taken from that image.
    ``started`` is called once this process's own share of the work is done and the rest
    runs in children; ``survey`` is the image's check (``image.check``), if begun."""
    pending = None if cache is None else image.begin(cache, loader, hidden, survey)
    if pending is not None:
        started()
        taken = pending.finish()
        if taken is not None:
            return FirstLoad(taken.public, taken.hidden, True, taken.references)
    public, preview = loader.load_views(hidden=hidden, listed=started)
    return FirstLoad(public, preview, False)


class EarlyLoad:
    """A first load running in a thread of its own, for a runtime to take over."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        #: Whether the preview's hidden pages are read too (preview tokens are configured).
        self.hidden = (
            settings.preview_tokens is not None or settings.preview_tokens_file is not None
        )
        self.children = processes.Children()
        self.loader, self.cache = open_loader(settings)
        with processes.working_for(self.children):  # forked now: one thread runs yet
            self._survey = (
                None if self.cache is None else image.check(self.cache, self.loader, self.hidden)
            )
        if self._survey is None:
            # Parsing needs children, started from the load's thread: through the fork
            # server, started now. (An image needs none before the server is ready.)
            processes.prepare()
        self._done = threading.Event()
        self._head_start = threading.Event()
        self._loaded: FirstLoad | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="content-load-early", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with processes.working_for(self.children), processes.no_collection():
                self._loaded = first_load(
                    self.loader, self.cache, self.hidden, self._head_start.set, self._survey
                )
                # Out of the collector's way before it runs again: otherwise its next run
                # (any thread's) walks the whole new heap before the runtime takes it over.
                processes.settle_heap(first=True)
        except BaseException as exc:  # the taker raises it, or loads again
            self._error = exc
        finally:
            self._head_start.set()
            self._done.set()

    def head_start(self, timeout: float = HEAD_START_SECONDS) -> None:
        """Wait until what the load does in this process first is done (or ``timeout``)."""
        self._head_start.wait(timeout)

    def take(self) -> FirstLoad:
        """The first load, once done: raises what the load raised, and ``Cancelled`` as soon
        as the children are stopped."""
        while not self._done.wait(processes.POLL_SECONDS):
            self.children.check()
        if self._error is not None:
            raise self._error
        assert self._loaded is not None
        return self._loaded
