"""``lang`` and ``lang_fallback``: parsed once, run as masks over the documents."""

from __future__ import annotations

from dataclasses import replace

import pytest

from api.query import QueryError, QueryIndex, core_resolver
from api.query.languages import rank
from tests.query.helpers import doc, names, pairs
from tests.query.test_params import parse


def test_lang_is_parsed_into_ranges_in_order() -> None:
    query = parse("lang=pt_BR, JA &lang=en,ja&lang_fallback=TRUE")
    assert query.langs == ("pt-br", "ja", "en")
    assert query.lang_fallback is True
    assert parse("lang=").langs == ()
    assert parse("lang=*").langs == ("*",)
    assert parse("lang=en").selection != parse("lang=en&lang_fallback=true").selection
    assert parse("lang_fallback=true") == parse("")  # nothing to fall back through


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("lang=en-", "lang"),
        ("lang=é", "lang"),
        ("lang=en-toolongsubtag", "lang"),
        ("lang=en&lang_fallback=1", "lang_fallback"),
    ],
)
def test_bad_values(query: str, param: str) -> None:
    from api.query import parse_list_query

    with pytest.raises(QueryError) as caught:
        parse_list_query(pairs(query))
    assert caught.value.param == param


def test_ranges_match_as_rfc_4647_basic_filtering() -> None:
    assert rank("pt-BR", ("pt",)) == 0
    assert rank("pt_br", ("en", "pt-br")) == 1
    assert rank("ptx", ("pt",)) is None  # a prefix only at a subtag boundary
    assert rank("zh-Hant-TW", ("zh-hant",)) == 0
    assert rank("en", ("*",)) == 0
    assert rank(None, ("*",)) is None


def _index(groups: list[int] | None) -> QueryIndex:
    docs = [
        replace(doc("a-en"), lang="en"),
        replace(doc("a-ja"), lang="ja"),
        replace(doc("b-en"), lang="en-GB"),
        replace(doc("c-ja"), lang="ja"),
        replace(doc("d"), lang=None),
    ]
    return QueryIndex(docs, core_resolver(), groups=None if groups is None else lambda: groups)


def test_without_fallback_any_of_the_languages() -> None:
    index = _index(None)
    assert names(index, "lang=en") == ["a-en", "b-en"]
    assert names(index, "lang=ja,en-gb") == ["a-ja", "b-en", "c-ja"]
    assert names(index, "lang=*") == ["a-en", "a-ja", "b-en", "c-ja"]


def test_fallback_keeps_the_first_language_of_each_group() -> None:
    index = _index([0, 0, 2, 3, 4])  # a-en and a-ja are translations
    assert names(index, "lang=ja,en&lang_fallback=true") == ["a-ja", "b-en", "c-ja"]
    assert names(index, "lang=en,ja&lang_fallback=true") == ["a-en", "b-en", "c-ja"]
    assert names(index, "lang=en&lang_fallback=true") == ["a-en", "b-en"]
    # Each filter applies after the choice: a-ja hides a-en even if only a-en matches.
    assert names(index, "lang=ja,en&lang_fallback=true&filter[id]=things/a-en") == []


def test_fallback_without_groups_is_each_document_alone() -> None:
    assert names(_index(None), "lang=ja,en&lang_fallback=true") == ["a-en", "a-ja", "b-en", "c-ja"]
