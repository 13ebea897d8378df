from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest

from api.content.model import Document
from api.content.snapshot import Snapshot
from api.query import ListQuery, QueryIndex, SortKey, core_resolver, parse_list_query
from api.query.lru import LRU
from tests.query.helpers import doc, index_of, names, pairs

DOCS = [doc(f"d{i:02d}", "even" if i % 2 == 0 else "odd", n=i % 5) for i in range(30)]


@pytest.fixture(scope="module")
def index() -> QueryIndex:
    return index_of(DOCS, timelines=frozenset({"even/d00", "odd/d03", "odd/d29"}))


def run(index: QueryIndex, query: str) -> tuple[list[str], int]:
    result = index.run(parse_list_query(pairs(query)))
    return list(result.ids), result.total


def test_limit_offset_and_total(index: QueryIndex) -> None:
    assert run(index, "limit=3") == (["even/d00", "odd/d01", "even/d02"], 30)
    assert run(index, "limit=2&offset=28") == (["even/d28", "odd/d29"], 30)
    assert run(index, "limit=5&offset=29") == (["odd/d29"], 30)
    assert run(index, "offset=30") == ([], 30)
    assert run(index, "offset=1000000") == ([], 30)
    assert len(run(index, "")[0]) == 20


def test_pages_tile_the_selection(index: QueryIndex) -> None:
    pages = [run(index, f"collection=odd&sort=-n&limit=4&offset={o}")[0] for o in (0, 4, 8, 12)]
    whole = run(index, "collection=odd&sort=-n&limit=100")[0]
    assert [item for page in pages for item in page] == whole
    assert len(whole) == 15


def test_positions_index_the_documents(index: QueryIndex) -> None:
    result = index.run(parse_list_query(pairs("collection=odd&limit=3&offset=1")))
    assert result.positions == (3, 5, 7)
    assert [DOCS[p].id for p in result.positions] == list(result.ids)


def test_has_timeline(index: QueryIndex) -> None:
    assert names(index, "has_timeline=true") == ["d00", "d03", "d29"]
    assert len(names(index, "has_timeline=false")) == 27
    assert names(index, "has_timeline=true&collection=odd") == ["d03", "d29"]
    assert names(index, "filter[has_timeline]=true&collection=odd") == ["d03", "d29"]


def test_repeated_queries_come_from_the_cache(index: QueryIndex) -> None:
    query = ListQuery(collections=("even",), sort=(SortKey("n", descending=True),))
    first = index.select(query)
    assert first is index.select(replace(query, offset=7, limit=3))
    with pytest.raises(ValueError, match="read-only"):
        first[0] = 1  # type: ignore[index]


def test_empty_snapshot() -> None:
    empty = index_of([])
    assert run(empty, "sort=title&filter[x]=1") == ([], 0)
    assert run(empty, "filter[x][exists]=false") == ([], 0)


def test_warm_builds_ahead() -> None:
    calls: list[str] = []
    resolve = core_resolver()

    def counting(document: Document, field: str) -> Any:
        calls.append(field)
        return resolve(document, field)

    index = QueryIndex(DOCS, counting)
    index.warm(["n", "collection", "nope"])
    assert sorted(set(calls)) == ["collection", "data.n"]
    calls.clear()
    assert names(index, "sort=-n&collection=odd&filter[n][gt]=2")[:4] == [
        "d09",
        "d19",
        "d29",
        "d03",
    ]
    assert calls == []


def test_many_threads_agree() -> None:
    docs = [doc(f"t{i:03d}", n=i % 7, s=str(i)) for i in range(300)]
    shared = index_of(docs)
    queries = ["sort=-n,s", "filter[n][gte]=3&sort=s", "filter[s][contains]=1", "sort=n"]
    expected = {query: run(index_of(docs), query) for query in queries}
    failures: list[str] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        for query in queries * 5:
            if run(shared, query) != expected[query]:
                failures.append(query)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_lru_bounds_entries_and_size() -> None:
    cache: LRU[list[int]] = LRU(entries=3, budget=10, size=len)
    for key in "abc":
        cache.put(key, [1])
    assert cache.get("a") == [1]
    cache.put("d", [1])  # evicts b, the least recently used
    assert cache.get("b") is None
    assert len(cache) == 3
    cache.put("e", [1] * 9)  # over budget: evicts until it fits
    assert cache.get("e") is not None
    assert len(cache) == 2
    assert cache.put("e", [2]) == [1] * 9  # the first stored wins
    cache.put("huge", [0] * 50)  # larger than the budget: kept alone
    assert cache.get("huge") is not None
    assert len(cache) == 1


@pytest.mark.corpus
def test_corpus_pagination(corpus_index: QueryIndex, snapshot: Snapshot) -> None:
    events = [d.id for d in snapshot.documents if d.collection == "cases-events"]
    seen: list[str] = []
    for offset in range(0, len(events) + 100, 100):
        result = corpus_index.run(
            parse_list_query(pairs(f"collection=cases-events&limit=100&offset={offset}"))
        )
        assert result.total == len(events)
        seen += result.ids
    assert seen == events
    everything = corpus_index.run(parse_list_query(pairs("limit=1")))
    assert everything.total == len(snapshot.documents)
    assert everything.ids == (snapshot.documents[0].id,)


def test_unknown_fields_cost_no_pass_over_the_documents() -> None:
    calls: list[str] = []
    resolve = core_resolver()

    def counting(document: Document, field: str) -> Any:
        calls.append(field)
        return resolve(document, field)

    docs = [doc("a", images=[{"name": "x"}], country="sudan"), doc("b", nested={"k": 1})]
    index = QueryIndex(docs, counting)
    for query in (
        "filter[nope]=1",
        "filter[country.deeper]=1",
        "sort=images.path",
        "filter[data.x]=1",
    ):
        assert names(index, query) in ([], ["a", "b"])
    assert calls == []
    assert names(index, "filter[images.name]=x&filter[images.0.name]=x&filter[nested.k]=1") == []
    assert set(calls) == {"data.images.name", "data.images.0.name", "data.nested.k"}
