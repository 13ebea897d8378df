"""Full-text search over one snapshot: tantivy (BM25), in memory, built once, then only read.

A term matching in the title weighs 10, in a heading 5, in the body 1; every term must
match; ``score`` is the engine's BM25 score (positive, higher is better). Ties keep the
default order. ``total`` counts every match exactly. Each page is analysed in its own
language (:mod:`api.query.searchlang`) and a query in each language it searches; words that
most pages have are ranked from impact-ordered lists (:mod:`api.query.searchtop`). Results
are cached per query (the index never changes).

See :mod:`api.query.searchdb` for the index and :mod:`api.query.fts` for what a query may
contain.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import tantivy

from api.content.model import Document
from api.query.errors import QueryError
from api.query.fts import Analysed, Term, analyse, parse_terms, term_query
from api.query.lru import LRU
from api.query.params import MAX_LIMIT
from api.query.searchdb import Entry, Files, Meta, Texts, build, clean, open_files, top
from api.query.searchlang import (
    analyzer_of,
    folding_analyzer,
    matches,
    normalize_range,
    normalize_tag,
    text_analyzer,
)
from api.query.searchsnippet import Generators, snippet
from api.query.searchtop import Common, Mask, build_common, packed
from api.query.text import search_text

_RESULTS = 1024
_MASKS = 64
_SEPARATOR = "\x1f"  # between the stored title, headings and body; never in indexed text

#: Characters of a page's text that search indexes. Snippets cost time that grows with the
#: text: a page of megabytes would take long for every new query that matches it. Real
#: pages are far shorter; the rest of a huge one is not found by search.
MAX_INDEXED = 200_000


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """One document as search sees it; ``headings`` and ``body`` as :func:`search_text`
    gives them. ``position`` (unique) is its index in the default order; ``lang`` its
    language tag (None: the site has none)."""

    id: str
    collection: str | None
    title: str
    headings: str
    body: str
    url: str
    position: int
    lang: str | None = None

    @classmethod
    def of(cls, doc: Document, position: int) -> SearchEntry:
        """A document's entry: its title, and the headings and text of its markdown source
        (after its ``description``, when it has one), the text cut at ``MAX_INDEXED``."""
        headings, body = search_text(doc.body[: MAX_INDEXED * 2])
        if doc.description:
            body = f"{doc.description} {body}"
        body = body[:MAX_INDEXED]
        title = doc.title or ""
        return cls(doc.id, doc.collection, title, headings, body, doc.url, position, doc.lang)


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str
    url: str
    collection: str | None
    snippet: str  # HTML: escaped text with matches in <mark>
    score: float  # positive; higher is better


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: tuple[SearchHit, ...]
    total: int  # every match, before limit and offset


EMPTY = SearchResult((), 0)


@dataclass(frozen=True, slots=True)
class SearchImage:
    """A built index as plain data (the engine's files, the pages' metadata and
    text, the impact lists): it crosses a process boundary, so the index can be built on
    another core, and it can be kept on disk."""

    files: Files
    meta: dict[int, Meta]
    texts: dict[int, bytes]
    common: Common


@dataclass(frozen=True, slots=True)
class _Part:
    """What one analyzer's pages answer: candidates ``(score, position)`` and a count."""

    analyzer: str
    terms: list[Analysed]
    ranked: list[tuple[float, int]]
    total: int
    generators: Generators = field(default_factory=dict)


