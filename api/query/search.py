"""Full-text search over one snapshot: SQLite FTS5, in memory, from the standard library.

BM25 weighs a match in the title 10, in a heading 5, in the body 1; ``score`` is minus the
BM25 value, so it is positive and higher is better. Ties keep the default order. ``total``
counts every match. Results are cached per query (the index never changes).

The text of an index is built once (in any thread, typically a background one after start-up)
and then only read: its one connection is shared by the threads that search, one statement
at a time under a lock. See :mod:`api.query.searchdb` for the tables and
:mod:`api.query.fts` for what a query may contain.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from api.content.model import Document
from api.query.errors import QueryError
from api.query.fts import SearchPlan, any_of, parse_terms, plan, restricted
from api.query.lru import LRU
from api.query.params import MAX_LIMIT
from api.query.searchdb import PAD, Meta, connect, fill
from api.query.snippets import CLOSE, ELLIPSIS, OPEN, has_match, marked, scan_snippet
from api.query.text import search_text

_WEIGHTS = "10.0, 5.0, 1.0, 0.0"  # title, headings, body, collection token
_SNIPPET_TOKENS = 16
_TEXT_COLUMNS = (2, 1, 0)  # the snippet comes from the body, else a heading, else the title
_MAX_EXPANSION = 2_000  # trigrams a short term may stand for before it is scanned for instead
_RESULTS = 1024
_CONTAINS = "(instr(lower(title), ?) OR instr(lower(headings), ?) OR instr(lower(body), ?))"


#: Characters of a page's text that search indexes. SQLite's snippets cost time that grows
#: faster than the text: a page of megabytes would take seconds for every new query that
#: matches it. Real pages are far shorter; the rest of a huge one is not found by search.
MAX_INDEXED = 200_000


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """One document as search sees it; ``headings`` and ``body`` as :func:`search_text`
    gives them. ``position`` (unique) is its index in the default order."""

    id: str
    collection: str | None
    title: str
    headings: str
    body: str
    url: str
    position: int

    @classmethod
    def of(cls, doc: Document, position: int) -> SearchEntry:
        """A document's entry: its title, and the headings and text of its markdown source
        (after its ``description``, when it has one), the text cut at ``MAX_INDEXED``."""
        headings, body = search_text(doc.body[: MAX_INDEXED * 2])
        if doc.description:
            body = f"{doc.description} {body}"
        body = body[:MAX_INDEXED]
        return cls(doc.id, doc.collection, doc.title or "", headings, body, doc.url, position)


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
    """A built index as plain data: the SQLite database's bytes and the metadata beside it.
    It crosses a process boundary, so the index can be built on another core."""

    database: bytes
    meta: dict[int, Meta]
    tokens: dict[str, str]


class SearchIndex:
    def __init__(self, entries: Iterable[SearchEntry] = ()) -> None:
        """Prefer :meth:`build`, which says what it does."""
        self._connection = connect()
        try:
            self._meta, self._tokens = fill(self._connection, entries)
        except BaseException:
            self._connection.close()  # a half-built index is never used: free it now
            raise
        self._lock = threading.Lock()
        self._results: LRU[SearchResult] = LRU(_RESULTS)

    @classmethod
    def build(cls, entries: Iterable[SearchEntry]) -> SearchIndex:
        """Index ``entries`` (a generator is fine: each is read once)."""
        return cls(entries)

    def image(self) -> SearchImage:
        with self._lock:
            return SearchImage(self._connection.serialize(), self._meta, self._tokens)

    @classmethod
    def from_image(cls, image: SearchImage) -> SearchIndex:
        """The index an :meth:`image` was taken of."""
        index = cls.__new__(cls)
        index._connection = connect(image.database)
        index._meta, index._tokens = image.meta, image.tokens
        index._lock = threading.Lock()
        index._results = LRU(_RESULTS)
        return index

    def __len__(self) -> int:
        return len(self._meta)

    def database_bytes(self) -> int:
        """The size of the SQLite database: the bulk of the index's memory."""
        with self._lock:
            pages = self._connection.execute("PRAGMA page_count").fetchone()[0]
            size = self._connection.execute("PRAGMA page_size").fetchone()[0]
        return int(pages) * int(size)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def search(
        self, q: str, *, collections: Sequence[str] = (), limit: int = 20, offset: int = 0
    ) -> SearchResult:
        """The hits for ``q``. QueryError for ``q`` when it has nothing to search for, is too
        long or has too many terms (and for ``limit`` or ``offset`` out of range)."""
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError("limit", f"must be from 1 to {MAX_LIMIT}, not {limit}")
        if offset < 0:
            raise QueryError("offset", f"must be 0 or more, not {offset}")
        search_plan = plan(parse_terms(q))
        wanted = (collections,) if isinstance(collections, str) else tuple(sorted(set(collections)))
        key = (search_plan, wanted, limit, offset)
        cached = self._results.get(key)
        if cached is not None:
            return cached
        tokens = [self._tokens[name] for name in wanted if name in self._tokens]
        if wanted and not tokens:
            return EMPTY
        with self._lock:
            if search_plan.trigram:
                result = self._grams(search_plan, tokens, limit, offset)
            else:
                assert search_plan.match is not None  # a word plan always has one
                result = self._words(search_plan.match, tokens, limit, offset)
        return self._results.put(key, result)

    def _words(self, match: str, tokens: list[str], limit: int, offset: int) -> SearchResult:
        expression = restricted(match, tokens)
        ranked, total = self._ranked(
            "words", f"-bm25(words, {_WEIGHTS})", "words MATCH ?", [expression], limit, offset
        )
        snippets: dict[int, str] = {}
        if ranked:
            marks = ", ".join("?" * len(ranked))
            columns = ", ".join(
                f"snippet(words, {c}, '{OPEN}', '{CLOSE}', '{ELLIPSIS}', {_SNIPPET_TOKENS})"
                for c in _TEXT_COLUMNS
            )
            rows = self._connection.execute(
                f"SELECT rowid, {columns} FROM words WHERE words MATCH ? AND rowid IN ({marks})",
                [restricted(match, []), *(rowid for rowid, _ in ranked)],
            )
            snippets = {rowid: _best(texts) for rowid, *texts in rows}
        return self._result(ranked, total, snippets)

    def _grams(
        self, search: SearchPlan, tokens: list[str], limit: int, offset: int
    ) -> SearchResult:
        groups = [search.match] if search.match else []
        scanned: list[str] = []
        for term in search.short:
            trigrams = self._expand(term)
            if not trigrams:
                return EMPTY  # no text has it (every short substring begins a trigram)
            if len(trigrams) > _MAX_EXPANSION:
                scanned.append(term)
            else:
                groups.append(any_of(trigrams))
        where: list[str] = []
        args: list[object] = []
        for term in scanned:
            where.append(_CONTAINS)
            args += [term, term, term]
        if groups:
            where.insert(0, "grams MATCH ?")
            args.insert(0, restricted(" AND ".join(groups), tokens))
            table, score = "grams", f"-bm25(grams, {_WEIGHTS})"
            score_args: list[object] = []
        else:  # every term is short and common: a scan of the unspaced entries
            where.insert(0, "rowid IN (SELECT id FROM unspaced)")
            if tokens:
                where.append(f"coll IN ({', '.join('?' * len(tokens))})")
                args += tokens
            table, (score, score_args) = "grams_content", _scan_score(scanned)
        ranked, total = self._ranked(
            table, score, " AND ".join(where), args, limit, offset, score_args
        )
        snippets: dict[int, str] = {}
        if ranked:
            marks = ", ".join("?" * len(ranked))
            rows = self._connection.execute(
                f"SELECT rowid, body, headings, title FROM grams_content WHERE rowid IN ({marks})",
                [rowid for rowid, _ in ranked],
            )
            snippets = {rowid: _scan_best(texts, search.terms) for rowid, *texts in rows}
        return self._result(ranked, total, snippets)

    def _ranked(
        self,
        table: str,
        score: str,
        condition: str,
        args: list[object],
        limit: int,
        offset: int,
        score_args: Sequence[object] = (),
    ) -> tuple[list[tuple[int, float]], int]:
        ranked: list[tuple[int, float]] = self._connection.execute(
            f"SELECT rowid, {score} AS score FROM {table} WHERE {condition}"
            " ORDER BY score DESC, rowid LIMIT ? OFFSET ?",
            [*score_args, *args, limit, offset],
        ).fetchall()
        if len(ranked) < limit and (ranked or offset == 0):
            return ranked, offset + len(ranked)  # the last page: no need to count
        count = f"SELECT count(*) FROM {table} WHERE {condition}"
        total: int = self._connection.execute(count, args).fetchone()[0]
        return ranked, total

    def _expand(self, term: str) -> list[str]:
        rows = self._connection.execute(
            "SELECT term FROM grams_vocab WHERE term >= ? AND term < ? LIMIT ?",
            (term, term + "\U0010ffff", _MAX_EXPANSION + 1),
        )
        return [trigram for (trigram,) in rows]

    def _result(
        self, ranked: list[tuple[int, float]], total: int, snippets: dict[int, str]
    ) -> SearchResult:
        hits = []
        for rowid, score in ranked:
            meta: Meta = self._meta[rowid]
            # Six significant digits: enough to order by, and stable in JSON.
            rounded = max(float(f"{score:.6g}"), 1e-9)
            snippet = snippets.get(rowid, "")
            hits.append(SearchHit(meta.id, meta.title, meta.url, meta.collection, snippet, rounded))
        return SearchResult(tuple(hits), total)


def _scan_score(terms: list[str]) -> tuple[str, list[object]]:
    """Without BM25: where the terms occur, weighed as BM25 weighs the columns."""
    parts = []
    args: list[object] = []
    for term in terms:
        parts.append(
            "(instr(lower(title), ?) > 0) * 10.0 + (instr(lower(headings), ?) > 0) * 5.0"
            " + (instr(lower(body), ?) > 0) * 1.0"
        )
        args += [term, term, term]
    return "(" + " + ".join(parts) + ")", args


def _best(snippets: list[str]) -> str:
    for snippet in snippets:
        if has_match(snippet):
            return marked(snippet)
    return marked(snippets[0])


def _scan_best(texts: list[str], terms: tuple[str, ...]) -> str:
    texts = [text.removesuffix(PAD) for text in texts]
    lowered = [term.lower() for term in terms]
    for text in texts:
        folded = text.lower()
        if any(term in folded for term in lowered):
            return scan_snippet(text, terms)
    return scan_snippet(texts[0], terms)
