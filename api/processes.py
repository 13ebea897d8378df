"""Child processes for CPU-heavy work (parsing a large site, building the search index).

A child made with ``fork`` inherits every lock another thread held at that moment (SQLite's
mutexes while requests search, say) and can wait on it forever. So children are forked
directly only while this process runs a single thread; otherwise they are forked from
multiprocessing's fork server, a clean single-threaded process started once, which already
holds the modules the work needs.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.context import BaseContext

#: What the fork server imports once, so its children start with it loaded.
PRELOAD = ["api.content.reading", "api.site.indexes"]


def context() -> BaseContext:
    """The safest cheap way to start children right now."""
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(PRELOAD)
        return server
    return multiprocessing.get_context("spawn")


def prepare() -> None:
    """Start the fork server ahead of need (it takes a moment to import what it preloads)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver

        multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
        forkserver.ensure_running()
