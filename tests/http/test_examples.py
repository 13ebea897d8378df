"""The OpenAPI examples are what the API serves for the bundled site, and every example in
the schema is valid against its own schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.http import examplegen, examples
from api.http.app import create_app
from tests.http.conftest import build_app
from tests.support.sites import CONTENT

SCHEMA = create_app(start=False).openapi()
BASE = "urn:content-api:openapi"


def test_the_examples_are_current() -> None:
    """``examples.json`` is what ``make openapi`` makes from the bundled site now."""
    assert examplegen.collect() == examples.load_examples(), "regenerate them: make openapi"


def test_the_page_example_is_the_served_seed_page() -> None:
    served = TestClient(build_app(CONTENT)).get(f"/api/v1/pages/{examples.SEED_ID}").json()
    example = examples.example("Page")
    assert example.keys() == served.keys()
    for key in example.keys() - examplegen.ABRIDGED:
        assert example[key] == served[key], key
    for key in examplegen.ABRIDGED & example.keys():
        shown = example[key].removesuffix(" …")
        assert len(shown) > 40 and served[key].startswith(shown), key


def test_the_list_examples_show_expanded_references() -> None:
    """The second PageList example is the served list of pages that refer to the seed page,
    with that reference expanded; PageRef's is the seed page as they refer to it."""
    client = TestClient(build_app(CONTENT))
    plain, expanded = examples.load_examples()["schemas"]["PageList"]
    assert (
        client.get("/api/v1/pages?collection=about-the-icc&limit=1").json()["meta"]
        == (plain["meta"])
    )
    assert client.get(f"/api/v1/pages?{examples.EXPANDED_LIST_QUERY}").json() == expanded
    assert expanded["data"][0]["references"]["related"][0]["title"] == "The US-ICC Relationship"
    milestones = client.get(f"/api/v1/pages/{examples.MILESTONES_ID}").json()
    assert milestones["references"] == {"related": [examples.example("PageRef")]}
    assert examples.example("PageRef")["id"] == examples.SEED_ID


def _pointer(parts: tuple[str | int, ...]) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def examples_in(node: Any, at: tuple[str | int, ...] = ()) -> Iterator[tuple[str, str, Any]]:
    """``(where, pointer of the schema, example)`` for every example of the document: a
    schema's ``examples`` list, and a parameter's, header's or media type's ``example`` and
    ``examples`` map (checked against its ``schema``)."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from examples_in(item, (*at, index))
        return
    if not isinstance(node, dict):
        return
    is_schema = "schema" in at[-1:] or (at[:2] == ("components", "schemas") and len(at) == 3)
    if "schema" in node and isinstance(node["schema"], dict):
        schema = _pointer((*at, "schema"))
        if "example" in node:
            yield _pointer((*at, "example")), schema, node["example"]
        if isinstance(node.get("examples"), dict):
            for name, example in node["examples"].items():
                yield _pointer((*at, "examples", name)), schema, example["value"]
    elif is_schema and isinstance(node.get("examples"), list):
        for index, example in enumerate(node["examples"]):
            yield _pointer((*at, "examples", index)), _pointer(at), example
    for key, value in node.items():
        if key not in ("example", "examples"):
            yield from examples_in(value, (*at, key))


FOUND = list(examples_in(SCHEMA))


def test_the_schema_has_examples_everywhere_it_should() -> None:
    where = {place for place, _, _ in FOUND}
    for name in ("Page", "PageList", "SearchResults", "TimelineEmbed", "Problem", "Found"):
        assert f"/components/schemas/{name}/examples/0" in where, name
    assert len(FOUND) > 30


@pytest.mark.parametrize(("where", "schema", "example"), FOUND, ids=[f[0] for f in FOUND])
def test_every_example_is_valid_against_its_schema(where: str, schema: str, example: Any) -> None:
    registry = Registry().with_resource(
        BASE, Resource.from_contents(SCHEMA, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator({"$ref": f"{BASE}#{schema}"}, registry=registry)
    problems = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(example)
    ]
    assert not problems, problems


def test_an_invalid_example_is_caught() -> None:
    """The check above can fail: the seed page without its neighbours is no Page."""
    registry = Registry().with_resource(
        BASE, Resource.from_contents(SCHEMA, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator(
        {"$ref": f"{BASE}#/components/schemas/Page"}, registry=registry
    )
    page = dict(examples.example("Page"))
    assert validator.is_valid(page)
    del page["previous"]
    assert not validator.is_valid(page)
