"""The OpenAPI schema is complete enough for people and client generators, and committed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from api.http.app import create_app
from api.http.examples import SEED_ID
from api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = create_app(start=False).openapi()
OPERATIONS = [
    (path, method, op) for path, ops in SCHEMA["paths"].items() for method, op in ops.items()
]
IDS = [f"{method.upper()} {path}" for path, method, _ in OPERATIONS]


def _component(ref: str) -> dict[str, Any]:
    found: dict[str, Any] = SCHEMA["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    return found


def test_operation_ids_are_unique_and_readable() -> None:
    ids = [op["operationId"] for _, _, op in OPERATIONS]
    assert len(ids) == len(set(ids))
    for operation_id in ids:
        assert re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)+", operation_id), operation_id


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=IDS)
def test_every_operation_is_documented(path: str, method: str, op: dict[str, Any]) -> None:
    assert op.get("summary") and op.get("description") and op.get("tags")
    for parameter in op.get("parameters", []):
        name = parameter["name"]
        assert parameter.get("description") or parameter["schema"].get("description"), name
        if parameter.get("required"):
            schema = parameter["schema"]
            examples = parameter.get("examples") or schema.get("examples") or schema.get("example")
            assert examples, f"{name} is required and has no example"


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=IDS)
def test_every_success_has_an_example(path: str, method: str, op: dict[str, Any]) -> None:
    success = [r for status, r in op["responses"].items() if status.startswith("2")]
    for response in success:
        for media in response.get("content", {}).values():
            if "example" in media or "examples" in media:
                continue
            schema = media["schema"]
            if "$ref" in schema:
                schema = _component(schema["$ref"])
            assert "examples" in schema or "example" in schema, f"{path}: no example"


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=IDS)
def test_errors_are_documented_as_problems(path: str, method: str, op: dict[str, Any]) -> None:
    responses = op["responses"]
    if path != "/healthz":  # liveness answers before the content, and never fails
        assert "503" in responses
    if op.get("parameters"):
        assert "422" in responses, "parameters can be invalid"
    if "{" in path or path == "/oembed":
        assert "404" in responses
    for status, response in responses.items():
        if status[0] in "45":
            schema = response["content"]["application/problem+json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Problem"}, status


def test_the_seed_page_is_the_example() -> None:
    assert _component("Page")["examples"][0]["id"] == SEED_ID
    page = SCHEMA["paths"]["/api/v1/pages/{page_id}"]["get"]
    param = next(p for p in page["parameters"] if p["name"] == "page_id")
    assert [e["value"] for e in param["examples"].values()] == [SEED_ID]


def test_the_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "openapi" / "openapi.json").read_text(encoding="utf-8"))
    assert committed == SCHEMA, "regenerate it: make openapi"


def _longest(schema: dict[str, Any]) -> int:
    """The most characters a value of ``schema`` can take in a query string."""
    if "anyOf" in schema:
        return max(_longest(option) for option in schema["anyOf"])
    types = schema.get("type", "string")
    types = types if isinstance(types, list) else [types]
    longest = 0
    for kind in types:
        if kind == "string":
            assert "maxLength" in schema or "enum" in schema, schema
            longest = max(longest, schema.get("maxLength") or max(map(len, schema["enum"])))
        elif kind == "integer":
            longest = max(longest, len(str(schema["maximum"])), len(str(schema.get("minimum", 0))))
        elif kind in ("number", "null", "boolean"):
            longest = max(longest, 24)  # a double's longest repr: -1.2345678901234567e-308
    return longest


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=IDS)
def test_every_request_the_schema_calls_valid_fits_the_servers_limits(
    path: str, method: str, op: dict[str, Any]
) -> None:
    """At its longest, every parameter at once, a schema-valid request is within the URL
    limit (characters, percent escapes decoded) and the parameter count: never a 414 or a
    422 for something the schema promises."""
    limits = Settings()
    target, count = len(path) + 1, 0
    for parameter in op.get("parameters", []):
        schema, name = parameter["schema"], parameter["name"]
        if parameter["in"] == "header":
            continue
        if parameter["in"] == "path":
            target += _longest(schema) - len("{" + name + "}")
        else:
            count += 1
            target += len(name) + 1 + _longest(schema) + 1
    assert target <= limits.max_url_length, target
    assert count <= limits.max_query_params, count


def test_metadata_linters_ask_for() -> None:
    info = SCHEMA["info"]
    assert info["contact"]["url"].startswith("https://") and info["contact"]["name"]
    assert info["license"] == {"name": "MIT", "identifier": "MIT"}
    assert SCHEMA["servers"] == [
        {"url": "/", "description": "The server that serves this document"}
    ]
    # Public, with an optional preview token: declared once, so that generators that read
    # only an operation's own requirement (openapi-python-client) take a plain Client.
    assert SCHEMA["security"] == [{}, {"previewToken": []}]
    assert not [op for _, _, op in OPERATIONS if "security" in op]
    public = create_app(Settings(public_url="https://api.example.org"), start=False).openapi()
    assert public["servers"][0]["url"] == "https://api.example.org"


CONDITIONAL = [(path, method, op) for path, method, op in OPERATIONS if "304" in op["responses"]]


@pytest.mark.parametrize(
    ("path", "method", "op"), CONDITIONAL, ids=[f"{m.upper()} {p}" for p, m, _ in CONDITIONAL]
)
def test_conditional_requests_are_declared(path: str, method: str, op: dict[str, Any]) -> None:
    params = {(p["in"], p["name"]): p for p in op["parameters"]}
    assert ("header", "If-None-Match") in params
    paged = ("query", "offset") in params
    for status in ("200", "304"):
        headers = op["responses"][status]["headers"]
        wanted = {"ETag", "Cache-Control"} | ({"Link", "X-Total-Count"} if paged else set())
        assert set(headers) >= wanted, status
        for name in wanted:
            assert headers[name] == {"$ref": f"#/components/headers/{name}"}


def test_operations_that_never_answer_304_declare_none() -> None:
    for operation in ("findPage", "getHealth", "getReadiness"):
        op = next(op for _, _, op in OPERATIONS if op["operationId"] == operation)
        assert "304" not in op["responses"], operation
    assert {op["operationId"] for _, _, op in CONDITIONAL} >= {"getPage", "listPages"}


def test_declared_headers_are_sent() -> None:
    """Every declared response header, required ones included, is on the real responses
    (200 and 304) of the bundled site."""
    from fastapi.testclient import TestClient

    from tests.http.conftest import build_app
    from tests.support.sites import CONTENT

    client = TestClient(build_app(CONTENT))
    for target, operation in [
        (f"/api/v1/pages/{SEED_ID}", "getPage"),
        ("/api/v1/pages?limit=1", "listPages"),
        ("/api/v1/search?q=rome", "searchPages"),
        ("/api/v1/timelines", "listTimelines"),
        ("/feed.xml", "getAtomFeed"),
    ]:
        op = next(op for _, _, op in OPERATIONS if op["operationId"] == operation)
        first = client.get(target)
        again = client.get(target, headers={"If-None-Match": first.headers["etag"]})
        for response, status in ((first, "200"), (again, "304")):
            assert response.status_code == int(status), target
            for name in op["responses"][status]["headers"]:
                assert response.headers.get(name), (target, status, name)
        assert int(first.headers.get("x-total-count", "0")) >= 0


def test_find_declares_where_it_leads() -> None:
    op = SCHEMA["paths"]["/api/v1/find"]["get"]["responses"]
    assert op["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Page"
    }
    for status in ("301", "307"):
        assert op[status]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Found"
        }
        assert op[status]["headers"]["Location"]["required"] is True


def test_feeds_are_declared_as_text_too() -> None:
    for path, own in (("/feed.xml", "application/atom+xml"), ("/sitemap.xml", "application/xml")):
        content = SCHEMA["paths"][path]["get"]["responses"]["200"]["content"]
        assert list(content) == [own, "text/xml"]
        assert all(media["schema"] == {"type": "string"} for media in content.values())


def test_list_parameters_have_short_patterns() -> None:
    """Generators copy patterns into client-side validators: no multi-kilobyte regexes."""
    for _, _, op in OPERATIONS:
        for parameter in op.get("parameters", []):
            assert len(parameter["schema"].get("pattern", "")) < 800, parameter["name"]
