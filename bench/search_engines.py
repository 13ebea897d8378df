"""The search engines considered, on the same pages: ``python -m bench.search_engines [N]``.

Pages as ``bench/scale.py`` generates them (a title, a heading, two paragraphs of words with
Zipf's law), in memory. For each engine: the build time (CPU), the index size, and the
median time (CPU) of the ranked top 20 for two common words (the 20 most frequent words of
the corpus, in pairs, every word required) and for one rare word, without snippets. The
candidates:

- ``fts5``: SQLite FTS5 with BM25 (title 10, headings 5, body 1), as search was;
- ``fts5_tiered``: FTS5 with a first tier holding titles and headings only, the full table
  asked only when the tier has fewer than k matches (not exact: a page whose words are only
  in its body can never outrank one of the tier);
- ``bm25s``: BM25 as a sparse matrix of precomputed scores (numpy), fields weighted by
  repeating them; it has no required words, phrases or positions, so the top 20 of the
  query's words is taken and the pages without one of them dropped (not exact either);
- ``tantivy``: the engine's own conjunction of the words over the weighted fields;
- ``chosen``: :class:`SearchIndex` (tantivy, with impact-ordered lists for common words).

bm25s is an optional candidate: it is measured when installed.
"""

from __future__ import annotations

import collections
import importlib.util
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

from api.query import SearchEntry, SearchIndex
from bench.scale import text

Page = tuple[str, str, str]
K = 20


def pages(count: int, seed: int = 7) -> list[Page]:
    rng = random.Random(seed)
    found = []
    for i in range(count):
        words = text(rng, 120)
        title = " ".join(word.capitalize() for word in text(rng, 4)) + f" {i}"
        heading = " ".join(text(rng, 2)).capitalize()
        body = " ".join(words[:60]) + f" marker{i}. " + " ".join(words[60:]) + "."
        found.append((title, heading, body))
    return found


def common_words(corpus: list[Page], n: int = 20) -> list[str]:
    counts: collections.Counter[str] = collections.Counter()
    for title, heading, body in corpus:
        counts.update(f"{title} {heading} {body}".lower().replace(".", " ").split())
    return [word for word, _ in counts.most_common(n)]


def cpu_ms(action: Callable[[Any], object], inputs: Iterable[Any]) -> float:
    times = []
    for value in inputs:
        started = time.process_time()
        action(value)
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def fts5(corpus: list[Page], tiered: bool) -> tuple[Callable[[str], object], float, int]:
    started = time.process_time()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE words USING fts5(title, headings, body)")
    db.executemany("INSERT INTO words VALUES (?, ?, ?)", corpus)
    db.execute("INSERT INTO words(words) VALUES ('optimize')")
    if tiered:
        db.execute("CREATE VIRTUAL TABLE tier USING fts5(title, headings)")
        db.executemany("INSERT INTO tier VALUES (?, ?)", [(t, h) for t, h, _ in corpus])
        db.execute("INSERT INTO tier(tier) VALUES ('optimize')")
    built = time.process_time() - started
    size = db.execute("PRAGMA page_count").fetchone()[0] * 4096

    def search(q: str) -> object:
        match = " AND ".join(f'"{word}"' for word in q.split())
        if tiered:
            rows = db.execute(
                "SELECT rowid FROM tier WHERE tier MATCH ? ORDER BY bm25(tier, 10.0, 5.0) LIMIT ?",
                (match, K),
            ).fetchall()
            if len(rows) == K:
                return rows
        return db.execute(
            "SELECT rowid FROM words WHERE words MATCH ? ORDER BY bm25(words, 10.0, 5.0, 1.0)"
            " LIMIT ?",
            (match, K),
        ).fetchall()

    return search, built, size


def bm25s_engine(corpus: list[Page]) -> tuple[Callable[[str], object], float, int]:
    import bm25s  # an optional candidate

    started = time.process_time()
    texts = [f"{(t + ' ') * 10}{(h + ' ') * 5}{b}" for t, h, b in corpus]
    tokens = bm25s.tokenize(texts, stopwords=None, show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    built = time.process_time() - started
    sets = [set(body.lower().split()) | set(t.lower().split()) for t, _, body in corpus]
    size = sum(array.nbytes for array in retriever.scores.values() if hasattr(array, "nbytes"))

    def search(q: str) -> object:
        query = bm25s.tokenize([q], stopwords=None, show_progress=False)
        found, _ = retriever.retrieve(query, k=K * 5, show_progress=False)
        words = q.split()
        return [doc for doc in found[0] if all(word in sets[doc] for word in words)][:K]

    return search, built, size


def tantivy_engines(
    corpus: list[Page],
) -> tuple[tuple[Callable[[str], object], Callable[[str], object]], float, int]:
    started = time.process_time()
    entries = (SearchEntry(str(i), None, *page, "/", i, "en") for i, page in enumerate(corpus))
    index = SearchIndex.build(entries)
    built = time.process_time() - started
    plain = index.without_impact_lists()
    return (
        (lambda q: plain.ranked(q, K), lambda q: index.ranked(q, K)),
        built,
        index.database_bytes(),
    )


def run(count: int = 100_000) -> dict[str, dict[str, float]]:
    corpus = pages(count)
    top = common_words(corpus)
    pairs = [f"{a} {b}" for i, a in enumerate(top) for b in top[i + 1 :]]
    rare = [f"marker{i}" for i in range(0, count, max(1, count // 100))]
    engines: dict[str, tuple[Callable[[str], object], float, int]] = {}
    engines["fts5"] = fts5(corpus, tiered=False)
    engines["fts5_tiered"] = fts5(corpus, tiered=True)
    if importlib.util.find_spec("bm25s") is not None:
        engines["bm25s"] = bm25s_engine(corpus)
    (plain, chosen), built, size = tantivy_engines(corpus)
    engines["tantivy"] = (plain, built, size)
    engines["chosen"] = (chosen, built, size)
    figures: dict[str, dict[str, float]] = {}
    for name, (search, built, size) in engines.items():
        figures[name] = {
            "build_cpu_s": round(built, 2),
            "size_mib": round(size / 2**20, 1),
            "common_pair_ms": round(cpu_ms(search, pairs), 3),
            "rare_ms": round(cpu_ms(search, rare), 3),
        }
        print(name, figures[name], flush=True)
    return figures


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
