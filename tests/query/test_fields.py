from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from api.query import CORE_FIELDS, MISSING, core_resolver, project
from api.query.fields import lookup
from tests.query.helpers import doc

DATA: dict[str, Any] = {
    "country": "sudan",
    "nested": {"deep": {"value": 3}},
    "images": [{"name": "a", "path": "/a.jpg"}, {"name": "b"}, "not a dict"],
    "accuseds": ["x", "y"],
    "nothing": None,
}


def test_core_fields() -> None:
    when = datetime(2020, 6, 15, 10, tzinfo=UTC)
    document = doc("one", title="One", date=when, order=3)
    resolve = core_resolver(frozenset({"things/one"}))
    assert resolve(document, "id") == "things/one"
    assert resolve(document, "collection") == "things"
    assert resolve(document, "title") == "One"
    assert resolve(document, "order") == 3
    assert resolve(document, "date") == "2020-06-15T10:00:00+00:00"
    assert resolve(document, "url") == "/things/one/"
    assert resolve(document, "has_timeline") is True
    assert core_resolver()(document, "has_timeline") is False
    assert resolve(doc("two"), "date") is None
    assert {"id", "title", "date", "has_timeline", "published"} <= CORE_FIELDS


def test_front_matter_paths() -> None:
    document = doc("one", **DATA)
    resolve = core_resolver()
    assert resolve(document, "country") == "sudan"
    assert resolve(document, "data.country") == "sudan"
    assert resolve(document, "data.nested.deep.value") == 3
    assert resolve(document, "nested.deep") == {"value": 3}
    assert resolve(document, "data.images.name") == ["a", "b"]
    assert resolve(document, "data.accuseds.1") == "y"
    assert resolve(document, "data.accuseds.2") is MISSING
    assert resolve(document, "nothing") is None
    assert resolve(document, "absent") is MISSING
    assert resolve(document, "country.more") is MISSING
    assert resolve(document, "data.images.path") == ["/a.jpg"]
    assert resolve(document, "data.images.missing") is MISSING


def test_core_names_win_over_front_matter_but_data_paths_reach_it() -> None:
    document = doc("one", title="Typed")
    document.data["title"] = ["raw", "value"]
    assert core_resolver()(document, "title") == "Typed"
    assert core_resolver()(document, "data.title") == ["raw", "value"]


def test_lookup_through_nested_arrays() -> None:
    assert lookup({"a": [[{"b": 1}], {"b": 2}]}, ["a", "b"]) == [[1], 2]


RECORD: dict[str, Any] = {"id": "things/one", "title": "One", "url": "/one/", "data": DATA}


def test_project_keeps_id_and_the_fields_asked_for() -> None:
    assert project(RECORD, ["title"]) == {"id": "things/one", "title": "One"}
    assert project(RECORD, []) == {"id": "things/one"}
    assert project(RECORD, None) == RECORD
    assert project(RECORD, ["nope", "data.nope"]) == {"id": "things/one"}


def test_project_front_matter_paths_nest_under_data() -> None:
    assert project(RECORD, ["data.country", "data.nested.deep.value"]) == {
        "id": "things/one",
        "data": {"country": "sudan", "nested": {"deep": {"value": 3}}},
    }
    assert project(RECORD, ["country"]) == {"id": "things/one", "data": {"country": "sudan"}}
    assert project(RECORD, ["data.nothing"]) == {"id": "things/one", "data": {"nothing": None}}


def test_project_through_arrays_keeps_each_object_element() -> None:
    projected = project(RECORD, ["data.images.name", "data.images.path"])
    assert projected["data"] == {"images": [{"name": "a", "path": "/a.jpg"}, {"name": "b"}]}
    assert project(RECORD, ["data.images.path"])["data"] == {"images": [{"path": "/a.jpg"}, {}]}
    assert project(RECORD, ["data.images.nope"]) == {"id": "things/one"}


def test_project_whole_data_wins_and_nothing_is_shared_for_writing() -> None:
    assert project(RECORD, ["data.country", "data"])["data"] is DATA
    assert project(RECORD, ["data", "data.country"])["data"] is DATA
    before = copy.deepcopy(RECORD)
    projected = project(RECORD, ["data.nested", "data.nested.deep.value", "data.nested.more"])
    assert projected["data"] == {"nested": {"deep": {"value": 3}}}
    assert before == RECORD
