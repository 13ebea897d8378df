"""In-process figures for the query core at scale: ``python bench/query.py [N]``.

Generates N documents in memory (five collections, a country, dates, numbers, arrays, bodies
of a few paragraphs over a Zipf vocabulary), builds the indexes and reports:

- ``warm_collection``, ``first_list``, ``first_filter``: the one-off cost of a field's index
  and sort ranks, paid by the first query that needs them (or by ``QueryIndex.warm``);
- ``*_warm``: a query whose selection is cached (paging through a list, deep offsets included);
- ``*_cold``: a selection never seen before, over fields already indexed;
- searches by how common the word is (``common``: nearly every document matches;
  ``common_pair``: two of the 20 most frequent words), all cold, and ``search_warm``
  (cached); the build of the search index and its size.

Times are medians in milliseconds, by the clock and in CPU time. The HTTP-level benchmark
compares these paths with a page detail through the server.
"""

from __future__ import annotations

import gc
import itertools
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from api.content.model import Document, Kind
from api.query import (
    QueryIndex,
    SearchEntry,
    SearchIndex,
    core_resolver,
    parse_list_query,
)

COLLECTIONS = (("news", 35), ("events", 30), ("cases", 20), ("people", 10), ("countries", 5))
TAGS = tuple(f"tag-{i}" for i in range(60))
SEED = 20240501


def documents(n: int, rng: random.Random) -> list[Document]:
    """``n`` documents in a default order (by collection, then title)."""
    vocabulary = _vocabulary(rng, 30_000)
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    countries = [f"country-{i:03d}" for i in range(200)]
    country_weights = list(itertools.accumulate(1 / (rank + 1) ** 0.7 for rank in range(200)))
    names = [name for name, _ in COLLECTIONS]
    shares = [share for _, share in COLLECTIONS]
    start = datetime(1995, 1, 1, tzinfo=UTC)

    def words(k: int) -> str:
        return " ".join(rng.choices(vocabulary, cum_weights=weights, k=k))

    docs = []
    for i in range(n):
        collection = rng.choices(names, shares)[0]
        title = words(rng.randint(3, 7)).title()
        day = start + timedelta(days=rng.randint(0, 11_000), hours=rng.randint(0, 23))
        paragraphs = [words(rng.randint(40, 90)) + "." for _ in range(rng.randint(2, 5))]
        body = f"## {words(3).title()}\n\n" + "\n\n".join(paragraphs)
        data: dict[str, Any] = {
            "title": title,
            "layout": collection,
            "country": rng.choices(countries, cum_weights=country_weights)[0],
            "event_date": day.isoformat(),
            "year": day.year,
            "priority": rng.randint(1, 5),
            "rating": round(rng.random() * 5, 2),
            "tags": rng.sample(TAGS, rng.randint(1, 4)),
            "featured": rng.random() < 0.1,
        }
        slug = f"doc-{i}"
        docs.append(
            Document(
                id=f"{collection}/{slug}",
                kind=Kind.DOCUMENT,
                collection=collection,
                source_path=f"_{collection}/{slug}.md",
                inner_path=f"{slug}.md",
                url=f"/{collection}/{slug}/",
                slug=slug,
                title=title,
                description=None,
                published=True,
                order=None,
                date=day if collection == "news" else None,
                layout=collection,
                featured_image_path=None,
                data=data,
                body=body,
                body_line=8,
                content_hash=f"{i:032x}",
                output=True,
            )
        )
    docs.sort(key=lambda d: (names.index(d.collection or ""), (d.title or "").casefold()))
    return docs


