"""The first load of a site, begun before the web stack is imported.

Importing FastAPI, pydantic and the rest takes a second of one core; the first load
(mostly child processes parsing, or reading back the cache) does not need any of it. So
``serve`` starts the load first, the imports run beside it, and the runtime takes the
snapshot over when it is ready (or loads itself if this one failed).
"""

from __future__ import annotations

import threading
from pathlib import Path

from api import processes
from api.content.loader import Loader, LoadOptions
from api.content.snapshot import Snapshot
from api.persist import CacheFile, open_cache
from api.persist.reading import CachedReader
from api.settings import Settings


def load_options(settings: Settings) -> LoadOptions:
    return LoadOptions(
        unpublished=settings.unpublished,
        future=settings.future,
        drafts=settings.drafts,
        github_pages=settings.github_pages,
    )


def open_loader(settings: Settings) -> tuple[Loader, CacheFile | None]:
    """The loader for ``settings``, reading through its cache directory if there is one."""
    cache = None if settings.cache_dir is None else open_cache(settings.cache_dir)
    reader = None if cache is None else CachedReader(cache)
    return Loader(Path(settings.content_dir), load_options(settings), reader), cache


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
        self._done = threading.Event()
        self._snapshots: tuple[Snapshot, Snapshot | None] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="content-load-early", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with processes.working_for(self.children), processes.no_collection():
                if self.hidden:
                    self._snapshots = self.loader.load_views(hidden=True)
                else:
                    self._snapshots = (self.loader.load(), None)
        except BaseException as exc:  # the taker raises it, or loads again
            self._error = exc
        finally:
            self._done.set()

    def take(self) -> tuple[Snapshot, Snapshot | None]:
        """The snapshot, and the preview's beside it when ``hidden``, once loaded: raises
        what the load raised, and ``Cancelled`` as soon as the children are stopped."""
        while not self._done.wait(processes.POLL_SECONDS):
            self.children.check()
        if self._error is not None:
            raise self._error
        assert self._snapshots is not None
        return self._snapshots
