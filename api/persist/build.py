"""``content-api cache build``: fill the cache directory ahead of time (an image ships warm).

It reads the site as ``serve`` with the same settings would (from the image of an earlier
build, for the files that did not change), keeps the image of that load, builds the search
index and renders every page through the cache, then leaves the file compact and readable
from a read-only directory.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from api.content.loader import Loader, LoadOptions
from api.persist import image
from api.persist.db import FILE_NAME, CacheFile, Unusable
from api.persist.site import PersistedSite
from api.site import Site, SiteOptions


@dataclass(frozen=True, slots=True)
class BuildReport:
    path: Path
    documents: int
    parsed: int  # files parsed (the others' readings were in the cache)
    rendered: int
    bytes: int
    seconds: float


def build_cache(
    content_dir: Path,
    cache_dir: Path,
    load: LoadOptions,
    options: SiteOptions,
    advance: Callable[[int, int], None] = lambda done, total: None,
    *,
    hidden: bool = False,
) -> BuildReport:
    """Parse, index and render ``content_dir`` into ``cache_dir`` (``hidden``: for a server
    with previews, whose loads read the hidden pages too). Raises ``Unusable``."""
    from api.earlyload import first_load

    started = time.perf_counter()
    cache = CacheFile(cache_dir)
    if cache.readonly:
        raise Unusable(f"the cache directory {cache_dir} is read-only")
    loader = Loader(content_dir, load)
    loaded = first_load(loader, cache, hidden)
    snapshot = loaded.public
    site = Site(snapshot, options, cache=PersistedSite(cache), references=loaded.references)
    captured = None if loaded.from_image else image.capture(loader, snapshot, loaded.hidden)
    if captured is not None:
        image.keep(cache, loader, replace(captured, references=site.references.kept()))
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
        parsed=0 if loaded.from_image else loader.files_read,
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
