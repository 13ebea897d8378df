from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.query import (
    LIST_PARAMS,
    Filter,
    ListQuery,
    Op,
    QueryError,
    SortKey,
    parse_list_query,
    parse_search_query,
)
from api.query.params import check_pairs, names, query_pairs, split_items
from tests.query.helpers import pairs


def parse(query: str) -> ListQuery:
    return parse_list_query(pairs(query))


def error(query: str, **kwargs: frozenset[str]) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_list_query(pairs(query), **kwargs)
    return caught.value


def test_defaults() -> None:
    assert parse("") == ListQuery()
    assert parse("").limit == 20
    assert parse("").offset == 0


def test_every_parameter() -> None:
    query = parse(
        "collection=b,a&collection=c&filter[country]=sudan,mali&filter[year][gte]=2010"
        "&has_timeline=true&sort=title,-data.year&fields=id,title,data.country"
        "&include=html,toc&limit=50&offset=100"
    )
    assert query.collections == ("a", "b", "c")
    assert query.filters == (
        Filter("country", Op.EQ, ("sudan", "mali"), "filter[country]"),
        Filter("year", Op.GTE, ("2010",), "filter[year][gte]"),
    )
    assert query.has_timeline is True
    assert query.sort == (SortKey("title"), SortKey("data.year", descending=True))
    assert query.fields == ("id", "title", "data.country")
    assert query.include == frozenset({"html", "toc"})
    assert (query.limit, query.offset) == (50, 100)


def test_queries_are_hashable_and_selection_ignores_pagination() -> None:
    first, second = parse("collection=a&limit=5"), parse("collection=a&offset=40")
    assert hash(first) != hash(second) or first != second
    assert first.selection == second.selection
    assert {first: 1}[parse("collection=a&limit=5")] == 1


@pytest.mark.parametrize("op", [op.value for op in Op if op is not Op.EXISTS])
def test_each_operator(op: str) -> None:
    assert parse(f"filter[x][{op}]=1").filters[0].op is Op(op)


def test_exists_takes_a_boolean() -> None:
    assert parse("filter[x][exists]=TRUE").filters[0].values == ("true",)
    assert parse("filter[x][exists]=false").filters[0].values == ("false",)
    assert error("filter[x][exists]=yes").param == "filter[x][exists]"


def test_escaped_commas_and_trimmed_items() -> None:
    assert split_items(r"a\,b, c ,\\d") == ["a,b", "c", "\\d"]
    assert parse(r"filter[title]=Hello\, world").filters[0].values == ("Hello, world",)
    assert parse("filter[country]=sudan, mali").filters[0].values == ("sudan", "mali")
    assert split_items("trailing\\") == ["trailing\\"]


def test_names_are_split_at_commas_and_trimmed_of_spaces() -> None:
    assert names(" id, title ,,data.Case Name,") == ["id", "title", "data.Case Name"]
    query = parse_list_query([("fields", "id, title ,"), ("sort", "- date, + title")])
    assert query.fields == ("id", "title")
    assert query.sort == (SortKey("date", descending=True), SortKey("title"))
    assert error("sort=--date").param == "sort"


def test_a_repeated_filter_adds_values() -> None:
    query = parse("filter[tags]=a&filter[tags]=b,a&filter[tags][ne]=c")
    assert query.filters == (
        Filter("tags", Op.EQ, ("a", "b"), "filter[tags]"),
        Filter("tags", Op.NE, ("c",), "filter[tags][ne]"),
    )
    assert parse("filter[tags]=a&filter[tags]=b") == parse("filter[tags]=a,b")
    assert parse("filter[x][gt]=1&filter[x][gt]=2").filters[0].values == ("1", "2")


