"""Each page is read in its own language, and a query in each language it searches."""

from __future__ import annotations

import pytest

from api.query import SearchEntry, SearchIndex, SearchResult

PAGES = [
    SearchEntry(
        "en/courts", "news", "The courts", "", "Two courts were running trials.", "/", 0, "en"
    ),
    SearchEntry("en-gb/court", "news", "A court", "", "The court adjourned.", "/", 1, "en-GB"),
    SearchEntry(
        "fr/juges", "news", "Les juges", "", "Les juridictions nationales jugèrent.", "/", 2, "fr"
    ),
    SearchEntry(
        "es/tribunales", "news", "Tribunales", "", "Los tribunales nacionales.", "/", 3, "es"
    ),
    SearchEntry("de/gerichte", "news", "Gerichte", "", "Die Gerichte entschieden.", "/", 4, "de"),
    SearchEntry(
        "ru/sudy", "news", "Суды", "", "Международные суды рассматривали дела.", "/", 5, "ru"
    ),
    SearchEntry("ja/tokyo", "news", "ニュース", "", "私は東京都庁で働いています。", "/", 6, "ja"),
    SearchEntry("zh/beijing", "news", "新闻", "", "我们在北京大学学习中文。", "/", 7, "zh-Hans"),
    SearchEntry("ko/seoul", "news", "뉴스", "", "서울특별시에서 회의가 열렸습니다.", "/", 8, "ko"),
    SearchEntry(
        "th/bangkok", "news", "ข่าว", "", "ศาลอาญาระหว่างประเทศตั้งอยู่ที่กรุงเทพมหานคร", "/", 9, "th"
    ),
    SearchEntry(
        "pt/cote", "news", "Côte d’Ivoire", "", "A missão na Côte d’Ivoire.", "/", 10, "pt-BR"
    ),
    SearchEntry("none/courts", "news", "Courts", "", "Courts without a language.", "/", 11, None),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(PAGES)


def ids(result: SearchResult) -> list[str]:
    return sorted(hit.id for hit in result.hits)


def test_english_pages_are_stemmed(index: SearchIndex) -> None:
    assert ids(index.search("court", langs=["en"])) == ["en-gb/court", "en/courts"]
    assert ids(index.search("courts", langs=["en"])) == ["en-gb/court", "en/courts"]
    assert ids(index.search("run", langs=["en"])) == ["en/courts"]
    hit = index.search("court", langs=["en"], limit=5).hits
    assert any("<mark>courts</mark>" in h.snippet for h in hit)  # the word as written


def test_a_page_without_a_language_is_not_stemmed(index: SearchIndex) -> None:
    assert "none/courts" not in ids(index.search("court"))
    assert "none/courts" in ids(index.search("courts"))


@pytest.mark.parametrize(
    ("q", "lang", "found"),
    [
        ("juridiction", "fr", "fr/juges"),
        ("tribunal", "es", "es/tribunales"),
        ("gericht", "de", "de/gerichte"),
        ("суд", "ru", "ru/sudy"),
        ("международный", "ru", "ru/sudy"),
    ],
)
def test_each_language_by_its_stemmer(index: SearchIndex, q: str, lang: str, found: str) -> None:
    assert ids(index.search(q, langs=[lang])) == [found]
    assert found in ids(index.search(q))  # without lang, every language is searched


def test_words_inside_text_without_spaces(index: SearchIndex) -> None:
    assert ids(index.search("東京")) == ["ja/tokyo"]
    assert ids(index.search("都庁", langs=["ja"])) == ["ja/tokyo"]
    assert ids(index.search("北京大学")) == ["zh/beijing"]
    assert ids(index.search("서울")) == ["ko/seoul"]
    assert ids(index.search("กรุงเทพ")) == ["th/bangkok"]
    assert ids(index.search("ระหว่างประเทศ", langs=["th"])) == ["th/bangkok"]
    assert ids(index.search("大阪")) == []
    assert ids(index.search("庁都")) == []  # the characters, not in that order
    snippet = index.search("東京").hits[0].snippet
    assert "<mark>東京</mark>都庁" in snippet and "\u200b" not in snippet


def test_diacritics_in_any_language(index: SearchIndex) -> None:
    for q in ("cote", "Côte", "COTE", "ivoire"):
        assert ids(index.search(q)) == ["pt/cote"], q
    assert ids(index.search("jugerent", langs=["fr"])) == ["fr/juges"]


def test_lang_filters_by_basic_range(index: SearchIndex) -> None:
    assert ids(index.search("court courts", langs=["en"])) == ["en-gb/court", "en/courts"]
    assert ids(index.search("court", langs=["en-gb"])) == ["en-gb/court"]
    assert ids(index.search("court", langs=["EN_GB"])) == ["en-gb/court"]
    assert ids(index.search("court", langs=["fr"])) == []
    assert index.search("court", langs=["zz"]).total == 0
    assert index.search("court", langs=["not a tag!"]).total == 0
    assert ids(index.search("東京 court", langs=["ja", "en"])) == []
    assert ids(index.search("tribunal", langs=["es", "fr"])) == ["es/tribunales"]
    assert index.search("tribunal", langs="es").total == 1  # one tag, not its letters
    assert "none/courts" not in ids(index.search("courts", langs=["*"]))  # any language
    assert "en/courts" in ids(index.search("courts", langs=["*"]))


def test_prefixes_in_each_language(index: SearchIndex) -> None:
    assert ids(index.search("cour*", langs=["en"])) == ["en-gb/court", "en/courts"]
    assert ids(index.search("juridic*")) == ["fr/juges"]
    assert ids(index.search("東*")) == ["ja/tokyo"]
