"""Sorting by fields: one rank per document and field, then stable sorts of positions.

Each field gets a dense rank per document (equal values, equal ranks; a missing value ranks
after every value) built once. A sort then is a few C-level ``sorted`` calls keyed on those
ranks, from the last sort key to the first: Python's sort is stable, so documents that tie on
every key keep the snapshot's default order. Missing values come last in both directions.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from api.query.columns import FieldIndex
from api.query.values import Kind, SortValue, sort_key

# The kinds in sort order; DAY repeats INSTANT and is left out.
_SORTED_KINDS = (Kind.NUMBER, Kind.INSTANT, Kind.STRING, Kind.BOOL)


@dataclass(slots=True)
class SortColumn:
    ranks: array[int]  # per position; the number of documents for a missing value
    distinct: int
    _descending: array[int] | None = field(default=None, repr=False)

    @classmethod
    def from_index(cls, index: FieldIndex) -> SortColumn:
        """Ranks read off a field index whose documents have one value each (no arrays):
        its columns are sorted already, so this is one pass and no sort."""
        if index.arrays:
            raise ValueError("an index with arrays needs SortColumn.build")
        size = index.size
        ranks = array("i", [size]) * size
        rank = -1
        for kind in _SORTED_KINDS:
            column = index.columns.get(kind)
            if column is None:
                continue
            keys, positions = column.keys, column.positions
            spelled = column.exact or keys
            previous: tuple[Any, Any] | None = None
            for at, position in enumerate(positions):
                key = (keys[at], spelled[at])
                if key != previous:
                    rank += 1
                    previous = key
                ranks[position] = rank
        return cls(ranks, rank + 1)

    @classmethod
    def build(cls, values: Iterable[Any], size: int) -> SortColumn:
        """Rank the value of each document, in position order; an array ranks by its first
        scalar."""
        keyed: list[tuple[SortValue, int]] = []
        for position, value in enumerate(values):
            key = sort_key(value)
            if key is not None:
                keyed.append((key, position))
        keyed.sort(key=itemgetter(0))
        ranks = array("i", [size]) * size
        rank = -1
        previous: SortValue | None = None
        for key, position in keyed:
            if key != previous:
                rank += 1
                previous = key
            ranks[position] = rank
        return cls(ranks, rank + 1)

    def keys(self, descending: bool) -> array[int]:
        """The ranks to sort on: reversed for a descending sort, missing still last."""
        if not descending:
            return self.ranks
        if self._descending is None:
            top = self.distinct - 1
            self._descending = array("i", [top - r if r <= top else r for r in self.ranks])
        return self._descending
