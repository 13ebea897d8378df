"""The OpenAPI document: FastAPI's, finished with what routes cannot say one by one.

- ``info.contact``, ``info.license``, ``servers`` and ``security``: a requirement that every
  operation shares (the optional preview token, ``[{}, {previewToken: []}]``) is declared
  once for the document, as OpenAPI lets operations inherit it, because openapi-python-client
  reads only an operation's own ``security`` and would otherwise type every call as needing
  an ``AuthenticatedClient``;
- conditional requests: every operation that answers 304 takes ``If-None-Match``, and its
  200 and 304 carry ``ETag`` and ``Cache-Control``; a paged list (an operation with
  ``offset``) also carries ``Link`` and ``X-Total-Count``;
- examples, from ``examples.json`` (what the API serves for the bundled site): set here,
  after FastAPI has built the document, because FastAPI drops every ``null`` from the
  examples it is given, which leaves them invalid against their own schemas.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from api.http.examples import load_examples

CONTACT = {"name": "Content API", "url": "https://content-api.dev"}
LICENSE = {"name": "MIT", "identifier": "MIT"}

_HEADERS: dict[str, dict[str, Any]] = {
    "ETag": {
        "description": "A strong validator derived from the bytes (the same on every "
        "replica serving the same content): send it back in `If-None-Match`.",
        "required": True,
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "How long shared caches and browsers may keep the response "
        "(`CONTENT_API_CACHE_CONTROL`).",
        "required": True,
        "schema": {"type": "string"},
    },
    "Link": {
        "description": "RFC 8288 links to the `first`, `prev`, `next` and `last` pages of "
        'the same query: `</api/v1/pages?limit=20&offset=20>; rel="next"`.',
        "required": True,
        "schema": {"type": "string"},
    },
    "X-Total-Count": {
        "description": "How many items match, over all pages of results.",
        "required": True,
        "schema": {"type": "integer", "minimum": 0},
    },
}
_CONDITIONAL = ("ETag", "Cache-Control")
_PAGED = ("Link", "X-Total-Count")
IF_NONE_MATCH: dict[str, Any] = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "ETags of copies the client holds (from `ETag`), comma-separated, or `*`: "
    "when one still matches, the answer is a 304 with no body. Any value is read (one that "
    "matches nothing gets the full answer), so it has no bound of its own.",
    "schema": {"type": "string"},
}


def install(app: FastAPI, *, public_url: str | None) -> None:
    """Make ``app.openapi()`` return the finished document (built once, then kept)."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        finish(schema, public_url=public_url)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def finish(schema: dict[str, Any], *, public_url: str | None) -> None:
    info = schema["info"]
    info["contact"] = dict(CONTACT)
    info["license"] = dict(LICENSE)
    # Relative to where the document is served, unless the API knows its public address.
    schema["servers"] = [
        {"url": public_url, "description": "This API"}
        if public_url
        else {"url": "/", "description": "The server that serves this document"}
    ]
    _hoist_security(schema)
    components = schema.setdefault("components", {})
    components["headers"] = {name: dict(header) for name, header in _HEADERS.items()}
    for operation in _operations(schema):
        _declare_conditional(operation)
    _set_examples(schema, load_examples())


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for item in schema.get("paths", {}).values() for op in item.values()]


def _hoist_security(schema: dict[str, Any]) -> None:
    """One ``security`` for the document when every operation has the same one."""
    operations = _operations(schema)
    shared = {json.dumps(op.get("security"), sort_keys=True) for op in operations}
    if operations and len(shared) == 1 and "security" in operations[0]:
        schema["security"] = operations[0]["security"]
        for operation in operations:
            del operation["security"]
    schema.setdefault("security", [])


def _declare_conditional(operation: dict[str, Any]) -> None:
    responses = operation.get("responses", {})
    if "304" not in responses:
        return
    parameters = operation.setdefault("parameters", [])
    names = {(p.get("in"), p.get("name")) for p in parameters}
    if ("header", IF_NONE_MATCH["name"]) not in names:
        parameters.append(dict(IF_NONE_MATCH))
    paged = ("query", "offset") in names
    wanted = (*_CONDITIONAL, *(_PAGED if paged else ()))
    for status in ("200", "304"):
        if status in responses:
            headers = responses[status].setdefault("headers", {})
            for name in wanted:
                headers.setdefault(name, {"$ref": f"#/components/headers/{name}"})


def _set_examples(schema: dict[str, Any], examples: dict[str, Any]) -> None:
    models = schema.get("components", {}).get("schemas", {})
    for name, found in examples["schemas"].items():
        if name in models:
            models[name]["examples"] = list(found)
    by_id = {op.get("operationId"): op for op in _operations(schema)}
    for operation_id, media in examples["responses"].items():
        operation = by_id.get(operation_id)
        if operation is None:
            continue
        for status, by_type in media.items():
            content = operation["responses"].get(status, {}).get("content", {})
            for media_type, example in by_type.items():
                if media_type in content:
                    content[media_type]["example"] = example
