from __future__ import annotations

import pytest

from api.query import QueryError
from api.query.fts import MAX_QUERY_CHARS, Analysed, Term, analyse, parse_terms
from api.query.searchlang import folding_analyzer, text_analyzer


def test_words_phrases_and_prefixes() -> None:
    assert parse_terms('war "crimes against" human* "rome stat"* x') == (
        Term("war"),
        Term("crimes against"),
        Term("human", prefix=True),
        Term("rome stat", prefix=True),
        Term("x"),
    )


def test_syntax_is_text() -> None:
    terms = parse_terms('AND OR NOT NEAR(a b) col:x ^start a"b "unclosed phrase')
    assert [t.text for t in terms] == [
        "AND",
        "OR",
        "NOT",
        "NEAR(a",
        "b)",
        "col:x",
        "^start",
        'a"b',
        "unclosed phrase",
    ]


@pytest.mark.parametrize(
    "q", ["", "   ", '""', "***", "- + ( ) : ^", '"', "\x00\x01", "¿¡", "\x1c"]
)
def test_nothing_to_search_for(q: str) -> None:
    assert parse_terms(q) == ()


def test_limits() -> None:
    with pytest.raises(QueryError, match="too long"):
        parse_terms("a" * (MAX_QUERY_CHARS + 1))
    with pytest.raises(QueryError, match="too many"):
        parse_terms(" ".join(f"w{i}" for i in range(33)))
    assert parse_terms(" ".join(["w"] * 40)) == (Term("w"),)  # repeats ask nothing more


def test_control_characters_separate_words() -> None:
    assert parse_terms("war\x00crimes") == (Term("war"), Term("crimes"))


def test_compatibility_forms_are_normalized() -> None:
    assert parse_terms("ｶﾀｶﾅ ＡＢ ﬁle") == (Term("カタカナ"), Term("AB"), Term("file"))


def test_terms_are_analysed_in_the_language_searched() -> None:
    english, plain, folding = text_analyzer("english"), text_analyzer("plain"), folding_analyzer()
    assert analyse(Term("Courts"), english, folding) == Analysed(("court",))
    assert analyse(Term("Courts"), plain, folding) == Analysed(("courts",))
    assert analyse(Term("Côte"), plain, folding) == Analysed(("cote",))
    assert analyse(Term("東京都"), english, folding) == Analysed(("東", "京", "都"))
    assert analyse(Term("e-mail"), plain, folding) == Analysed(("e", "mail"))
    word = analyse(Term("happy", prefix=True), english, folding)
    assert word == Analysed(("happy",), prefix=True, stem="happi")
    phrase = analyse(Term("the courts prosecu", prefix=True), english, folding)
    assert phrase == Analysed(("the", "court", "prosecu"), prefix=True)
    assert analyse(Term("x" * 150), plain, folding) is None  # longer than any word indexed


def test_only_plain_words_take_the_fast_path() -> None:
    assert Analysed(("court",)).word == "court"
    assert Analysed(("東", "京")).word is None
    assert Analysed(("court",), prefix=True).word is None