def run(n: int = 100_000) -> dict[str, float]:
    """Generate ``n`` documents, build the indexes, print and return the figures."""
    rng = random.Random(SEED)
    figures: dict[str, float] = {}
    started = time.perf_counter()
    docs = documents(n, rng)
    figures["generate_s"] = time.perf_counter() - started
    gc.collect()
    rss_before = _rss_mib()

    index = QueryIndex(docs, core_resolver())
    figures["warm_collection_ms"] = _once(lambda: index.warm(["collection"]))
    figures["first_list_ms"] = _once(lambda: index.run(_list("events", "-event_date", 10_000)))
    figures["first_filter_ms"] = _once(lambda: index.run(_query("filter[country]=country-007")))
    _p50(
        figures,
        "list_warm",
        lambda offset: index.run(_list("events", "-event_date", offset)),
        range(10_000, 14_000, 20),
    )
    for sort in _SORTS:  # build the sort ranks, so that "cold" below means "not cached"
        index.run(_list("people", sort, 0))
    _p50(
        figures,
        "list_cold",
        lambda combo: index.run(_list(combo[0], combo[1], 1_000)),
        itertools.product(("news", "events", "cases", "countries"), _SORTS),
    )
    _p50(
        figures,
        "filter_cold",
        lambda i: index.run(_query(f"filter[country]=country-{i:03d}")),
        range(200),
    )
    _p50(
        figures,
        "filter_warm",
        lambda _: index.run(_query("filter[country]=country-007")),
        range(200),
    )
    _p50(
        figures,
        "filter_range_cold",
        lambda year: index.run(
            _query(
                f"collection=cases&filter[year][gte]={year}&filter[priority][lte]=2"
                "&filter[tags]=tag-3&sort=-rating"
            )
        ),
        range(1995, 2025),
    )
    gc.collect()
    figures["query_index_rss_mib"] = _rss_mib() - rss_before

    rss_before = _rss_mib()
    started, started_cpu = time.perf_counter(), time.process_time()
    search = SearchIndex.build(SearchEntry.of(d, position) for position, d in enumerate(docs))
    figures["search_build_s"] = time.perf_counter() - started  # text extraction included
    figures["search_build_cpu_s"] = time.process_time() - started_cpu
    gc.collect()
    figures["search_database_mib"] = search.database_bytes() / 2**20
    figures["search_rss_mib"] = _rss_mib() - rss_before

    words = _vocabulary(random.Random(SEED), 30_000)  # by frequency, most frequent first
    cases: dict[str, tuple[Callable[[Any], object], Iterable[Any]]] = {
        "rare": (lambda i: search.search(words[i]), range(3_000, 3_100)),
        "mid": (lambda i: search.search(words[i]), range(300, 400)),
        "two_words": (lambda i: search.search(f"{words[i]} {words[i + 2_000]}"), range(100, 200)),
        "phrase": (lambda i: search.search(f'"{words[i]} {words[i + 1]}"'), range(50, 100)),
        "prefix": (lambda i: search.search(words[i][:3] + "*"), range(500, 530)),
        "collection": (lambda i: search.search(words[i], collections=["cases"]), range(300, 400)),
        "common": (lambda i: search.search(words[i]), range(20)),
        "common_pair": (lambda pair: search.search(" ".join(pair)), _pairs(words[:20])),
    }
    for label, (action, inputs) in cases.items():
        _p50(figures, f"search_{label}_cold", action, inputs)
    _p50(figures, "search_warm", lambda _: search.search(words[400]), range(200))
    figures["rss_mib"] = _rss_mib()
    figures["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _print(n, figures)
    return figures


_SORTS = ("-event_date", "title", "-rating", "priority,-year")


def _pairs(words: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(words) for b in words[i + 1 :]]


def _list(collection: str, sort: str, offset: int) -> Any:
    return _query(f"collection={collection}&sort={sort}&offset={offset}&limit=20")


def _query(text: str) -> Any:
    pairs = [tuple(pair.split("=", 1)) for pair in text.split("&")]
    return parse_list_query([(key, value) for key, value in pairs])


def _once(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _p50(
    figures: dict[str, float], name: str, action: Callable[[Any], object], inputs: Iterable[Any]
) -> None:
    """The median time of ``action`` over ``inputs`` in milliseconds, by the clock and in CPU
    time (the second stays meaningful on a machine other processes keep busy)."""
    wall, cpu = [], []
    for value in inputs:
        started, started_cpu = time.perf_counter(), time.process_time()
        action(value)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    figures[f"{name}_ms"] = statistics.median(wall) * 1000
    figures[f"{name}_cpu_ms"] = statistics.median(cpu) * 1000


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    seen: dict[str, None] = {}
    accented = iter(("café", "côte", "naïve", "résumé", "señor", "über", "zürich", "ångström"))
    while len(seen) < size:
        if len(seen) % 997 == 500:
            word = next(accented, "")
            if word:
                seen.setdefault(word)
                continue
        word = "".join(rng.choice(letters) for _ in range(rng.randint(2, 11)))
        seen.setdefault(word)
    return list(seen)


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:  # noqa: PTH123
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _print(n: int, figures: dict[str, float]) -> None:
    print(f"query core, {n:,} documents, in process (p50: by the clock / in CPU time)")
    for name, value in figures.items():
        if name.endswith("_cpu_ms"):
            continue
        cpu = figures.get(name.removesuffix("_ms") + "_cpu_ms")
        also = f" / {cpu:9.3f}" if cpu is not None else ""
        print(f"  {name:28} {value:10.3f}{also}")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
