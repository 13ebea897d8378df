"""Each operator and each coercion: on small synthetic sets, then on the aba-icc corpus
against answers worked out directly from the documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from api.content.model import Document
from api.content.snapshot import Snapshot
from api.query import QueryError, QueryIndex, parse_list_query
from tests.query.helpers import doc, index_of, names, pairs


@pytest.fixture(scope="module")
def index() -> QueryIndex:
    return index_of(
        [
            doc(
                "a",
                country="sudan",
                year=2010,
                score=2.5,
                active=True,
                tags=["war", "peace"],
                event="2020-06-15T23:30:00-05:00",
                label="Alpha",
                ratio="10",
            ),
            doc(
                "b",
                country="mali",
                year=2015,
                score=10,
                active=False,
                tags=["war"],
                event="2020-06-16",
                label="beta",
                nested={"level": 2},
            ),
            doc("c", country="Sudan", year="2012", tags=[], event="2021-01-01T00:00:00Z"),
            doc("d", country=None, year=None, tags=None, label="GAMMA ray", nested={"level": 5}),
            doc("e", "others", mixed=[1, "one", True], label=""),
        ]
    )


def test_equals_any_of_the_values(index: QueryIndex) -> None:
    assert names(index, "filter[country]=sudan") == ["a"]
    assert names(index, "filter[country]=sudan,mali") == ["a", "b"]
    assert names(index, "filter[country][eq]=mali,nowhere") == ["b"]
    assert names(index, "filter[data.country]=Sudan") == ["c"]  # exact, case and all


def test_numbers_typed_against_the_data(index: QueryIndex) -> None:
    assert names(index, "filter[year]=2010") == ["a"]
    assert names(index, "filter[year]=2010.0") == ["a"]
    assert names(index, "filter[year]=2012") == ["c"]  # the text "2012" too
    assert names(index, "filter[score]=10") == ["b"]
    assert names(index, "filter[score][gt]=2") == ["a", "b"]
    assert names(index, "filter[score][gte]=2.5") == ["a", "b"]
    assert names(index, "filter[score][lt]=10") == ["a"]
    assert names(index, "filter[score][lte]=10") == ["a", "b"]
    # A number compares with numbers only: the text "2012" is not in the range.
    assert names(index, "filter[year][gt]=2011") == ["b"]
    assert names(index, "filter[ratio][lt]=9") == ["a"]  # a text field: "10" < "9" as text
    assert names(index, "filter[ratio]=10") == ["a"]  # text equal to text


def test_booleans(index: QueryIndex) -> None:
    assert names(index, "filter[active]=true") == ["a"]
    assert names(index, "filter[active]=FALSE") == ["b"]
    assert names(index, "filter[mixed]=true") == ["e"]


def test_arrays_match_by_membership(index: QueryIndex) -> None:
    assert names(index, "filter[tags]=war") == ["a", "b"]
    assert names(index, "filter[tags]=peace") == ["a"]
    assert names(index, "filter[tags]=war,peace") == ["a", "b"]  # any of
    assert names(index, "filter[tags][contains]=war") == ["a", "b"]
    assert names(index, "filter[tags][contains]=wa") == []  # an element, not a substring
    assert names(index, "filter[mixed]=1") == ["e"]
    assert names(index, "filter[mixed]=one") == ["e"]
    assert names(index, "filter[mixed][gt]=0") == ["e"]


def test_a_repeated_key_adds_values_as_a_comma_list_does(index: QueryIndex) -> None:
    """Repeats mean "any of" (``ne``: none of), never a narrowing to nothing."""
    assert names(index, "filter[country]=sudan&filter[country]=mali") == ["a", "b"]
    assert names(index, "filter[tags]=war&filter[tags]=peace") == ["a", "b"]
    assert names(index, "filter[country][ne]=sudan&filter[country][ne]=mali") == ["c"]
    assert names(index, "filter[year][gte]=2015&filter[year][gte]=2010") == ["a", "b"]
    assert names(index, "filter[score][lt]=3&filter[score][gt]=9") == []  # two operators: both
    assert names(index, "filter[country][exists]=true&filter[country][exists]=false") == [*"abcde"]


def test_the_string_form_is_the_same_query(index: QueryIndex) -> None:
    for short, bracketed in [
        ("country:sudan", "filter[country]=sudan"),
        ("country:eq:sudan,country:mali", "filter[country]=sudan,mali"),
        ("year:gte:2011", "filter[year][gte]=2011"),
        ("score:gt:2,score:lte:10", "filter[score][gt]=2&filter[score][lte]=10"),
        ("label:contains:A", "filter[label][contains]=A"),
        ("tags:war,country:ne:mali", "filter[tags]=war&filter[country][ne]=mali"),
        ("nested.level:5", "filter[nested.level]=5"),
        ("data.country:Sudan", "filter[data.country]=Sudan"),
        ("country:exists:FALSE", "filter[country][exists]=false"),
    ]:
        assert names(index, "filter=" + short.replace(",", "%2C")) == names(index, bracketed)
    # The two forms combine, and a repeat in either adds values.
    assert names(index, "filter=country:sudan&filter[country]=mali") == ["a", "b"]
    assert names(index, "filter=country:sudan&filter=year:gte:2011") == []


def test_contains_on_text_is_a_case_insensitive_substring(index: QueryIndex) -> None:
    assert names(index, "filter[label][contains]=ALPH") == ["a"]
    assert names(index, "filter[label][contains]=a") == ["a", "b", "d"]
    assert names(index, "filter[label][contains]=ray,bet") == ["b", "d"]
    assert names(index, "filter[label][contains]=") == ["a", "b", "d", "e"]
    assert names(index, "filter[label][contains]=zzz") == []
    with pytest.raises(QueryError) as refused:  # NUL is no text to look for
        names(index, "filter[label][contains]=a\x00")
    assert refused.value.param == "filter[label][contains]"
    assert names(index, "filter[year][contains]=2010") == ["a"]  # eq for numbers


def test_text_ranges_ignore_case(index: QueryIndex) -> None:
    assert names(index, "filter[label][gte]=b") == ["b", "d"]
    assert names(index, "filter[label][lt]=BETA") == ["a", "e"]
    assert names(index, "filter[label][gt]=beta") == ["d"]


def test_dates_as_days_months_years_and_instants(index: QueryIndex) -> None:
    # a's event is 23:30 on 15 June where it was written, already the 16th in UTC.
    assert names(index, "filter[event]=2020-06-15") == ["a"]
    assert names(index, "filter[event]=2020-06") == ["a", "b"]
    assert names(index, "filter[event]=2020") == ["a", "b"]
    assert names(index, "filter[event][gt]=2020-06-15") == ["b", "c"]
    assert names(index, "filter[event][gte]=2020-06-16") == ["b", "c"]
    assert names(index, "filter[event][lte]=2020-06-15") == ["a"]
    assert names(index, "filter[event][lt]=2021") == ["a", "b"]
    assert names(index, "filter[event][gt]=2020-06-16T00:00:00Z") == ["a", "c"]
    assert names(index, "filter[event][lt]=2020-06-16T04:30:00Z") == ["b"]
    assert names(index, "filter[event]=2020-06-16T04:30:00Z") == ["a"]
    assert names(index, "filter[event][lte]=2020-06-16T04:30Z") == ["a", "b"]


def test_core_date_field() -> None:
    index = index_of([doc("x", date=datetime(2019, 5, 1, 9, tzinfo=UTC)), doc("y", date=None)])
    assert names(index, "filter[date]=2019-05-01") == ["x"]
    assert names(index, "filter[date][lt]=2019-05-01T10:00:00Z") == ["x"]
    assert names(index, "filter[date][exists]=false") == ["y"]


def test_exists_treats_null_as_missing(index: QueryIndex) -> None:
    assert names(index, "filter[country][exists]=true") == ["a", "b", "c"]
    assert names(index, "filter[country][exists]=false") == ["d", "e"]
    assert names(index, "filter[tags][exists]=true") == ["a", "b", "c"]  # [] exists
    assert names(index, "filter[nested][exists]=true") == ["b", "d"]
    assert names(index, "filter[nested.level][gt]=3") == ["d"]


def test_ne_keeps_documents_that_have_the_field(index: QueryIndex) -> None:
    assert names(index, "filter[country][ne]=sudan") == ["b", "c"]
    assert names(index, "filter[country][ne]=sudan,mali") == ["c"]
    assert names(index, "filter[tags][ne]=peace") == ["b", "c"]
    assert names(index, "filter[country][ne]=nowhere") == ["a", "b", "c"]
    assert names(index, "filter[year][ne]=2010") == ["b", "c"]


def test_unknown_fields_match_nothing(index: QueryIndex) -> None:
    for query in (
        "filter[nope]=1",
        "filter[nope][ne]=1",
        "filter[nope][gt]=1",
        "filter[nope][contains]=x",
        "filter[nope][exists]=true",
        "filter[country.deeper]=x",
        "filter[data.nope.deeper]=x",
        "sort=nope&filter[nope]=1",
    ):
        assert names(index, query) == [], query
    assert names(index, "filter[nope][exists]=false") == ["a", "b", "c", "d", "e"]


@pytest.mark.parametrize(
    "query",
    [
        "filter[score][gt]=abc",
        "filter[score]=ten",
        "filter[active]=yes",
        "filter[event][gt]=soon",
        "filter[event]=2020-13",
        "filter[score][lte]=",
        "filter[score][ne]=1,x",
    ],
)
def test_a_value_of_the_wrong_type_names_its_parameter(index: QueryIndex, query: str) -> None:
    param = query.split("=", 1)[0]
    with pytest.raises(QueryError) as caught:
        index.run(parse_list_query(pairs(query)))
    assert caught.value.param == param
    assert "cannot be compared" in caught.value.message


def test_text_fields_take_any_value(index: QueryIndex) -> None:
    assert names(index, "filter[country][gt]=2020") == ["a", "b", "c"]
    assert names(index, "filter[label]=2020-01-01") == []


def test_filters_combine_with_collections(index: QueryIndex) -> None:
    assert names(index, "collection=others&filter[label][exists]=true") == ["e"]
    assert names(index, "collection=things,others&filter[label][contains]=a") == ["a", "b", "d"]
    assert names(index, "collection=nowhere") == []


def _year(value: Any) -> int | None:
    return int(value[:4]) if isinstance(value, str) and value[:4].isdigit() else None


CORPUS: list[tuple[str, Callable[[Document], bool]]] = [
    ("filter[country]=sudan", lambda d: d.data.get("country") == "sudan"),
    ("filter[country]=sudan,libya", lambda d: d.data.get("country") in ("sudan", "libya")),
    ("filter[country][ne]=sudan", lambda d: d.data.get("country") not in (None, "sudan")),
    ("filter[collection]=situations", lambda d: d.collection == "situations"),
    ("filter[state_party]=true", lambda d: d.data.get("state_party") is True),
    ("filter[state_party]=false", lambda d: d.data.get("state_party") is False),
    # territory holds booleans, nulls and text: each value finds its own kind.
    ("filter[territory]=true", lambda d: d.data.get("territory") is True),
    ("filter[territory]=United Kingdom", lambda d: d.data.get("territory") == "United Kingdom"),
    ("filter[territory][ne]=true", lambda d: d.data.get("territory") not in (None, True)),
    ("filter[territory][exists]=false", lambda d: d.data.get("territory") is None),
    ("filter[youtube_id][exists]=true", lambda d: d.data.get("youtube_id") is not None),
    ("filter[sort_order][gt]=5", lambda d: d.data.get("sort_order", 0) > 5),
    ("filter[sort_order][gte]=5", lambda d: d.data.get("sort_order", 0) >= 5),
    ("filter[sort_order][lt]=3", lambda d: d.data.get("sort_order", 99) < 3),
    ("filter[sort_order][lte]=3", lambda d: d.data.get("sort_order", 99) <= 3),
    ("filter[sort_order]=3.0", lambda d: d.data.get("sort_order") == 3),
    ("filter[order][lte]=10", lambda d: d.order is not None and d.order <= 10),
    ("filter[event_date]=2020-06", lambda d: str(d.data.get("event_date")).startswith("2020-06")),
    ("filter[event_date][gte]=2020", lambda d: (_year(d.data.get("event_date")) or 0) >= 2020),
    # signed_date holds dates and the text "Invalid date": a year compares with the dates.
    ("filter[signed_date][gt]=1999", lambda d: (_year(d.data.get("signed_date")) or 0) > 1999),
    ("filter[signed_date]=Invalid date", lambda d: d.data.get("signed_date") == "Invalid date"),
    (
        "filter[date][lt]=2015-01-01T00:00:00Z",
        lambda d: d.date is not None and d.date < datetime(2015, 1, 1, tzinfo=UTC),
    ),
    (
        "filter[accuseds]=omar-hassan-ahmad-al-bashir",
        lambda d: "omar-hassan-ahmad-al-bashir" in (d.data.get("accuseds") or []),
    ),
    (
        "filter[responsibilities][contains]=Hear Appeals",
        lambda d: "Hear Appeals" in (d.data.get("responsibilities") or []),
    ),
    ("filter[title][contains]=BASHIR", lambda d: "bashir" in (d.title or "").casefold()),
    (
        "filter[case_status][contains]=trial complete",
        lambda d: "trial complete" in str(d.data.get("case_status") or "").casefold(),
    ),
    (  # through an array of objects; a comma in the value, escaped
        r"filter[images.name]=Judge Robert Fremr\, Trial Division (Czech Republic)",
        lambda d: any(
            i["name"] == "Judge Robert Fremr, Trial Division (Czech Republic)"
            for i in d.data.get("images") or []
        ),
    ),
    ("filter[no_such_field]=1", lambda d: False),
    ("filter[no_such_field][ne]=1", lambda d: False),
    (
        "collection=countries,situations&filter[geocode][exists]=true",
        lambda d: d.collection == "countries" and d.data.get("geocode") is not None,
    ),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("query", "keep"), CORPUS, ids=[query for query, _ in CORPUS])
def test_corpus_operators(
    corpus_index: QueryIndex, snapshot: Snapshot, query: str, keep: Callable[[Document], bool]
) -> None:
    result = corpus_index.run(parse_list_query(pairs(query + "&limit=100")))
    expected = [d.id for d in snapshot.documents if keep(d)]
    assert result.total == len(expected)
    assert list(result.ids) == expected[:100]
    if "no_such_field" not in query:
        assert expected, "the corpus must have matches for this case to mean anything"


@pytest.mark.corpus
@pytest.mark.parametrize(
    "query",
    ["filter[sort_order][gt]=abc", "filter[event_date][lt]=soon", "filter[state_party]=yes"],
)
def test_corpus_wrong_types(corpus_index: QueryIndex, query: str) -> None:
    with pytest.raises(QueryError) as caught:
        corpus_index.run(parse_list_query(pairs(query)))
    assert caught.value.param == query.split("=", 1)[0]
