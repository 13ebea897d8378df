"""A small thread-safe LRU mapping, bounded by entries and by a total size."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class LRU(Generic[V]):
    def __init__(
        self, entries: int, budget: int = 0, size: Callable[[V], int] = lambda _: 0
    ) -> None:
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._entries = entries
        self._budget = budget  # 0: no bound on the total size
        self._size = size
        self._used = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: V) -> V:
        """Store ``value`` unless another thread stored one first; return the stored one."""
        size = self._size(value)
        with self._lock:
            existing = self._items.get(key)
            if existing is not None:
                return existing
            self._items[key] = value
            self._used += size
            while len(self._items) > self._entries or (self._budget and self._used > self._budget):
                if len(self._items) == 1:
                    break  # one entry larger than the budget still serves its own request
                _, evicted = self._items.popitem(last=False)
                self._used -= self._size(evicted)
            return value

    def __len__(self) -> int:
        return len(self._items)
