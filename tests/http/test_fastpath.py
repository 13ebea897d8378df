"""The fast path and the full stack send the same status, headers and bytes.

Every case is sent twice at the ASGI level: once to the app (where the fast path answers
cached resources before any middleware) and once to the framework alone (``FastAPI.__call__``:
Guard, Starlette's CORS middleware, routing, the routes). The answers must be identical,
header order included, and the fast path must really have answered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from starlette.types import Message

from api.http.fastpath import ContentAPI
from tests.http.conftest import SITE, build_app
from tests.support.sites import page, write_site

Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
PAGE = "/api/v1/pages/about-the-icc/the-us-icc-relationship"
BROWSER = "gzip, deflate, br"
RESOURCES = [
    (PAGE, b""),
    (f"{PAGE}/html", b""),
    (f"{PAGE}/timeline", b""),
    ("/api/v1/pages/cases/timeline/timeline/data", b""),
    ("/api/v1/pages", b"collection=cases"),
    ("/api/v1/pages", b""),
    ("/api/v1/timelines", b""),
    ("/api/v1/search", b"q=trial"),
    ("/api/v1/collections", b""),
]


def scope_of(
    method: str, path: str, query: bytes = b"", headers: dict[str, str] | None = None
) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [
            (b"host", b"test"),
            *((k.encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }


def call(handler: Callable[..., Any], scope: dict[str, Any]) -> Answer:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(handler(scope, receive, send))
    start = sent[0]
    assert start["type"] == "http.response.start"
    return start["status"], list(start["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


def fast(app: FastAPI, scope: dict[str, Any]) -> Answer:
    """The fast path alone; fails when it would hand the request to the framework."""
    assert isinstance(app, ContentAPI)
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    answered = asyncio.run(app.answer(dict(scope), send))
    assert answered is not None, f"the fast path did not answer {scope['method']} {scope['path']}"
    status, headers = sent[0]["status"], list(sent[0]["headers"])
    body = b"".join(m.get("body", b"") for m in sent[1:])
    assert answered == (status, len(body))
    return status, headers, body


def full(app: FastAPI, scope: dict[str, Any]) -> Answer:
    """The framework alone: middleware, routing, the route."""
    return call(lambda s, r, w: FastAPI.__call__(app, s, r, w), dict(scope))


def site_files() -> dict[str, str]:
    files = {**SITE, "_cases/timeline.md": page("title: T\ntimeline_data: data/t.csv")}
    files["data/t.csv"] = "Year,Headline\n2002,In force\n"
    files["_cases/trial.md"] = page("title: Trial", "The trial " * 200 + "\n")
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("fastpath") / "site", site_files())


@pytest.fixture(scope="module")
def open_app(site: Path) -> FastAPI:
    return warmed(build_app(site))


@pytest.fixture(scope="module")
def listed_app(site: Path) -> FastAPI:
    return warmed(build_app(site, cors_origins=("https://app.example",)))


def warmed(app: FastAPI) -> FastAPI:
    for path, query in RESOURCES:  # built once through the routes, as a first request is
        status, _, _ = full(app, scope_of("GET", path, query))
        assert status == 200, path
    return app


def etag_of(app: FastAPI, path: str, query: bytes, encoding: str | None) -> str:
    headers = {"accept-encoding": encoding} if encoding else {}
    _, raw, _ = full(app, scope_of("GET", path, query, headers))
    return dict(raw)[b"etag"].decode()


def header_sets(app: FastAPI, path: str, query: bytes) -> list[dict[str, str]]:
    plain_etag = etag_of(app, path, query, None)
    br_etag = etag_of(app, path, query, BROWSER)
    origin = {"origin": "https://app.example"}
    other = {"origin": "https://evil.example"}
    return [
        {},
        {"accept-encoding": "gzip"},
        {"accept-encoding": "br"},
        {"accept-encoding": BROWSER},
        origin,
        other,
        {**origin, "accept-encoding": BROWSER},
        {**other, "accept-encoding": BROWSER},
        {"if-none-match": plain_etag},
        {"if-none-match": '"stale"'},
        {**origin, "accept-encoding": BROWSER, "if-none-match": br_etag},
        {**other, "accept-encoding": BROWSER, "if-none-match": br_etag},
        {**origin, "if-none-match": f"W/{plain_etag}, {br_etag}"},
    ]


@pytest.mark.parametrize("which", ["open_app", "listed_app"])
@pytest.mark.parametrize(("path", "query"), RESOURCES)
def test_fast_and_full_paths_send_the_same_bytes(
    request: pytest.FixtureRequest, which: str, path: str, query: bytes
) -> None:
    app: FastAPI = request.getfixturevalue(which)
    statuses = set()
    for method in ("GET", "HEAD"):
        for headers in header_sets(app, path, query):
            scope = scope_of(method, path, query, headers)
            expected = full(app, scope)
            assert fast(app, scope) == expected, (method, headers)
            assert call(app, scope) == expected, (method, headers)  # the app as uvicorn calls it
            statuses.add(expected[0])
            if method == "HEAD":
                assert expected[2] == b""
    assert statuses == {200, 304}


def test_cors_headers_as_the_policy_says(open_app: FastAPI, listed_app: FastAPI) -> None:
    browser = {"origin": "https://app.example", "accept-encoding": BROWSER}
    _, raw, _ = fast(open_app, scope_of("GET", PAGE, headers=browser))
    headers = dict(raw)
    assert headers[b"access-control-allow-origin"] == b"*"
    assert headers[b"access-control-expose-headers"] == b"ETag, Link, X-Total-Count"
    assert headers[b"vary"] == b"Accept-Encoding, Origin, Authorization"
    assert headers[b"content-encoding"] == b"br"
    _, raw, _ = fast(listed_app, scope_of("GET", PAGE, headers=browser))
    assert dict(raw)[b"access-control-allow-origin"] == b"https://app.example"
    _, raw, _ = fast(listed_app, scope_of("GET", PAGE, headers={"origin": "https://evil.example"}))
    assert b"access-control-allow-origin" not in dict(raw)
    _, raw, _ = fast(listed_app, scope_of("GET", PAGE))
    assert not any(name.startswith(b"access-control") for name, _ in raw)


PREFLIGHTS = [
    {"access-control-request-method": "GET"},
    {"access-control-request-method": "HEAD", "access-control-request-headers": "if-none-match"},
    {"access-control-request-method": "DELETE"},
    {"access-control-request-method": "GET", "access-control-request-private-network": "true"},
]


@pytest.mark.parametrize("which", ["open_app", "listed_app"])
@pytest.mark.parametrize("origin", ["https://app.example", "https://evil.example"])
@pytest.mark.parametrize("asks", PREFLIGHTS)
def test_preflights_are_answered_as_the_middleware_answers_them(
    request: pytest.FixtureRequest, which: str, origin: str, asks: dict[str, str]
) -> None:
    app: FastAPI = request.getfixturevalue(which)
    for path in (PAGE, "/api/v1/pages", "/nothing/here"):
        scope = scope_of("OPTIONS", path, headers={"origin": origin, **asks})
        expected = full(app, scope)
        assert fast(app, scope) == expected
        assert fast(app, scope) == expected  # remembered: the same answer again
        status, raw, body = expected
        headers = dict(raw)
        assert headers[b"x-content-type-options"] == b"nosniff"
        refused = (
            asks["access-control-request-method"] == "DELETE"
            or "access-control-request-private-network" in asks
            or (which == "listed_app" and origin == "https://evil.example")
        )
        if refused:
            assert status == 400 and headers[b"content-type"] == b"application/problem+json"
            assert b"CORS preflight refused" in body
        else:
            assert status == 200 and b"GET" in headers[b"access-control-allow-methods"]


def test_what_the_fast_path_leaves_to_the_framework(open_app: FastAPI) -> None:
    assert isinstance(open_app, ContentAPI)

    def declines(scope: dict[str, Any]) -> bool:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        answered = asyncio.run(open_app.answer(scope, send))
        assert (answered is None) == (not sent)
        return answered is None

    assert declines(scope_of("POST", PAGE))
    assert declines(scope_of("OPTIONS", PAGE))  # not a preflight: a 405 problem
    assert declines(scope_of("OPTIONS", PAGE, headers={"origin": "https://a.example"}))
    assert declines(scope_of("GET", PAGE, b"sanitize=true"))
    assert declines(scope_of("GET", "/api/v1/pages/nope"))
    assert declines(scope_of("GET", "/api/v1/pages", b"limit=0"))  # a 422 problem
    assert declines(scope_of("GET", "/api/v1/pages", b"include=html"))  # renders: a thread
    assert declines(scope_of("GET", "/api/v1/pages", b"&".join([b"a=1"] * 64)))
    assert declines(scope_of("GET", "/api/v1/diagnostics"))
    assert not declines(scope_of("GET", "/api/v1/pages", b"&".join([b"limit=1"] * 63)))


def test_limits_apply_to_the_fast_path(make_client: Callable[..., Any]) -> None:
    client = make_client(max_url_length=300, max_query_params=3)
    page_path = "/api/v1/pages/about-the-icc/the-us-icc-relationship"
    assert client.get(page_path).status_code == 200
    assert client.get("/api/v1/pages?limit=1&offset=0&collection=cases").status_code == 200
    assert client.get("/api/v1/pages?limit=1&offset=0&sort=title&fields=id").status_code == 422
    assert client.get("/api/v1/pages?" + "x" * 300).status_code == 414
    long_preflight = client.options(
        "/api/v1/pages?" + "x" * 300,
        headers={"origin": "https://a.example", "access-control-request-method": "GET"},
    )
    assert long_preflight.status_code == 414