class SearchIndex:
    def __init__(self, image: SearchImage, index: tantivy.Index | None = None) -> None:
        """Prefer :meth:`build` or :meth:`from_image`."""
        self._image = image
        self._index = index
        self._opening = threading.Lock()
        self._analyzers = {name: text_analyzer(name) for name in image.files.analyzers}
        self._folding = folding_analyzer()
        self._meta = image.meta
        size = max(image.meta, default=-1) + 1
        tags = [normalize_tag(m.lang) if m.lang else None for m in image.meta.values()]
        self._tags = sorted({tag for tag in tags if tag is not None})
        self._tag_ids = {tag: number for number, tag in enumerate(self._tags)}
        self._collections = np.full(size, -1, dtype=np.int32)
        self._langs = np.full(size, -1, dtype=np.int32)
        names: dict[str, int] = {}
        for position, meta in image.meta.items():
            if meta.collection is not None:
                self._collections[position] = names.setdefault(meta.collection, len(names))
            if meta.lang and (tag := normalize_tag(meta.lang)) is not None:
                self._langs[position] = self._tag_ids[tag]
        self._collection_ids = names
        self._results: LRU[SearchResult] = LRU(_RESULTS)
        self._masks: LRU[tuple[Mask, np.ndarray]] = LRU(_MASKS)

    @property
    def _engine(self) -> tantivy.Index:
        """The engine's index, opened on the first search: an index holds a thread of the
        engine's while it is open, and the snapshots a reload replaces are seldom searched."""
        index = self._index
        if index is None:
            with self._opening:
                if self._index is None:
                    self._index = open_files(self._image.files)
                index = self._index
        return index

    @property
    def _searcher(self) -> tantivy.Searcher:
        return self._engine.searcher()

    @property
    def _schema(self) -> tantivy.Schema:
        return self._engine.schema

    @classmethod
    def build(cls, entries: Iterable[SearchEntry]) -> SearchIndex:
        """Index ``entries`` (a generator is fine: each is read once)."""
        kept: list[tuple[Entry, Texts]] = []
        texts: dict[int, bytes] = {}
        for entry in entries:
            cleaned = clean(entry.title), clean(entry.headings), clean(entry.body)
            kept.append((entry, cleaned))
            texts[entry.position] = zlib.compress(_SEPARATOR.join(cleaned).encode(), 1)
        files, meta = build(kept)
        del kept
        index = open_files(files)
        searcher = index.searcher()
        schema = index.schema

        def query_of(analyzer: str, token: str) -> tantivy.Query:
            return term_query(schema, Analysed((token,)), analyzer)

        positions = max(meta, default=-1) + 1
        common = build_common(searcher, files.analyzers, positions, query_of)
        return cls(SearchImage(files, meta, texts, common), index)

    def image(self) -> SearchImage:
        return self._image

    @classmethod
    def from_image(cls, image: SearchImage) -> SearchIndex:
        """The index an :meth:`image` was taken of."""
        return cls(image)

    def __len__(self) -> int:
        return len(self._meta)

    def database_bytes(self) -> int:
        """The size of the engine's files: the bulk of the index's memory."""
        return sum(len(data) for data in self._image.files.files.values())

    def close(self) -> None:
        """Nothing to release beyond memory; kept for callers that close indexes."""

    def search(
        self,
        q: str,
        *,
        collections: Sequence[str] = (),
        langs: Sequence[str] = (),
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResult:
        """The hits for ``q`` in ``collections`` and ``langs`` (language tags; ``en`` also
        asks for ``en-US``), all when empty. No hits for ``q`` without a word in it;
        QueryError for ``q`` when it is too long or has too many terms (and for ``limit``
        or ``offset`` out of range)."""
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError("limit", f"must be from 1 to {MAX_LIMIT}, not {limit}")
        if offset < 0:
            raise QueryError("offset", f"must be 0 or more, not {offset}")
        terms = parse_terms(q)
        wanted = _names(collections)
        want_langs = tuple(sorted({r for r in map(normalize_range, _names(langs)) if r}))
        key = (terms, wanted, want_langs, bool(_names(langs)), limit, offset)
        cached = self._results.get(key)
        if cached is not None:
            return cached
        result = self._search(terms, wanted, want_langs, bool(_names(langs)), limit, offset)
        return self._results.put(key, result)

    def _search(
        self,
        terms: tuple[Term, ...],
        wanted: tuple[str, ...],
        langs: tuple[str, ...],
        lang_asked: bool,
        limit: int,
        offset: int,
    ) -> SearchResult:
        ranked, total = self._candidates(terms, wanted, langs, lang_asked, limit, offset)
        hits = [self._hit(score, position, part) for score, position, part in ranked]
        return SearchResult(tuple(hits), total)

    def ranked(self, q: str, limit: int) -> list[tuple[float, str]]:
        """The best ``(score, id)`` for ``q`` in every language, without snippets or cache:
        what ranking alone costs."""
        ranked, _ = self._candidates(parse_terms(q), (), (), False, limit, 0)
        return [(score, self._meta[position].id) for score, position, _ in ranked]

    def without_impact_lists(self) -> SearchIndex:
        """The same index ranking every query with the engine alone (for comparisons)."""
        empty = build_common(self._searcher, (), 0, lambda _a, _t: tantivy.Query.all_query())
        image = self._image
        return SearchIndex(SearchImage(image.files, image.meta, image.texts, empty), self._engine)

    def _candidates(
        self,
        terms: tuple[Term, ...],
        wanted: tuple[str, ...],
        langs: tuple[str, ...],
        lang_asked: bool,
        limit: int,
        offset: int,
    ) -> tuple[list[tuple[float, int, _Part]], int]:
        """The page of ``(score, position, part)`` asked for, best first, and the count."""
        if not terms or (lang_asked and not langs):
            return [], 0
        tags = [tag for tag in self._tags if matches(tag, langs)] if langs else []
        if langs and not tags:
            return [], 0
        collection_ids = [self._collection_ids[n] for n in wanted if n in self._collection_ids]
        if wanted and not collection_ids:
            return [], 0
        analyzers = sorted({analyzer_of(tag) for tag in tags}) if langs else list(self._analyzers)
        k = min(offset + limit, len(self._meta))
        parts: list[_Part] = []
        for analyzer in analyzers:
            analysed = [analyse(t, self._analyzers[analyzer], self._folding) for t in terms]
            if any(a is None for a in analysed):
                continue
            found = [a for a in analysed if a is not None]
            part = self._part(analyzer, found, wanted, tags, collection_ids, k)
            if part.total:
                parts.append(part)
        total = sum(part.total for part in parts)
        ranked = sorted(
            ((score, position, part) for part in parts for score, position in part.ranked),
            key=lambda item: (-item[0], item[1]),
        )[offset : offset + limit]
        return ranked, total

    def _part(
        self,
        analyzer: str,
        terms: list[Analysed],
        wanted: tuple[str, ...],
        tags: list[str],
        collection_ids: list[int],
        k: int,
    ) -> _Part:
        words = [term.word for term in terms]
        common = self._image.common
        rows = None
        if all(word is not None for word in words):
            rows = common.rows(analyzer, [w for w in words if w is not None])
        if rows is not None:
            mask, bits = self._mask(wanted, tags, collection_ids)
            total = common.count(rows, bits if mask is not None else None)
            ranked = common.top(rows, k, mask) if total else []
            return _Part(analyzer, terms, ranked, total)
        clauses = [(tantivy.Occur.Must, term_query(self._schema, t, analyzer)) for t in terms]
        if wanted:
            only = tantivy.Query.term_set_query(self._schema, "coll", list(wanted))
            clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(only, 0.0)))
        if tags:
            only = tantivy.Query.term_set_query(self._schema, "lang", tags)
            clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(only, 0.0)))
        query = tantivy.Query.boolean_query(clauses)
        ranked, total = top(self._searcher, query, k)
        return _Part(analyzer, terms, ranked, total)

    def _mask(
        self, wanted: tuple[str, ...], tags: list[str], collection_ids: list[int]
    ) -> tuple[Mask | None, np.ndarray]:
        if not wanted and not tags:
            return None, np.zeros(0, dtype=np.uint8)
        key = (wanted, tuple(tags))
        cached = self._masks.get(key)
        if cached is None:
            mask = np.ones(len(self._collections), dtype=np.bool_)
            if wanted:
                mask &= np.isin(self._collections, collection_ids)
            if tags:
                mask &= np.isin(self._langs, [self._tag_ids[tag] for tag in tags])
            cached = self._masks.put(key, (mask, packed(mask)))
        return cached

    def _hit(self, score: float, position: int, part: _Part) -> SearchHit:
        meta = self._meta[position]
        # Six significant digits: enough to order by, and stable in JSON.
        rounded = max(float(f"{score:.6g}"), 1e-9)
        return SearchHit(
            meta.id, meta.title, meta.url, meta.collection, self._snippet(position, part), rounded
        )

    def _snippet(self, position: int, part: _Part) -> str:
        texts = zlib.decompress(self._image.texts[position]).decode().split(_SEPARATOR)
        title, headings, body = texts
        return snippet(
            self._searcher,
            self._schema,
            (title, headings, body),
            part.analyzer,
            part.terms,
            part.generators,
            self._analyzers[part.analyzer],
        )


def _names(values: Sequence[str]) -> tuple[str, ...]:
    # One name is a name, not its letters.
    items = (values,) if isinstance(values, str) else tuple(values)
    return tuple(sorted({item for item in items if item}))
