"""``site`` as Liquid sees it: the configuration, ``site.data`` and the collections."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..context import SiteContext

#: ``site.*`` lists Jekyll derives from the documents.
DERIVED = frozenset(
    {"pages", "posts", "html_pages", "documents", "categories", "tags", "collections"}
)


class SiteDrop(Mapping[str, Any]):
    """Configuration keys, ``data``, and each collection (loaded on first use)."""

    def __init__(self, site: SiteContext) -> None:
        self._site = site
        self._documents: Mapping[str, Sequence[Mapping[str, Any]]] | None = None
        self._lock = threading.Lock()

    def _collections(self) -> Mapping[str, Sequence[Mapping[str, Any]]]:
        if self._documents is None:
            with self._lock:
                if self._documents is None:
                    self._documents = self._site.documents()
        return self._documents

    def __getitem__(self, key: str) -> Any:
        if key == "data":
            return self._site.data
        # As Jekyll's site drop: the collections and the lists derived from the documents
        # come before the configuration's keys of the same name.
        if key in self._site.labels or key in DERIVED:
            collections = self._collections()
            if key in collections:
                return collections[key]
        if key in self._site.config and key != "collections":
            return self._site.config[key]
        collections = self._collections()
        if key in collections:
            return collections[key]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        yield from self._site.config
        yield "data"
        yield from self._collections()

    def __len__(self) -> int:
        return len(self._site.config) + 1 + len(self._collections())
