"""The cache directory: parsed pages, renders and search indexes kept between restarts and
shared by workers, so that a restart on unchanged content reads instead of computing.

Nothing here is needed for correctness: a miss computes, a damaged value is ignored, and a
directory that cannot be used leaves the server working as if none was configured.
"""

from __future__ import annotations

import logging
from pathlib import Path

from api.persist.db import CacheFile, Unusable

log = logging.getLogger("content_api")

__all__ = ["CacheFile", "open_cache"]


def open_cache(directory: Path) -> CacheFile | None:
    """The cache in ``directory``, or None (with a warning) when it cannot be used."""
    try:
        return CacheFile(directory)
    except Unusable as exc:
        log.warning("not using a cache: %s", exc)
        return None
