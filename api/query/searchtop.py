"""Ranked top-k for words that are everywhere, without scoring every page that has them.

The engine ranks a query of words by scoring every page that has all of them. For words
that most pages have, that is most of the site, for every query. So the most frequent
words of each analyzer (those in at least 1 page in :data:`COMMON_SHARE` and
:data:`MIN_PAGES` pages) get an impact-ordered list when the index is built: each page's
score for the word (the engine's own BM25 score over the weighted fields, so the ranking is
the same), and the pages in decreasing order of it.

A query of such words is answered by the threshold algorithm: read the lists from the top
in growing steps, score the pages seen (the sum of their scores for each word; a page
without one of the words is not a match), and stop as soon as the k-th best score is above
what a page not yet seen could reach (the sum of the scores at the current depth). The
count of matches is exact: the pages that have every word, by bit sets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import tantivy

COMMON_SHARE = 32  # a word in at least 1 page in 32...
MIN_PAGES = 2_000  # ...and in at least this many pages
MAX_WORDS = 64
BUDGET_BYTES = 64 * 2**20  # at most this much memory for the lists
_FIRST_DEPTH = 256

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int32]
Bits = npt.NDArray[np.uint8]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Common:
    """The impact lists of the common words, indexed by page position. Plain arrays, so
    that they cross processes with the rest of the index."""

    words: dict[tuple[str, str], int]  # (analyzer, token) -> row
    impacts: Floats  # rows x positions: the page's score for the word, 0 without it
    orders: tuple[Ints, ...]  # per row: the positions that have the word, best first
    bits: Bits  # rows x ceil(positions / 8): which pages have the word

    def rows(self, analyzer: str, tokens: Sequence[str]) -> list[int] | None:
        """The rows of ``tokens``, or None when one of them is not common."""
        rows = [self.words.get((analyzer, token)) for token in tokens]
        return None if any(row is None for row in rows) else [r for r in rows if r is not None]

    def count(self, rows: list[int], mask: Bits | None) -> int:
        """How many pages have every word (and are in ``mask``, packed bits)."""
        packed = np.bitwise_and.reduce(self.bits[rows], axis=0)
        if mask is not None:
            packed &= mask
        return int(np.bitwise_count(packed).sum())

    def top(self, rows: list[int], k: int, mask: Mask | None) -> list[tuple[float, int]]:
        """The ``k`` best ``(score, position)`` among pages with every word (and in
        ``mask``), best first, ties by position."""
        orders = [self.orders[row] for row in rows]
        impacts = [self.impacts[row] for row in rows]
        best_scores = np.zeros(0, dtype=np.float32)
        best_at = np.zeros(0, dtype=np.int32)
        start, depth = 0, max(_FIRST_DEPTH, 2 * k)
        while True:
            seen = np.concatenate([order[start:depth] for order in orders])
            scores = impacts[0][seen]
            found = scores > 0
            for impact in impacts[1:]:
                more = impact[seen]
                found &= more > 0
                scores = scores + more
            if mask is not None:
                found &= mask[seen]
            if len(best_scores) >= k:  # only what can displace the k-th best is kept
                found &= scores >= best_scores[-1]
            at = np.concatenate([best_at, seen[found]])
            scores = np.concatenate([best_scores, scores[found]])
            at, first = np.unique(at, return_index=True)  # a page seen in several lists
            scores = scores[first]
            keep = np.lexsort((at, -scores))[:k]
            best_scores, best_at = scores[keep], at[keep]
            if any(depth >= len(order) for order in orders):
                break  # every page with that word is seen: so is every match
            if len(best_scores) == k and best_scores[-1] > _bound(impacts, orders, depth):
                break
            start, depth = depth, depth * 2
        return [(float(score), int(at)) for score, at in zip(best_scores, best_at, strict=True)]


def _bound(impacts: list[Floats], orders: list[Ints], depth: int) -> float:
    """The best score a page not among the first ``depth`` of any list can have."""
    exact = sum(
        float(impact[order[depth - 1]]) for impact, order in zip(impacts, orders, strict=True)
    )
    return exact * (1 + 1e-6)  # above what float32 sums of these can round up to


def build_common(
    searcher: tantivy.Searcher,
    analyzers: Sequence[str],
    positions: int,
    query_of: Callable[[str, str], tantivy.Query],
) -> Common:
    """The impact lists of the common words of ``analyzers``' bodies, over ``positions``
    page positions. ``query_of(analyzer, token)`` is the query the engine runs for the
    word, so each list holds exactly the scores the engine gives."""
    floor = max(MIN_PAGES, searcher.num_docs // COMMON_SHARE)
    limit = min(MAX_WORDS, BUDGET_BYTES // max(1, 9 * positions))
    frequent: list[tuple[int, str, str]] = []
    for analyzer in analyzers:
        for token, pages in searcher.terms_with_prefix(f"body_{analyzer}", ""):
            if pages >= floor:
                frequent.append((pages, analyzer, token))
    frequent.sort(key=lambda item: (-item[0], item[1], item[2]))
    chosen = frequent[:limit]
    impacts = np.zeros((len(chosen), positions), dtype=np.float32)
    orders: list[Ints] = []
    words: dict[tuple[str, str], int] = {}
    for row, (_, analyzer, token) in enumerate(chosen):
        hits = searcher.search(query_of(analyzer, token), searcher.num_docs, count=False).hits
        where = searcher.fast_field_values("position", [address for _, address in hits])
        at = np.asarray(where, dtype=np.int64)
        scores = np.asarray([score for score, _ in hits], dtype=np.float32)
        impacts[row, at] = scores
        orders.append(at[np.lexsort((at, -scores))].astype(np.int32))
        words[(analyzer, token)] = row
    bits = np.packbits(impacts > 0, axis=1) if chosen else np.zeros((0, 0), dtype=np.uint8)
    return Common(words, impacts, tuple(orders), bits)


def packed(mask: Mask) -> Bits:
    """A mask as the bit sets :meth:`Common.count` takes."""
    return np.packbits(mask)