def test_the_filter_string_form() -> None:
    query = parse_list_query(
        [
            ("filter", " country : sudan, order:gte:10 ,,country:uganda,x:exists: TRUE "),
            ("filter", r"t:eq:10:30,u:a\:b\,c,v:\\w\x,w: contains :a b"),
        ]
    )
    assert query.filters == (
        Filter("country", Op.EQ, ("sudan", "uganda"), "filter"),
        Filter("order", Op.GTE, ("10",), "filter"),
        Filter("x", Op.EXISTS, ("true",), "filter"),
        Filter("t", Op.EQ, ("10:30",), "filter"),
        Filter("u", Op.EQ, ("a:b,c",), "filter"),
        Filter("v", Op.EQ, ("\\w\\x",), "filter"),
        Filter("w", Op.CONTAINS, ("a b",), "filter"),
    )
    assert parse_list_query([("filter", ""), ("filter", " , ")]).filters == ()
    both = parse_list_query([("filter", "country:sudan"), ("filter[country]", "mali")])
    assert both.filters == (Filter("country", Op.EQ, ("mali", "sudan"), "filter[country]"),)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("country", "needs a field and a value"),
        (":sudan", "not a field name"),
        ("a..b:x", "not a field name"),
        ("a[0]:x", "not a field name"),
        (r"a\,b:x", "not a field name"),
        ("time:10:30", "not an operator"),
        ("x:GTE:1", "not an operator"),
        ("x:exists:maybe", "takes true or false"),
        ("x:exists:", "takes true or false"),
        ("x:y\\", "lone backslash"),
        (",".join(["x:1"] * 33), "at most 32 conditions"),
    ],
)
def test_the_filter_string_form_refuses_what_it_cannot_mean(value: str, says: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_list_query([("filter", value)])
    assert caught.value.param == "filter" and says in caught.value.message


def test_sort_prefixes_and_repeats() -> None:
    assert parse("sort=+title,-date,title").sort == (SortKey("title"), SortKey("date", True))
    assert parse("sort=").sort == ()


def test_same_scalar_twice_is_fine() -> None:
    assert parse("limit=5&limit=5").limit == 5


def test_nameless_pairs_are_ignored() -> None:
    assert parse_list_query([("", "x"), ("limit", "3")]).limit == 3


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("filter[x][like]=1", "filter[x][like]"),
        ("filter[x][]=1", "filter[x][]"),
        ("filter[x][EQ]=1", "filter[x][EQ]"),
        ("filter[]=1", "filter[]"),
        ("filter[x=1", "filter[x"),
        ("filter[x]y=1", "filter[x]y"),
        ("filter[x][eq][z]=1", "filter[x][eq][z]"),
        ("filter[a..b]=1", "filter[a..b]"),
        ("filter[.a]=1", "filter[.a]"),
        ("filter[x][gt]=1,2", "filter[x][gt]"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=-1", "limit"),
        ("limit=ten", "limit"),
        ("limit=", "limit"),
        ("limit=1.5", "limit"),
        ("offset=-5", "offset"),
        ("offset=x", "offset"),
        ("offset=99999999999999999999", "offset"),
        ("has_timeline=maybe", "has_timeline"),
        ("limit=5&limit=6", "limit"),
        ("sort=a&sort=b", "sort"),
        ("has_timeline=true&has_timeline=false", "has_timeline"),
        ("sort=-", "sort"),
        ("sort=a..b", "sort"),
        ("fields=a,,b.", "fields"),
        ("include=body", "include"),
        ("page=2", "page"),
        ("filter=1", "filter"),
        ("filter=a:b&filter[x]=" + "&filter[x]=".join("12345"), "filter[x]"),
        ("sort[title]=asc", "sort[title]"),
        ("q=court", "q"),
    ],
)
def test_errors_name_the_parameter(query: str, param: str) -> None:
    caught = error(query)
    assert caught.param == param
    assert caught.message
    assert str(caught).startswith(param)


def test_allowed_parameters_are_left_to_the_caller() -> None:
    assert parse_list_query(pairs("q=court&limit=5"), allowed=LIST_PARAMS | {"q"}).limit == 5
    assert error("filter[x]=1", allowed=frozenset({"limit"})).param == "filter[x]"


def test_bounds_on_work_per_request() -> None:
    many = "&".join(f"filter[f{i}]=1" for i in range(40))
    assert error(many).param == "filter"
    mixed = "&".join([*(f"filter[f{i}]=1" for i in range(8)), "filter=" + ",".join(["x:1"] * 25)])
    assert "in all" in error(mixed).message
    assert error("filter[x]=" + ",".join("v" * 101)).param == "filter[x]"
    assert error("sort=" + ",".join(f"f{i}" for i in range(9))).param == "sort"


def test_unknown_fields_are_not_errors() -> None:
    query = parse("filter[no.such.field]=1&sort=-nothing&fields=nope")
    assert query.filters[0].field == "no.such.field"


def test_search_query() -> None:
    query = parse_search_query(pairs("q=war crimes&collection=cases&limit=5&offset=10"))
    assert (query.q, query.collections, query.limit, query.offset) == (
        "war crimes",
        ("cases",),
        5,
        10,
    )
    with pytest.raises(QueryError) as caught:
        parse_search_query(pairs("collection=cases"))
    assert caught.value.param == "q"
    with pytest.raises(QueryError) as caught:
        parse_search_query(pairs("q=a&q=b"))
    assert caught.value.param == "q"
    with pytest.raises(QueryError) as caught:
        parse_search_query(pairs("q=a&sort=title"))
    assert caught.value.param == "sort"


