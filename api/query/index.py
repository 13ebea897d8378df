"""Running list queries over one snapshot's documents.

Nothing is indexed up front. The first query on a field builds that field's index (or its
sort ranks) with one pass over the documents and keeps it; the ordered positions a
selection (collections, filters, timeline flag, sort) yields are kept too, in a bounded LRU,
so paging through a list, however deep, costs a slice. All state is built from immutable
documents and only ever added to, so an index can serve many threads at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any, cast

import numpy as np

from api.content.model import Document
from api.query.columns import FieldIndex
from api.query.fields import CORE_FIELDS, FieldResolver, data_path, generic_path, known_paths
from api.query.filters import select
from api.query.languages import LanguageSelector
from api.query.lru import LRU
from api.query.masks import Mask, Positions, mask_of, ordered, permutation, view
from api.query.params import Filter, ListQuery, Op, SortKey
from api.query.sorting import SortColumn

_FIELD_INDEXES = 128
_SELECTIONS = 512
_SELECTION_BUDGET = 8_000_000  # positions kept across cached selections (4 bytes each)
_ORDERS = 32  # sort permutations kept (4 bytes per document each)


@dataclass(frozen=True, slots=True)
class QueryResult:
    ids: tuple[str, ...]  # the page, in order
    positions: tuple[int, ...]  # the same documents as indexes into the documents given
    total: int  # every document the query selects, before ``limit`` and ``offset``


class QueryIndex:
    """Answers :class:`ListQuery` objects for one immutable sequence of documents.

    ``documents`` are in the snapshot's default order, which is also the order of ties and
    of an unsorted list. ``resolve`` maps a field name to a document's value; it is called
    with core names, with the names in ``fields`` and with ``data.PATH`` for front matter.
    ``fields`` lists the names ``resolve`` answers besides front matter: a name outside it
    whose first part is no front-matter key of any document is known to match nothing
    without a pass over the documents. ``timelines`` holds the ids of documents that embed
    a timeline, for ``has_timeline``. ``groups`` gives each document's translation group
    (see :mod:`api.query.languages`), asked for on the first ``lang`` query with fallback.
    """

    def __init__(
        self,
        documents: Sequence[Document],
        resolve: FieldResolver,
        timelines: frozenset[str] = frozenset(),
        *,
        fields: frozenset[str] = CORE_FIELDS,
        groups: Callable[[], Sequence[int]] | None = None,
    ) -> None:
        self._documents = documents
        self._groups = groups
        self._languages: LanguageSelector | None = None
        self._resolve = resolve
        self._timelines = timelines
        self._fields = fields
        self._size = len(documents)
        self._data_keys: frozenset[str] | None = None  # top-level front-matter keys
        self._paths: frozenset[str] | None = None  # every nested path, when one is asked
        self._timeline_positions: Mask | None = None
        self._field_indexes: LRU[FieldIndex] = LRU(_FIELD_INDEXES)
        self._sort_columns: LRU[SortColumn] = LRU(_FIELD_INDEXES)
        self._selections: LRU[Positions] = LRU(_SELECTIONS, _SELECTION_BUDGET, len)
        self._orders: LRU[Positions] = LRU(_ORDERS)
        self._ranks: LRU[Positions] = LRU(_ORDERS)
        self._positions: dict[str, int] | None = None
        self._build = threading.Lock()  # one pass over the documents at a time, never two

    def __len__(self) -> int:
        return self._size

    def run(self, query: ListQuery) -> QueryResult:
        """The page ``query`` asks for. Raises QueryError when a filter value cannot be
        typed against the field's data (see :mod:`api.query.filters`)."""
        selected = self._selected(query)
        page = selected[query.offset : query.offset + query.limit].tolist()
        documents = self._documents
        return QueryResult(
            ids=tuple(documents[position].id for position in page),
            positions=tuple(page),
            total=len(selected),
        )

    def warm(self, fields: Iterable[str]) -> None:
        """Build the filter index and sort ranks of ``fields`` now rather than on the first
        query that needs them (a pass over the documents each: a fraction of a second at
        100,000 documents), say in a background thread after start-up."""
        for field in fields:
            self._sort_column(field)  # builds the field index on the way

    def ranks(self, sort: tuple[SortKey, ...]) -> Positions:
        """Each document's place in the order ``sort`` gives (ties in default order): to
        order any few documents the way a list sorted so would, without sorting them."""
        cached = self._ranks.get(sort)
        if cached is None:
            order = self._order(sort)
            ranks = np.empty(self._size, dtype=np.intc)
            ranks[order] = np.arange(self._size, dtype=np.intc)
            ranks.setflags(write=False)
            cached = self._ranks.put(sort, ranks)
        return cached

    def position(self, doc_id: str) -> int | None:
        """Where a document is among this index's documents (None: it is not one)."""
        if self._positions is None:
            self._positions = {doc.id: i for i, doc in enumerate(self._documents)}
        return self._positions.get(doc_id)

    def select(self, query: ListQuery) -> Sequence[int]:
        """Every position ``query`` selects, in order (pagination ignored); read-only."""
        selected = self._selected(query)
        return cast("Sequence[int]", selected)

    def _selected(self, query: ListQuery) -> Positions:
        key = query.selection
        cached = self._selections.get(key)
        if cached is not None:
            return cached
        mask = self._match(query)
        order = self._order(query.sort) if query.sort else None
        selected = ordered(mask, order, self._size)
        selected.setflags(write=False)
        return self._selections.put(key, selected)

    def _order(self, sort: tuple[SortKey, ...]) -> Positions:
        """The permutation of the documents for a sort, computed once per sort."""
        cached = self._orders.get(sort)
        if cached is None:
            ranks = [self._sort_column(k.field).keys(k.descending) for k in sort]
            cached = self._orders.put(sort, permutation(ranks))
        return cached

    def _field_index(self, field: str) -> FieldIndex:
        canonical = self._canonical(field)
        if canonical is None:
            return FieldIndex.empty(self._size)
        cached = self._field_indexes.get(canonical)
        if cached is not None:
            return cached
        with self._build:
            cached = self._field_indexes.get(canonical)
            if cached is None:
                built = FieldIndex.build(self._values(canonical), self._size)
                cached = self._field_indexes.put(canonical, built)
        return cached

    def _sort_column(self, field: str) -> SortColumn:
        canonical = self._canonical(field)
        key = canonical if canonical is not None else "\0missing"
        cached = self._sort_columns.get(key)
        if cached is not None:
            return cached
        index = self._field_index(field)
        with self._build:
            cached = self._sort_columns.get(key)
            if cached is None:
                if index.arrays and canonical is not None:
                    built = SortColumn.build(self._values(canonical), self._size)
                else:
                    built = SortColumn.from_index(index)
                cached = self._sort_columns.put(key, built)
        return cached

    def _match(self, query: ListQuery) -> Mask | None:
        """The documents ``query`` keeps, as a mask (None: every document)."""
        masks: list[Mask] = []
        if query.collections:
            by_collection = Filter("collection", Op.EQ, query.collections, "collection")
            masks.append(select(self._field_index("collection"), by_collection))
        if query.has_timeline is not None:
            with_timeline = self._timeline_mask()
            masks.append(with_timeline if query.has_timeline else ~with_timeline)
        if query.langs:
            masks.append(self._language_selector().mask(query.langs, query.lang_fallback))
        for flt in query.filters:
            masks.append(select(self._field_index(flt.field), flt))
        if not masks:
            return None
        combined = masks[0]
        for other in masks[1:]:
            combined = combined & other
        return combined

    def _language_selector(self) -> LanguageSelector:
        if self._languages is None:
            with self._build:
                if self._languages is None:
                    langs = [doc.lang for doc in self._documents]
                    self._languages = LanguageSelector(langs, self._groups)
        return self._languages

    def _timeline_mask(self) -> Mask:
        if self._timeline_positions is None:
            timelines = self._timelines
            found = [i for i, doc in enumerate(self._documents) if doc.id in timelines]
            self._timeline_positions = mask_of(self._size, view(found))
        return self._timeline_positions

    def _canonical(self, field: str) -> str | None:
        """The name to resolve and cache ``field`` under, or None when no document can
        have it, so that an unknown name costs no pass over the documents (and no cache
        entry), whatever a client sends."""
        if field in self._fields:
            return field
        path = data_path(field)
        if self._data_keys is None:
            keys: set[str] = set()
            for doc in self._documents:
                keys.update(doc.data)
            self._data_keys = frozenset(keys)
        if path[0] not in self._data_keys:
            return None
        if len(path) > 1:
            if self._paths is None:
                self._paths = known_paths(self._documents)
            if generic_path(path) not in self._paths:
                return None
        return "data." + ".".join(path)

    def _values(self, field: str) -> Iterator[Any]:
        """Each document's value of ``field``, in position order (``map`` runs in C)."""
        return map(self._resolve, self._documents, repeat(field))
