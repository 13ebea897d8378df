from __future__ import annotations

import pytest

from api.query import QueryError
from api.query.fts import (
    MAX_QUERY_CHARS,
    SearchPlan,
    Term,
    any_of,
    needs_trigram,
    parse_terms,
    plan,
    restricted,
)


def test_words_phrases_and_prefixes() -> None:
    assert parse_terms('war "crimes against" human* "rome stat"* x') == [
        Term("war"),
        Term("crimes against"),
        Term("human", prefix=True),
        Term("rome stat", prefix=True),
        Term("x"),
    ]


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


def test_every_term_is_quoted() -> None:
    assert plan(parse_terms('a"b c* "d e"')) == SearchPlan(False, '"a""b" AND "c"* AND "d e"')
    assert restricted('"x"', ["c0000001", "c0000002"]) == (
        '{title headings body} : ("x") AND coll : (c0000001 OR c0000002)'
    )
    assert any_of(["東京 ", 'a"b']) == '("東京 " OR "a""b")'


@pytest.mark.parametrize("q", ["", "   ", '""', "***", "- + ( ) : ^", '"', "\x00\x01", "¿¡"])
def test_nothing_to_search_for(q: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_terms(q)
    assert caught.value.param == "q"


def test_limits() -> None:
    with pytest.raises(QueryError, match="too long"):
        parse_terms("a" * (MAX_QUERY_CHARS + 1))
    with pytest.raises(QueryError, match="too many"):
        parse_terms(" ".join(["w"] * 33))


def test_control_characters_separate_words() -> None:
    assert parse_terms("war\x00crimes") == [Term("war"), Term("crimes")]


def test_unspaced_scripts_go_to_trigrams() -> None:
    assert needs_trigram("東京")
    assert needs_trigram("ภาษาไทย")
    assert needs_trigram("한국어")
    assert not needs_trigram("Côte d’Ivoire")
    assert not needs_trigram("")
    trigram = plan(parse_terms("Tokyo 東京都 京 ＡＢ"))
    assert trigram.trigram
    assert trigram.match == '"Tokyo" AND "東京都"'
    assert trigram.short == ("京", "ab")  # NFKC, then folded as the trigram vocabulary is
    assert trigram.terms == ("Tokyo", "東京都", "京", "AB")