_KEYS = st.one_of(
    st.sampled_from(sorted(LIST_PARAMS)),
    st.text(max_size=12),
    st.builds(
        lambda field, op: f"filter[{field}]" + (f"[{op}]" if op is not None else ""),
        st.text(max_size=8),
        st.one_of(st.none(), st.sampled_from([op.value for op in Op]), st.text(max_size=5)),
    ),
    st.text(alphabet="filter[]x.eq", max_size=14),
)
_VALUES = st.one_of(st.text(max_size=30), st.sampled_from(["true", "0", "20", "-1", "a,b", "\\"]))


@given(st.lists(st.tuples(_KEYS, _VALUES), max_size=8))
def test_parse_never_raises_anything_but_query_error(params: list[tuple[str, str]]) -> None:
    try:
        query = parse_list_query(params)
    except QueryError as caught:
        assert caught.param
    else:
        assert 1 <= query.limit <= 100
        hash(query)


# -- every parameter is text: no control character, NUL or lone surrogate ---------------
_CONTROLS = ["\x00", "\t", "\n", "\r", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]


@pytest.mark.parametrize("char", _CONTROLS)
@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("sort", "title{}"),
        ("fields", "id,{}title"),
        ("include", "html{}"),
        ("collection", "ca{}ses"),
        ("filter[title]", "a{}"),
        ("filter[title][contains]", "{}"),
        ("limit", "1{}"),
        ("unknown", "{}"),
    ],
)
def test_a_control_character_in_any_value_names_the_parameter(
    char: str, key: str, value: str
) -> None:
    with pytest.raises(QueryError) as caught:
        parse_list_query([(key, value.format(char))])
    assert caught.value.param == key
    assert f"U+{ord(char):04X}" in caught.value.message


@pytest.mark.parametrize("char", _CONTROLS)
def test_a_control_character_in_a_name_is_refused_and_shown_escaped(char: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_list_query([(f"filter[ti{char}tle]", "x")])
    assert caught.value.param == f"filter[ti\\u{ord(char):04x}tle]"
    assert caught.value.param.isprintable()


def test_search_text_is_checked_like_every_parameter() -> None:
    for q in ("court\x00", "a\x1cb", "\ud800"):
        with pytest.raises(QueryError) as caught:
            parse_search_query([("q", q)])
        assert caught.value.param == "q"


def test_bytes_that_are_not_utf8_are_refused_naming_the_parameter() -> None:
    pairs_ = query_pairs("sort=title%FF&q=caf%C3%A9")
    assert pairs_[1] == ("q", "café")
    with pytest.raises(QueryError) as caught:
        check_pairs(pairs_)
    assert caught.value.param == "sort" and "0xFF" in caught.value.message
    # Raw bytes (each one latin-1 character, as ASGI's query string is read) too.
    raw = "q=caf\u00c3\u00a9&x=\u00ff"
    assert query_pairs(raw)[0] == ("q", "café")
    with pytest.raises(QueryError):
        check_pairs(query_pairs(raw))


def test_a_surrogate_encoded_as_utf8_is_not_text() -> None:
    with pytest.raises(QueryError) as caught:
        check_pairs(query_pairs("filter%5Bx%5D=%ED%A0%80"))
    assert caught.value.param == "filter[x]"


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20))
def test_text_without_controls_passes_the_check(value: str) -> None:
    check_pairs([("q", value), (value, "x")])


def test_search_text_with_no_word_is_valid_and_has_no_words() -> None:
    for q in ("", " ", "!!!", '"*"', "\u2014"):
        assert not parse_search_query([("q", q)]).has_words
    for q in ("a", "été", "東京", "٣"):
        assert parse_search_query([("q", q)]).has_words


@pytest.mark.parametrize(
    ("key", "most"),
    [("collection", 256), ("sort", 256), ("fields", 1024), ("include", 128)],
)
def test_lengths_are_bounded_as_the_schema_says(key: str, most: int) -> None:
    with pytest.raises(QueryError) as caught:
        parse_list_query([(key, "a" * (most + 1))])
    assert caught.value.param == key and "too long" in caught.value.message
    with pytest.raises(QueryError):
        parse_search_query([("q", "a" * 1001)])


def test_filters_are_bounded_by_name_and_by_repeats() -> None:
    nine = [(f"filter[f{i}]", "x") for i in range(9)]
    assert error_of(nine).param == "filter"
    parse_list_query(nine[:8])
    five = [("filter[tags]", str(i)) for i in range(5)]
    assert error_of(five).param == "filter[tags]"
    parse_list_query(five[:4])
    assert error_of([("filter[" + "f" * 65 + "]", "x")]).param == "filter[" + "f" * 65 + "]"
    assert error_of([("filter[f]", "v" * 121)]).param == "filter[f]"


def error_of(params: list[tuple[str, str]]) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_list_query(params)
    return caught.value
