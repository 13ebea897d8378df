"""``expand=`` and backlink ``sort=``: parsed once, checked against the site's references."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from api.query import QueryError, SortKey, parse_list_query, parse_page_query
from api.query.expand import MAX_DEPTH, Node, Step, plan
from api.query.fields import project
from tests.query.helpers import pairs


@dataclass(frozen=True)
class Schema:
    keys: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "cases": ("country", "accuseds"),
            "accuseds": ("country",),
            "cases-events": ("case", "accused"),
        }
    )
    targets: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "country": ("countries",),
            "accuseds": ("accuseds",),
            "case": ("cases",),
            "accused": ("accuseds",),
        }
    )
    groups: frozenset[str] = frozenset(
        {"cases.country", "cases.accuseds", "accuseds.country", "cases-events.case"}
    )


SCHEMA = Schema()


def steps(node: Node) -> dict[Step, Any]:
    return {step: steps(child) for step, child in node.steps}


def expand(text: str) -> dict[Step, Any]:
    return steps(plan(parse_list_query(pairs(f"expand={text}")).expand, (), SCHEMA).root)


def rejected(text: str) -> str:
    with pytest.raises(QueryError) as caught:
        expand(text)
    assert caught.value.param == "expand"
    return caught.value.message


def test_keys_and_dotted_paths_make_one_tree() -> None:
    assert expand("country,accuseds,accuseds.country") == {
        Step(key="country"): {},
        Step(key="accuseds"): {Step(key="country"): {}},
    }


def test_backlinks_every_group_one_collection_or_one_group() -> None:
    assert expand("referenced_by") == {Step(): {}}
    assert expand("referenced_by.cases-events") == {Step(collection="cases-events"): {}}
    group = Step(collection="cases-events", group="cases-events.case")
    assert expand("referenced_by.cases-events.case.accused") == {group: {Step(key="accused"): {}}}
    node = plan(("referenced_by", "referenced_by.cases-events.case.accused"), (), SCHEMA).root
    assert node.backlinks("cases.country") == Node()
    merged = node.backlinks("cases-events.case")
    assert merged is not None and [s for s, _ in merged.steps] == [Step(key="accused")]
    assert plan(("country",), (), SCHEMA).root.backlinks("cases.country") is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("bogus", "'bogus' is not a reference key"),
        ("country.accuseds", "'accuseds' is not a reference key of the pages of countries"),
        ("referenced_by.cases-events.case.country", "of the pages of cases-events"),
        ("referenced_by.nowhere", "no page of 'nowhere' refers to another"),
        ("referenced_by.cases-events.title", "name one group"),
        ("referenced_by.cases.title", "name one group"),
    ],
)
def test_unknown_keys_are_named(text: str, named: str) -> None:
    assert named in rejected(text)


def test_depth_is_capped() -> None:
    deep = "referenced_by.cases-events.case.accused.country"
    assert len(steps(plan((deep,), (), SCHEMA).root)) == 1  # three levels: allowed
    assert f"deeper than {MAX_DEPTH} levels" in rejected(deep + ".country")


def test_expand_is_parsed_on_every_endpoint() -> None:
    assert parse_list_query(pairs("expand=a,b.c&expand=a")).expand == ("a", "b.c")
    assert parse_page_query(pairs("expand=country&sanitize=true")).expand == ("country",)
    with pytest.raises(QueryError, match="not a field name"):
        parse_list_query(pairs("expand=a..b"))
    with pytest.raises(QueryError, match="at most 20"):
        parse_list_query(pairs("expand=" + ",".join(f"k{i}" for i in range(21))))


def test_sort_items_on_backlinks_are_taken_out_of_the_list_sort() -> None:
    query = parse_list_query(pairs("sort=-date,referenced_by.cases-events.event_date,title"))
    assert query.sort == (SortKey("date", True), SortKey("title"))
    assert query.backlink_sort == (("cases-events", SortKey("event_date")),)
    page = parse_page_query(pairs("sort=-referenced_by.cases-events.event_date"))
    assert page.backlink_sort == (("cases-events", SortKey("event_date", True)),)
    wanted = plan((), page.backlink_sort, SCHEMA)
    assert wanted and wanted.sort_of("cases-events.case") == (SortKey("event_date", True),)
    assert wanted.sort_of("cases.country") == ()
    with pytest.raises(QueryError, match="orders its backlinks"):
        parse_page_query(pairs("sort=title"))
    # `referenced_by` alone is a list field; a collection that refers to nothing, no order.
    assert parse_list_query(pairs("sort=referenced_by.cases")).sort == (
        SortKey("referenced_by.cases"),
    )
    nowhere = plan((), (("nowhere", SortKey("title")),), SCHEMA)
    assert nowhere.sort_of("cases.country") == ()


RECORD: dict[str, Any] = {
    "id": "cases/one",
    "title": "One",
    "data": {"country": "sudan"},
    "references": {
        "country": [{"id": "countries/sudan", "title": "Sudan", "url": "/sudan/"}],
        "accuseds": [{"id": "a/x", "title": "X", "data": {"age": 3}}, {"id": "a/y", "title": "Y"}],
    },
    "referenced_by": {
        "cases-events.case": [{"id": "e/1", "title": "E1", "url": "/e1/"}],
        "cases-charges.case": [{"id": "c/1", "title": "C1", "url": "/c1/"}],
    },
}


def test_fields_reach_into_references_and_backlinks() -> None:
    assert project(RECORD, ["title", "references.country.title"]) == {
        "id": "cases/one",
        "title": "One",
        "references": {"country": [{"id": "countries/sudan", "title": "Sudan"}]},
    }
    assert project(RECORD, ["references.accuseds.data.age", "references.country"]) == {
        "id": "cases/one",
        "references": {
            "country": RECORD["references"]["country"],
            "accuseds": [{"id": "a/x", "data": {"age": 3}}, {"id": "a/y"}],
        },
    }
    assert project(RECORD, ["referenced_by.cases-events.case.url"]) == {
        "id": "cases/one",
        "referenced_by": {"cases-events.case": [{"id": "e/1", "url": "/e1/"}]},
    }
    assert project(RECORD, ["referenced_by.cases-charges"])["referenced_by"] == {
        "cases-charges.case": RECORD["referenced_by"]["cases-charges.case"]
    }
    assert project(RECORD, ["referenced_by.cases-events.title"])["referenced_by"] == {
        "cases-events.case": [{"id": "e/1", "title": "E1"}]
    }
    assert project(RECORD, ["references.nowhere.title"]) == {"id": "cases/one", "references": {}}
    assert (
        project(RECORD, ["references", "references.country.title"])["references"]
        == (RECORD["references"])
    )
