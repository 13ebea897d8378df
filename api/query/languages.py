"""``?lang=``: the pages in some languages, or one page per translation group with fallback.

Languages match as BCP 47 language ranges (RFC 4647 basic filtering): case-insensitive,
``_`` read as ``-``, and a range matches a tag equal to it or starting with it and a ``-``,
so ``zh`` matches ``zh_tw`` and ``zh-CN``, ``pt-br`` matches ``pt-BR``. ``*`` matches any page
that has a language. A page without one matches no range.

With fallback, the ranges are an order of preference: of each translation group, only the
pages in the first language the group has are kept (a page with no translations is its own
group). The choice is made over every listed page, before the other filters, so that the
result is one language's view of the site with the gaps filled, then filtered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from api.content.languages import tag_key
from api.query.lru import LRU
from api.query.masks import Mask

ANY = "*"
_NONE = np.iinfo(np.intc).max  # the rank of a page that matches no range
_CACHED = 64


def rank(tag: str | None, ranges: Sequence[str]) -> int | None:
    """The index of the first range ``tag`` matches (ranges as :func:`tag_key` spells
    them), or None."""
    if tag is None:
        return None
    key = tag_key(tag)
    for index, wanted in enumerate(ranges):
        if wanted == ANY or key == wanted or key.startswith(wanted + "-"):
            return index
    return None


class LanguageSelector:
    """Masks over documents for language queries; ``groups`` (one translation group id per
    document, made on first use) is needed only with fallback."""

    def __init__(
        self, langs: Sequence[str | None], groups: Callable[[], Sequence[int]] | None = None
    ) -> None:
        self._keys = [None if lang is None else tag_key(lang) for lang in langs]
        self._groups_of = groups
        self._groups: np.ndarray | None = None
        self._masks: LRU[Mask] = LRU(_CACHED)

    def mask(self, ranges: tuple[str, ...], fallback: bool) -> Mask:
        """The documents a ``lang`` query keeps."""
        key = (ranges, fallback)
        cached = self._masks.get(key)
        if cached is not None:
            return cached
        ranks = np.fromiter(
            (_NONE if (r := rank(k, ranges)) is None else r for k in self._keys),
            dtype=np.intc,
            count=len(self._keys),
        )
        matched = ranks != _NONE
        if fallback:
            groups = self._group_ids()
            best = np.full(len(self._keys), _NONE, dtype=np.intc)
            np.minimum.at(best, groups, ranks)
            matched &= ranks == best[groups]
        matched.setflags(write=False)
        return self._masks.put(key, matched)

    def _group_ids(self) -> np.ndarray:
        if self._groups is None:
            found = self._groups_of() if self._groups_of is not None else None
            size = len(self._keys)
            self._groups = (
                np.arange(size, dtype=np.intc)
                if found is None
                else np.asarray(found, dtype=np.intc)
            )
        return self._groups
