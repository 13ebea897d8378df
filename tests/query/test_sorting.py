from __future__ import annotations

from datetime import UTC, datetime

import pytest

from api.content.snapshot import Snapshot
from api.query import QueryIndex, parse_list_query
from api.query.columns import FieldIndex
from api.query.masks import permutation
from api.query.sorting import SortColumn
from tests.query.helpers import doc, index_of, names, pairs


@pytest.fixture(scope="module")
def index() -> QueryIndex:
    # The default order is the list's order: ties must come out in it.
    return index_of(
        [
            doc("p", rank=2, label="beta", when="2020-01-02", tags=["z", "a"]),
            doc("q", rank=1, label="Alpha", when="2021-01-01T00:00:00+05:00"),
            doc("r", rank=2, label="alpha", tags=["m"]),
            doc("s", label="gamma", when="2020-12-31T20:00:00Z"),
            doc("t", rank=1, label=None, when="2019"),
            doc("u", rank=2),
        ]
    )


def test_no_sort_is_the_default_order(index: QueryIndex) -> None:
    assert names(index, "") == ["p", "q", "r", "s", "t", "u"]


def test_ties_keep_the_default_order_in_both_directions(index: QueryIndex) -> None:
    assert names(index, "sort=rank") == ["q", "t", "p", "r", "u", "s"]
    assert names(index, "sort=-rank") == ["p", "r", "u", "q", "t", "s"]


def test_missing_values_last_in_both_directions(index: QueryIndex) -> None:
    assert names(index, "sort=label") == ["q", "r", "p", "s", "t", "u"]
    assert names(index, "sort=-label") == ["s", "p", "r", "q", "t", "u"]


def test_text_sorts_ignoring_case_then_by_spelling(index: QueryIndex) -> None:
    assert names(index, "sort=label")[:2] == ["q", "r"]  # "Alpha" before "alpha"


def test_dates_sort_by_instant_and_other_text_after_them(index: QueryIndex) -> None:
    # 2021-01-01T00:00+05:00 is 2020-12-31T19:00Z: before s. "2019" is text, not a date.
    assert names(index, "sort=when") == ["p", "q", "s", "t", "r", "u"]
    assert names(index, "sort=-when") == ["t", "s", "q", "p", "r", "u"]


def test_arrays_sort_by_their_first_element(index: QueryIndex) -> None:
    assert names(index, "sort=tags") == ["r", "p", "q", "s", "t", "u"]


def test_several_keys(index: QueryIndex) -> None:
    assert names(index, "sort=-rank,label") == ["r", "p", "u", "q", "t", "s"]
    assert names(index, "sort=rank,-label") == ["q", "t", "p", "r", "u", "s"]


def test_unknown_sort_field_keeps_the_default_order(index: QueryIndex) -> None:
    assert names(index, "sort=-nope") == names(index, "")
    assert names(index, "sort=nope,-rank") == names(index, "sort=-rank")


def test_mixed_kinds_sort_without_raising() -> None:
    index = index_of(
        [
            doc("a", v=True),
            doc("b", v="text"),
            doc("c", v=3),
            doc("d", v="2020-01-01"),
            doc("e", v={"x": 1}),
            doc("f", v=1.5),
        ]
    )
    assert names(index, "sort=v") == ["f", "c", "d", "b", "a", "e"]
    assert names(index, "sort=-v") == ["a", "b", "d", "c", "f", "e"]


def test_core_fields_sort() -> None:
    index = index_of(
        [
            doc("a", date=datetime(2020, 1, 1, tzinfo=UTC), order=2),
            doc("b", date=datetime(2019, 1, 1, tzinfo=UTC), order=1),
            doc("c"),
        ]
    )
    assert names(index, "sort=date") == ["b", "a", "c"]
    assert names(index, "sort=-order") == ["a", "b", "c"]
    assert names(index, "sort=-title") == ["c", "b", "a"]


def test_ranks_from_an_index_match_ranks_built_from_values() -> None:
    values = ["b", 3, None, "B", "2020-01-01", False, 3.0]  # and position 7 has no value
    built = SortColumn.build(iter(values), 8)
    derived = SortColumn.from_index(FieldIndex.build(iter(values), 8))
    assert list(built.ranks) == list(derived.ranks)
    assert built.distinct == derived.distinct == 5
    assert permutation([built.keys(True)]).tolist() == [5, 0, 3, 4, 1, 6, 2, 7]
    with pytest.raises(ValueError, match="arrays"):
        SortColumn.from_index(FieldIndex.build(iter([["a"]]), 1))


@pytest.mark.corpus
def test_corpus_sort_ties_keep_the_default_order(
    corpus_index: QueryIndex, snapshot: Snapshot
) -> None:
    countries = [d for d in snapshot.documents if d.collection == "countries"]
    query = "collection=countries&sort=-state_party&limit=100&offset=100"
    result = corpus_index.run(parse_list_query(pairs(query)))
    # Python's sort is stable: the oracle keeps the default order within each value.
    expected = sorted(countries, key=lambda d: d.data["state_party"] is not True)
    assert result.total == len(countries)
    assert list(result.ids) == [d.id for d in expected][100:200]


@pytest.mark.corpus
def test_corpus_dates_sort_with_missing_last(corpus_index: QueryIndex, snapshot: Snapshot) -> None:
    events = [d for d in snapshot.documents if d.collection == "cases-events"]
    result = corpus_index.select(
        parse_list_query(pairs("collection=cases-events&sort=-event_date"))
    )
    dated = [d for d in events if d.data.get("event_date")]
    undated = [d for d in events if not d.data.get("event_date")]
    newest_first = sorted(  # stable, reverse=True included: ties stay in the default order
        dated, key=lambda d: datetime.fromisoformat(d.data["event_date"]), reverse=True
    )
    assert [snapshot.documents[p].id for p in result] == [d.id for d in newest_first + undated]
