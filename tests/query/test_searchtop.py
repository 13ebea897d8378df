"""The top-k of common words from impact-ordered lists equals the engine's own ranking."""

from __future__ import annotations

import random

import pytest

from api.query import SearchEntry, SearchIndex, SearchResult, searchtop

WORDS = ["court", "justice", "trial", "appeal", "chamber", "witness", "statute", "judge"]


def entries(count: int, seed: int = 5) -> list[SearchEntry]:
    rng = random.Random(seed)
    found = []
    for i in range(count):
        title = " ".join(rng.choices(WORDS, k=rng.randint(0, 3)))
        heading = " ".join(rng.choices(WORDS, k=rng.randint(0, 2)))
        body = " ".join(rng.choices([*WORDS, "filler", "other", "text"], k=rng.randint(5, 40)))
        if i % 7 == 0:
            body = "identical twin text court justice"  # ties, broken by position
            title = heading = ""
        collection = ("a", "b", "c")[i % 3]
        lang = ("en", "en-GB", "fr", "fr", "en")[i % 5] if i % 4 else None
        found.append(
            SearchEntry(f"{collection}/{i}", collection, title, heading, body, "/", i, lang)
        )
    return found


@pytest.fixture(scope="module")
def indexes() -> tuple[SearchIndex, SearchIndex]:
    """The same pages with impact lists for every word, and with none."""
    pages = entries(400)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(searchtop, "MIN_PAGES", 1)
        patch.setattr(searchtop, "COMMON_SHARE", 10_000)
        patch.setattr(searchtop, "_FIRST_DEPTH", 4)  # several rounds of the algorithm
        fast = SearchIndex.build(pages)
        patch.setattr(searchtop, "MAX_WORDS", 0)
        plain = SearchIndex.build(pages)
    assert fast.image().common.words and not plain.image().common.words
    return fast, plain


def same(a: SearchResult, b: SearchResult) -> None:
    assert a.total == b.total
    assert [h.id for h in a.hits] == [h.id for h in b.hits]
    assert [h.score for h in a.hits] == pytest.approx([h.score for h in b.hits], rel=1e-5)
    assert [h.snippet for h in a.hits] == [h.snippet for h in b.hits]


@pytest.mark.parametrize(
    "q",
    ["court", "court justice", "justice court trial", "twin", "witness judge statute chamber"],
)
@pytest.mark.parametrize("limit, offset", [(1, 0), (5, 0), (20, 3), (100, 0), (10, 390)])
def test_same_hits_as_the_engine(
    indexes: tuple[SearchIndex, SearchIndex], q: str, limit: int, offset: int
) -> None:
    fast, plain = indexes
    same(fast.search(q, limit=limit, offset=offset), plain.search(q, limit=limit, offset=offset))


@pytest.mark.parametrize(
    ("collections", "langs"), [(["a"], []), (["b", "c"], []), ([], ["en"]), (["a"], ["fr"])]
)
def test_same_hits_with_filters(
    indexes: tuple[SearchIndex, SearchIndex], collections: list[str], langs: list[str]
) -> None:
    fast, plain = indexes
    for q in ("court justice", "trial"):
        a = fast.search(q, collections=collections, langs=langs, limit=30)
        b = plain.search(q, collections=collections, langs=langs, limit=30)
        same(a, b)
        assert a.total > 0


def test_ties_keep_the_default_order(indexes: tuple[SearchIndex, SearchIndex]) -> None:
    fast, _ = indexes
    hits = fast.search("twin", langs=["en"], limit=100).hits
    assert len(hits) > 10
    assert len({hit.score for hit in hits}) == 1
    positions = [int(hit.id.split("/")[1]) for hit in hits]
    assert positions == sorted(positions)


def test_the_lists_round_trip_with_the_image(indexes: tuple[SearchIndex, SearchIndex]) -> None:
    fast, _ = indexes
    again = SearchIndex.from_image(fast.image())
    same(again.search("court justice", limit=50), fast.search("court justice", limit=50))
