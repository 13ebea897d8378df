"""The filter index of one field: its values sorted per kind, so any operator is a bisect.

Each kind holds a sorted list of keys and, parallel to it, the positions (indexes into the
snapshot's default order) of the documents with that key. Equal keys keep their positions
ascending, so the documents equal to one value come out already in the default order and a
page of them is a slice. Text is sorted case-insensitively (casefold), then by code point,
which is also how it sorts; equality stays exact.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from api.query.params import Op
from api.query.values import Kind, data_keys, date_keys, is_present

Span = tuple[int, int]  # a half-open range of indexes into a column
TEXT_KINDS = frozenset({Kind.STRING, Kind.ELEMENT})


@dataclass(slots=True)
class Column:
    keys: list[Any]  # sorted; casefolded for text
    positions: array[int]  # parallel to keys
    exact: list[str] | None = None  # text only: the spelling, sorted within equal keys
    _runs: tuple[str, list[int], list[int]] | None = field(default=None, repr=False)

    def bounds(self, key: Any) -> Span:
        """Where the keys equal to ``key`` are (text: equal ignoring case). A tuple key is
        a half-open range ``(low, high)`` of keys, as a query day, month or year is."""
        if isinstance(key, tuple):
            low, high = key
            return bisect_left(self.keys, low), bisect_left(self.keys, high)
        if self.exact is not None:
            key = key.casefold()
        return bisect_left(self.keys, key), bisect_right(self.keys, key)

    def span(self, op: Op, key: Any) -> Span:
        """The entries for a comparison operator (``eq`` on text is exact: see :meth:`equal`)."""
        if op is Op.EQ and self.exact is not None:
            return self.equal(key)
        low, high = self.bounds(key)
        if op is Op.GT:
            return high, len(self.keys)
        if op is Op.GTE:
            return low, len(self.keys)
        if op is Op.LT:
            return 0, low
        if op is Op.LTE:
            return 0, high
        return low, high

    def equal(self, key: Any) -> Span:
        low, high = self.bounds(key)
        if self.exact is None:
            return low, high
        return bisect_left(self.exact, key, low, high), bisect_right(self.exact, key, low, high)

    def substring(self, needle: str) -> list[Span]:
        """The entries whose text contains ``needle``, ignoring case.

        The distinct values are joined into one string once, so the scan is ``str.find``
        in C rather than a Python loop over every value."""
        needle = needle.casefold()
        if not needle:
            return [(0, len(self.keys))]
        if "\0" in needle:
            return []
        blob, offsets, starts = self._distinct()
        spans: list[Span] = []
        at = blob.find(needle)
        while at >= 0:
            run = bisect_right(offsets, at) - 1
            spans.append((starts[run], starts[run + 1]))
            at = blob.find(needle, offsets[run + 1]) if run + 1 < len(offsets) else -1
        return spans

    def _distinct(self) -> tuple[str, list[int], list[int]]:
        if self._runs is None:
            values: list[str] = []
            offsets: list[int] = []
            starts: list[int] = []
            at = 0
            previous: str | None = None
            for index, key in enumerate(self.keys):
                if key != previous:
                    values.append(key)
                    offsets.append(at)
                    starts.append(index)
                    at += len(key) + 1
                    previous = key
            starts.append(len(self.keys))
            self._runs = ("\0".join(values), offsets, starts)
        return self._runs


@dataclass(frozen=True, slots=True)
class FieldIndex:
    size: int  # documents in the snapshot
    present: array[int]  # ascending positions of the documents that have a value (not null)
    columns: dict[Kind, Column]
    arrays: bool = False  # whether any value is an array (else each document has one key)

    @classmethod
    def empty(cls, size: int) -> FieldIndex:
        return cls(size, array("i"), {})

    @classmethod
    def build(cls, values: Iterable[Any], size: int) -> FieldIndex:
        """Index the value of each document, in position order."""
        present = array("i")
        entries: dict[Kind, tuple[list[Any], list[int]]] = {kind: ([], []) for kind in Kind}
        texts, text_positions = entries[Kind.STRING]
        numbers, number_positions = entries[Kind.NUMBER]
        instants, instant_positions = entries[Kind.INSTANT]
        days, day_positions = entries[Kind.DAY]
        arrays = False
        for position, value in enumerate(values):
            # The scalar kinds inline (this loop runs once per document); arrays, objects
            # and date objects through ``data_keys``.
            kind = type(value)
            if kind is str:
                dated = date_keys(value) if value[4:5] == "-" else None
                if dated is None:
                    texts.append(value)
                    text_positions.append(position)
                else:
                    instants.append(dated[0])
                    instant_positions.append(position)
                    days.append(dated[1])
                    day_positions.append(position)
            elif (kind is int or kind is float) and value == value:  # NaN is no number
                numbers.append(value)
                number_positions.append(position)
            elif not is_present(value):
                continue
            else:
                arrays = arrays or isinstance(value, list | tuple)
                for key_kind, key in data_keys(value):
                    keys, positions = entries[key_kind]
                    keys.append(key)
                    positions.append(position)
            present.append(position)
        columns = {
            kind: _column(kind, keys, positions)
            for kind, (keys, positions) in entries.items()
            if keys
        }
        return cls(size, present, columns, arrays)


def _column(kind: Kind, keys: list[Any], positions: list[int]) -> Column:
    # Stable sorts of indexes, keyed in C: equal keys keep their positions ascending.
    order = sorted(range(len(keys)), key=keys.__getitem__)
    exact: list[str] | None = None
    if kind in TEXT_KINDS:
        folds: dict[str, str] = {}  # one folded string per distinct text, not one per document
        folded = [folds.get(text) or folds.setdefault(text, _fold(text)) for text in keys]
        if any(fold is not text for text, fold in folds.items()):
            order.sort(key=folded.__getitem__)  # by folded text, then spelling, then position
        exact = [keys[i] for i in order]
        keys = folded
    return Column([keys[i] for i in order], array("i", [positions[i] for i in order]), exact)


def _fold(text: str) -> str:
    folded = text.casefold()
    return text if folded == text else folded
