"""``content-api cache build``: fill the cache directory ahead of time (an image ships warm).

It reads the site as ``serve`` with the same settings would, builds its search index and
renders every page, each through the cache, then leaves the file compact and readable from
a read-only directory.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from api.content.loader import Loader, LoadOptions
from api.persist.db import FILE_NAME, CacheFile, Unusable
from api.persist.reading import CachedReader
from api.persist.site import PersistedSite
from api.site import Site, SiteOptions


@dataclass(frozen=True, slots=True)
class BuildReport:
    path: Path
    documents: int
    reused: int  # pages whose parse was in the cache already
    rendered: int
    bytes: int
    seconds: float


def build_cache(
    content_dir: Path,
    cache_dir: Path,
    load: LoadOptions,
    options: SiteOptions,
    advance: Callable[[int, int], None] = lambda done, total: None,
) -> BuildReport:
    """Parse, index and render ``content_dir`` into ``cache_dir``. Raises ``Unusable``."""
    started = time.perf_counter()
    cache = CacheFile(cache_dir)
    if cache.readonly:
        raise Unusable(f"the cache directory {cache_dir} is read-only")
    reader = CachedReader(cache)
    snapshot = Loader(content_dir, load, reader).load()
    site = Site(snapshot, options, cache=PersistedSite(cache))
    site.build_search_index()
    documents = snapshot.documents
    for done, doc in enumerate(documents, 1):
        site.rendered(doc)
        advance(done, len(documents))
    cache.prune([snapshot.content_version])
    cache.compact()
    size = sum(p.stat().st_size for p in cache_dir.glob(f"{FILE_NAME}*") if p.is_file())
    return BuildReport(
        path=cache.path,
        documents=len(documents),
        reused=reader.hits,
        rendered=len(documents),
        bytes=size,
        seconds=time.perf_counter() - started,
    )


def clear_cache(cache_dir: Path) -> int:
    """Remove the cache files from ``cache_dir`` (nothing else); how many were removed."""
    removed = 0
    for path in cache_dir.glob("content-api-cache.*"):
        if path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
