from __future__ import annotations

import re
import threading
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.content.snapshot import Snapshot
from api.query import QueryError, SearchEntry, SearchIndex, SearchResult
from api.query.search import MAX_INDEXED
from tests.query.helpers import doc

FILLER = "The court met in the Hague to hear the parties. " * 3
ENTRIES = [
    SearchEntry("a/body", "a", "Annual report", "", FILLER + "It mentions genocide once.", "/1", 0),
    SearchEntry("a/title", "a", "Genocide convention", "", FILLER, "/2", 1),
    SearchEntry("b/heading", "b", "Treaties", "On genocide", FILLER, "/3", 2),
    SearchEntry("b/other", "b", "Other", "On appeals\nOn trials", FILLER, "/3b", 15),
    SearchEntry("b/phrase", "b", "Phrase", "", "Charged with war crimes in 2003.", "/4", 3),
    SearchEntry("b/apart", "b", "Apart", "", "A war, and later crimes, were alleged.", "/5", 4),
    SearchEntry("c/prefix", "c", "Roles", "", "The prosecutor and the prosecution.", "/6", 5),
    SearchEntry("c/accents", "c", "Côte d’Ivoire", "", "Un résumé naïve de l'été.", "/7", 6),
    SearchEntry("c/html", "c", "Markup", "", "Careful: <script>alert('x')</script> & hit", "/8", 7),
    SearchEntry("d/tokyo", "d", "東京の歴史", "", "東京都は日本の首都です。 Kyoto", "/9", 8),
    SearchEntry("d/kyoto", "d", "京都", "", "京都は古い都です。", "/10", 9),
    SearchEntry("d/thai", "d", "ภาษาไทย", "", "ภาษาไทยง่ายนิดเดียว", "/11", 10),
    SearchEntry("d/width", "d", "ｶﾀｶﾅ", "", "full width", "/12", 11),
    SearchEntry("e/same1", "e", "Twin", "", "identical text", "/13", 12),
    SearchEntry("e/same2", "e", "Twin", "", "identical text", "/14", 13),
    SearchEntry("page", None, "Home", "Welcome", FILLER + " Genocide studies.", "/", 14),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(iter(ENTRIES))


def ids(result: SearchResult) -> list[str]:
    return [hit.id for hit in result.hits]


def test_title_outranks_headings_outranks_body(index: SearchIndex) -> None:
    result = index.search("genocide")
    assert ids(result)[:2] == ["a/title", "b/heading"]
    assert sorted(ids(result)[2:]) == ["a/body", "page"]
    assert result.total == 4
    scores = [hit.score for hit in result.hits]
    assert all(score > 0 for score in scores)
    assert scores == sorted(scores, reverse=True)


def test_hits_carry_the_entry(index: SearchIndex) -> None:
    hit = index.search("convention").hits[0]
    assert (hit.id, hit.title, hit.url, hit.collection) == (
        "a/title",
        "Genocide convention",
        "/2",
        "a",
    )
    assert index.search("studies").hits[0].collection is None


def test_phrases(index: SearchIndex) -> None:
    assert ids(index.search('"war crimes"')) == ["b/phrase"]
    assert sorted(ids(index.search("war crimes"))) == ["b/apart", "b/phrase"]
    assert ids(index.search('"crimes war"')) == []


def test_prefixes(index: SearchIndex) -> None:
    assert ids(index.search("prosec*")) == ["c/prefix"]
    assert ids(index.search("prosec")) == []
    assert ids(index.search('"the prosecu"*')) == ["c/prefix"]


def test_diacritics_are_ignored_both_ways(index: SearchIndex) -> None:
    for q in ("cote", "Côte", "COTE", "resume", "résumé", "naive", "ete"):
        assert ids(index.search(q)) == ["c/accents"], q
    assert ids(index.search("cafe\u0301")) == []  # decomposed input is normalized, not broken


def test_cjk_and_thai_character_by_character(index: SearchIndex) -> None:
    assert ids(index.search("東京都")) == ["d/tokyo"]
    assert ids(index.search("東京")) == ["d/tokyo"]
    assert sorted(ids(index.search("京"))) == ["d/kyoto", "d/tokyo"]
    assert ids(index.search("京都")) == ["d/kyoto", "d/tokyo"]  # in the title first
    assert ids(index.search("ไทย")) == ["d/thai"]
    assert ids(index.search("ไท")) == ["d/thai"]
    assert ids(index.search("Kyoto 京都")) == ["d/tokyo"]
    assert ids(index.search("カタカナ")) == ["d/width"]  # half-width katakana, NFKC
    assert ids(index.search("北京")) == []
    assert index.search("京", collections=["nope"]).total == 0


def test_snippets_mark_matches_and_escape_the_rest(index: SearchIndex) -> None:
    snippet = index.search("hit").hits[0].snippet
    assert "<mark>hit</mark>" in snippet
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp;" in snippet
    assert re.sub(r"</?mark>", "", snippet).count("<") == 0
    assert index.search("genocide").hits[0].snippet == "<mark>Genocide</mark> convention"
    body = next(h for h in index.search("genocide").hits if h.id == "a/body")
    assert body.snippet.startswith("…") and "<mark>genocide</mark>" in body.snippet
    assert index.search("東京").hits[0].snippet.startswith("<mark>東京</mark>都")
    assert index.search("ไท").hits[0].snippet == "ภาษา<mark>ไท</mark>ยง่ายนิดเดียว"


def test_collections_restrict_hits_and_total(index: SearchIndex) -> None:
    assert ids(index.search("genocide", collections=["b"])) == ["b/heading"]
    assert index.search("genocide", collections=["a", "b"]).total == 3
    assert index.search("genocide", collections=["nope"]) == SearchResult((), 0)
    assert index.search("genocide", collections=["nope", "a"]).total == 2
    assert index.search("genocide", collections="b").total == 1  # one name, not its letters
    assert index.search("東京", collections=["c"]).total == 0


def test_pagination_and_total(index: SearchIndex) -> None:
    whole = ids(index.search("the", limit=100))
    assert len(whole) == index.search("the", limit=1).total == 6
    pages = [ids(index.search("the", limit=2, offset=o)) for o in (0, 2, 4)]
    assert [item for page in pages for item in page] == whole
    beyond = index.search("the", limit=2, offset=50)
    assert (beyond.hits, beyond.total) == ((), 6)


def test_ties_keep_the_default_order(index: SearchIndex) -> None:
    result = index.search("identical")
    assert ids(result) == ["e/same1", "e/same2"]
    assert result.hits[0].score == result.hits[1].score


def test_results_are_cached(index: SearchIndex) -> None:
    assert index.search("court", limit=3) is index.search("court", limit=3)


@pytest.mark.parametrize(
    "q",
    [
        'genocide"',
        '"genocide',
        "genocide OR",
        "NOT genocide",
        "NEAR(genocide",
        "title:genocide",
        "{title}: genocide",
        "genocide ^",
        "a AND AND b",
        "(((a",
        "*genocide*",
        "genocide\x00",
        "gen'ocide",
        '"" "" genocide',
        "-genocide",
        "genocide\ud800",
        "京\x00都",
    ],
)
def test_hostile_queries_never_break(index: SearchIndex, q: str) -> None:
    result = index.search(q)
    assert result.total >= 0


@pytest.mark.parametrize("q", ["", "   ", "\x00", "\x1c", '"', "***", "(((", "\ud800", "¿¡"])
def test_queries_without_a_word_find_nothing(index: SearchIndex, q: str) -> None:
    assert index.search(q) == SearchResult((), 0)


def test_queries_too_long_or_with_too_many_terms_are_errors(index: SearchIndex) -> None:
    for q in ("x" * 10_000, " ".join(f"w{i}" for i in range(40))):
        with pytest.raises(QueryError) as caught:
            index.search(q)
        assert caught.value.param == "q"


def test_limit_and_offset_are_checked(index: SearchIndex) -> None:
    with pytest.raises(QueryError) as caught:
        index.search("court", limit=0)
    assert caught.value.param == "limit"
    with pytest.raises(QueryError) as caught:
        index.search("court", offset=-1)
    assert caught.value.param == "offset"


@settings(max_examples=150, deadline=None)
@given(
    q=st.one_of(
        st.text(max_size=60),
        st.text(alphabet='"*()-:^{}+ ANDORNEAR京ไท\x00', max_size=30),
        st.text(min_size=990, max_size=1100),
    ),
    collections=st.lists(st.sampled_from(["a", "b", "d", "zz"]), max_size=2),
)
def test_search_never_raises_anything_but_query_error(
    index: SearchIndex, q: str, collections: list[str]
) -> None:
    try:
        result = index.search(q, collections=collections, limit=5)
    except QueryError as caught:
        assert caught.param == "q"
    else:
        assert result.total >= len(result.hits)
        for hit in result.hits:
            assert re.sub(r"</?mark>", "", hit.snippet).count("<") == 0


def test_built_in_one_thread_searched_from_others() -> None:
    built: list[SearchIndex] = []
    builder = threading.Thread(target=lambda: built.append(SearchIndex.build(ENTRIES)))
    builder.start()
    builder.join()
    index = built[0]
    expected = {q: ids(index.search(q, limit=50)) for q in ("genocide", "the", "京", "war")}
    failures: list[str] = []

    def work(offset: int) -> None:
        for q in list(expected) * 5:
            # A new limit each time, so that the query runs rather than comes from the cache.
            if ids(index.search(q, limit=50 - offset)) != expected[q][: 50 - offset]:
                failures.append(q)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert index.database_bytes() > 0
    assert len(index) == len(ENTRIES)
    index.close()


def test_positions_must_be_unique() -> None:
    with pytest.raises(ValueError, match="position 0"):
        SearchIndex.build([ENTRIES[0], ENTRIES[0]])


def test_control_characters_in_entries_cannot_forge_marks() -> None:
    entry = SearchEntry("x", "x", "T", "", "before \x02fake\x03 after needle", "/x", 0)
    snippet = SearchIndex.build([entry]).search("needle").hits[0].snippet
    assert snippet == "before fake after <mark>needle</mark>"


@pytest.mark.corpus
def test_corpus_title_hits_first(corpus_search: SearchIndex) -> None:
    result = corpus_search.search("Afghanistan", limit=5)
    assert result.total >= 3
    assert all("Afghanistan" in hit.title for hit in result.hits[:2])
    bashir = corpus_search.search("bashir", limit=20)
    in_title = [i for i, hit in enumerate(bashir.hits) if "bashir" in hit.title.lower()]
    body_only = [i for i, hit in enumerate(bashir.hits) if "bashir" not in hit.title.lower()]
    assert in_title and (not body_only or max(in_title) < min(body_only))


@pytest.mark.corpus
def test_corpus_phrases_prefixes_diacritics(corpus_search: SearchIndex) -> None:
    phrase = corpus_search.search('"rome statute"', limit=100)
    words = corpus_search.search("rome statute", limit=100)
    assert 0 < phrase.total <= words.total
    assert corpus_search.search("prosecut*").total > corpus_search.search("prosecutor").total
    cote = corpus_search.search("cote", limit=50)
    assert {"countries/cote-divoire", "situations/cote-divoire"} <= {h.id for h in cote.hits}
    assert corpus_search.search("côte").total == cote.total


@pytest.mark.corpus
def test_corpus_snippets_and_collections(corpus_search: SearchIndex, snapshot: Snapshot) -> None:
    result = corpus_search.search("janjaweed", collections=["situations", "cases-charges"])
    assert result.total >= 2
    for hit in result.hits:
        assert hit.collection in ("situations", "cases-charges")
        assert "<mark>Janjaweed</mark>" in hit.snippet
        assert snapshot.by_id[hit.id].url == hit.url
    everywhere = corpus_search.search("janjaweed", limit=100)
    assert everywhere.total >= result.total
    assert len(everywhere.hits) == everywhere.total


def test_single_characters_of_unspaced_scripts(index: SearchIndex) -> None:
    assert ids(index.search("京", collections=["d"], limit=1))[0] in ("d/tokyo", "d/kyoto")
    assert index.search("京", collections=["d"], limit=1).total == 2
    assert index.search("京", collections=["a"]).total == 0
    assert ids(index.search("東京都 京")) == ["d/tokyo"]
    hit = index.search("ไท").hits[0]
    assert (hit.id, hit.snippet) == ("d/thai", "ภาษา<mark>ไท</mark>ยง่ายนิดเดียว")


def test_entry_of_a_document() -> None:
    document = replace(
        doc("lubanga", "cases", body="## Trial\n\n**Lubanga** was tried."), description="A case"
    )
    entry = SearchEntry.of(document, 7)
    assert entry == SearchEntry(
        "cases/lubanga",
        "cases",
        "Lubanga",
        "Trial",
        "A case Lubanga was tried.",
        "/cases/lubanga/",
        7,
    )


def test_text_past_the_cap_is_not_indexed() -> None:
    body = "early word " + "filler " * 40_000 + " needle"  # the needle past 200,000 chars
    document = replace(doc("huge", "cases", body=body))
    entry = SearchEntry.of(document, 0)
    assert len(entry.body) == MAX_INDEXED
    index = SearchIndex.build([entry])
    assert index.search("needle").total == 0
    hit = index.search("early").hits[0]
    assert hit.snippet.startswith("<mark>early</mark> word filler")
    assert index.search("filler").hits[0].snippet.endswith("…")


def test_snippets_mark_whole_terms_only() -> None:
    pages = [
        SearchEntry("ja", None, "T", "", "東京と京都、東京都。", "/", 0, "ja"),
        SearchEntry("en", None, "T", "", "War, then crimes; war crimes. Prosecutors.", "/", 1),
    ]
    index = SearchIndex.build(pages)
    assert index.search("東京").hits[0].snippet == "<mark>東京</mark>と京都、<mark>東京</mark>都"
    assert index.search('"war crimes"').hits[0].snippet == (
        "War, then crimes; <mark>war crimes</mark>. Prosecutors"
    )
    assert "<mark>Prosecutors</mark>" in index.search("prosec*").hits[0].snippet
