"""The schema's patterns (api.query.grammar, as docs_meta declares them) accept exactly what
the parsers accept, so fuzzers and generated clients send what is served and nothing that
is refused."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.http.docs_meta import (
    BACKLINK_SORT_PATTERN,
    EXPAND_PATTERN,
    FIELDS_PATTERN,
    INCLUDE_PATTERN,
    LANG_PATTERN,
    SORT_PATTERN,
)
from api.query import QueryError, parse_list_query, parse_page_query, parse_search_query
from api.query.grammar import FILTER_PATTERN

PATTERNS = {
    "sort": SORT_PATTERN,
    "fields": FIELDS_PATTERN,
    "include": INCLUDE_PATTERN,
    "lang": LANG_PATTERN,
    "filter": FILTER_PATTERN,
    "expand": EXPAND_PATTERN,
    "page sort": BACKLINK_SORT_PATTERN,  # a page's sort: its backlinks' order
    "search lang": LANG_PATTERN,  # search reads lang as lists do
}
#: Pieces that sit on the grammar's edges: separators, escapes, signs, operators, spaces.
_PIECES = [
    *("a", "b.c", ".", "..", " ", ",", ":", "-", "+", "--", "[", "x1", "é", "\u3000", "\xa0"),
    *("\\", "\\,", "\\:", "\\\\", "\t", "\n", "\x1c", "\x85"),
    *("eq", "gte:", "gt", "ne", ":exists:", "exists", "true", " FALSE", "contains:"),
    *("html", "toc", "en", "pt_BR", "*", "zh-Hant-TW", "referenced_by.", "referenced_by"),
]
_ITEMS = ["a", "-b", "c.d", "x:1", "y:gte:2", "html", "en", " e "]
VALUES = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=10).map("".join),
    # Long lists, to meet the bounds on how many items each takes.
    st.lists(st.sampled_from(_ITEMS), max_size=40).map(",".join),
    st.text(max_size=10),
    # Backlink orders: referenced_by.COLLECTION.FIELD, signed or not.
    st.tuples(
        st.sampled_from(["", "-", "+", " -", "- ", "--"]),
        st.lists(st.sampled_from(_PIECES), max_size=6).map("".join),
    ).map(lambda parts: f"{parts[0]}referenced_by.{parts[1]}"),
)


def documented(name: str, value: str) -> bool:
    return re.search(PATTERNS[name].removesuffix("$") + r"\Z", value) is not None


def accepted(name: str, value: str) -> bool:
    try:
        if name == "page sort":
            parse_page_query([("sort", value)])
        elif name == "search lang":
            parse_search_query([("q", "court"), ("lang", value)])
        else:
            parse_list_query([(name, value)])
    except QueryError:
        return False
    return True


@pytest.mark.parametrize("name", sorted(PATTERNS))
@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=VALUES)
def test_the_patterns_are_the_parsers_rules(name: str, value: str) -> None:
    assert documented(name, value) == accepted(name, value)


@pytest.mark.parametrize(
    ("name", "value", "valid"),
    [
        ("sort", "-date,title", True),
        ("sort", " - date , + data.Case Name ,", True),
        ("sort", "--date", False),
        ("sort", ",".join("abcdefgh"), True),
        ("sort", ",".join("abcdefghi"), False),  # 9 keys, repeats counted
        ("fields", "id,title,data.country", True),
        ("fields", "a.", False),
        ("include", "html, toc", True),
        ("include", "body", False),
        ("lang", "en,pt-BR,zh_tw,*", True),
        ("filter", "country:sudan", True),
        ("filter", "order:gte:10,country:sudan", True),
        ("filter", r"time:eq:10:30,note:a\:b\,c", True),
        ("filter", "time:10:30", False),
        ("filter", "x:exists:yes", False),
        ("filter", "country", False),
        ("filter", ",".join(["x:1"] * 32), True),
        ("filter", ",".join(["x:1"] * 33), False),
        ("expand", "country,accuseds.country,referenced_by", True),
        ("expand", "a..b", False),
        ("page sort", "referenced_by.cases-events.event_date", True),
        ("page sort", " - referenced_by.cases.data.order ,", True),
        ("page sort", "referenced_by.cases", False),
        ("page sort", "title", False),
    ],
)
def test_examples_of_each_rule(name: str, value: str, valid: bool) -> None:
    assert documented(name, value) is valid
    assert accepted(name, value) is valid


def test_the_patterns_are_short() -> None:
    """Generators copy patterns into client-side validators: they stay readable."""
    for name, pattern in PATTERNS.items():
        assert len(pattern) < 800, name
