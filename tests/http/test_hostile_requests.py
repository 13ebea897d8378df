"""What an attacker (or a fuzzer) sends: traversal, odd methods, malformed parameters, huge
URLs, hostile headers. Every answer is a problem or a success, never a 500; no request
opens a file; every response says ``nosniff``."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_to_bytes

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.types import Message

from api.settings import Settings
from tests.http.conftest import SITE, Client, build_app
from tests.support.sites import page, write_site

SECRET = "the secret that lives outside the content folder"
PROBLEM = "application/problem+json"

# -- no file is opened while a request is answered -------------------------------------
_opened: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    # Python may read its own source once (FastAPI inspects an endpoint on its first call);
    # any other file is a request reading from the disk.
    if event == "open" and _opened is not None and not str(args[0]).endswith((".py", ".pyc")):
        _opened.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks stay for the process: the flag above turns it off


@contextmanager
def no_file_is_opened() -> Iterator[None]:
    global _opened
    _opened = []
    try:
        yield
        assert _opened == [], f"a request opened {_opened}"
    finally:
        _opened = None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    for name in ("secret.md", "secret.csv", "etc-passwd"):
        (base / name).write_text(page(f"title: {SECRET}", SECRET), encoding="utf-8")
    files = {**SITE, "_cases/timeline.md": page("title: T\ntimeline_data: data/t.csv")}
    files["data/t.csv"] = "Year,Headline\n2002,In force\n"
    return write_site(base / "site", files)


@pytest.fixture(scope="module")
def app(site: Path) -> FastAPI:
    app = build_app(site)
    # Every page rendered once, so that answering needs no first render (which may read
    # `_includes`): what is left is what a request itself does.
    TestClient(app).get("/api/v1/pages?include=html&limit=100")
    return app


@pytest.fixture(scope="module")
def shared(app: FastAPI) -> Iterator[Client]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def raw_get(
    app: FastAPI,
    raw_path: bytes,
    query: bytes = b"",
    method: str = "GET",
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """Send exactly ``raw_path``, as `curl --path-as-is` does (HTTP clients remove dot
    segments and refuse odd URLs, so a test through one would never send `../`)."""
    path = unquote_to_bytes(raw_path).decode("utf-8", "replace")  # as uvicorn decodes it
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": raw_path,
        "query_string": query,
        "root_path": "",
        "headers": [
            (b"host", b"test"),
            *((k.encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = sent[0]
    headers = {k.decode().lower(): v.decode("latin-1") for k, v in start["headers"]}
    return start["status"], headers, b"".join(m.get("body", b"") for m in sent[1:])


TRAVERSALS = [
    "../../secret",
    "..%2f..%2fsecret",
    "%2e%2e/%2e%2e/secret",
    "%2e%2e%2f%2e%2e%2fsecret.md",
    "....//....//secret",
    "..\\..\\secret",
    "..%5c..%5csecret",
    "cases/../../../secret",
    "cases/%2e%2e/%2e%2e/%2e%2e/secret",
    "%2fetc-passwd",
    "/../secret",
    "cases/%00/../../secret",
    "cases/..%c0%af..%c0%afsecret",
    "\u2025/secret",
    "~/secret",
    "file:%2f%2f%2fetc%2fpasswd",
]


@pytest.mark.parametrize("suffix", ["", "/html", "/timeline", "/timeline/data"])
@pytest.mark.parametrize("attempt", TRAVERSALS)
def test_traversal_in_ids_never_reads_a_file(app: FastAPI, attempt: str, suffix: str) -> None:
    raw = f"/api/v1/pages/{attempt}{suffix}".encode()
    with no_file_is_opened():
        status, headers, body = raw_get(app, raw)
    assert status == 404, (attempt, body[:200])
    assert headers["content-type"] == PROBLEM
    assert SECRET.encode() not in body


@pytest.mark.parametrize("param", ["source_path", "url"])
@pytest.mark.parametrize(
    "attempt",
    [
        *TRAVERSALS,
        "../secret.md",
        "/abs/../../secret.md",
        "_cases/../../secret.md",
        "data/../../secret.csv",
        str(Path("/proc/self/environ")),
        "file:///etc/passwd",
    ],
)
def test_traversal_in_find_never_reads_a_file(shared: Client, param: str, attempt: str) -> None:
    with no_file_is_opened():
        response = shared.get("/api/v1/find", params={param: attempt}, follow_redirects=False)
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert SECRET not in response.text


def test_traversal_in_oembed_never_reads_a_file(shared: Client) -> None:
    for attempt in ("../../secret.md", "file:///etc/passwd", "https://evil.example/../secret"):
        with no_file_is_opened():
            response = shared.get("/oembed", params={"url": attempt})
        assert response.status_code in (404, 422) and SECRET not in response.text


PATHS = [
    "/api/v1/pages",
    "/api/v1/pages/cases/lubanga",
    "/api/v1/pages/cases/lubanga/html",
    "/api/v1/search",
    "/api/v1/diagnostics",
    "/openapi.json",
    "/docs",
    "/healthz",
    "/nothing/here",
]


@pytest.mark.parametrize(
    "method", ["POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "PROPFIND", "BREW", "OPTIONS"]
)
def test_other_methods_are_405_problems(shared: Client, method: str) -> None:
    for path in PATHS:
        response = shared.request(method, path, content=b'{"x": 1}')
        assert response.status_code == 405, (method, path)
        assert response.headers["content-type"] == PROBLEM
        assert response.headers.get_list("allow") == ["GET, HEAD"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.json()["status"] == 405


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/v1/pages?limit=abc", "limit"),
        ("/api/v1/pages?limit=0", "limit"),
        ("/api/v1/pages?limit=101", "limit"),
        ("/api/v1/pages?limit=1e3", "limit"),
        ("/api/v1/pages?offset=-1", "offset"),
        ("/api/v1/pages?offset=9999999999999999999999", "offset"),
        ("/api/v1/pages?has_timeline=maybe", "has_timeline"),
        ("/api/v1/pages?sort=a..b", "sort"),
        ("/api/v1/pages?sort=-", "sort"),
        ("/api/v1/pages?fields=data.", "fields"),
        ("/api/v1/pages?fields=[x]", "fields"),
        ("/api/v1/pages?include=everything", "include"),
        ("/api/v1/pages?filter=x", "filter"),
        ("/api/v1/pages?filter[]=x", "filter[]"),
        ("/api/v1/pages?filter[a][near]=1", "filter[a][near]"),
        ("/api/v1/pages?filter[a][gt]=1,2", "filter[a][gt]"),
        ("/api/v1/pages?filter[a][exists]=perhaps", "filter[a][exists]"),
        ("/api/v1/pages?filter[a]][b]=1", "filter[a]][b]"),
        ("/api/v1/pages?nonsense=1", "nonsense"),
        ("/api/v1/pages?limit=1&limit=2", "limit"),
        ("/api/v1/timelines?include=html", "include"),
        ("/api/v1/search", "q"),
        ("/api/v1/search?q=" + "x" * 1001, "q"),
        ("/api/v1/search?q=a&lang=e%20n", "lang"),
        ("/api/v1/search?q=a&limit=x", "limit"),
        ("/api/v1/find?url=" + "x" * 2049, "url"),
        ("/api/v1/pages/cases/lubanga?sanitize=perhaps", "sanitize"),
        ("/api/v1/pages/cases/lubanga/html?sanitize=2", "sanitize"),
        ("/oembed?url=/cases/case/lubanga/&maxwidth=wide", "maxwidth"),
        ("/oembed", "url"),
        # Control characters, NUL and what is not UTF-8: in any parameter of any endpoint.
        ("/api/v1/pages?sort=%00", "sort"),
        ("/api/v1/pages?fields=title%09", "fields"),
        ("/api/v1/pages?include=html%0A", "include"),
        ("/api/v1/pages?collection=cases%7F", "collection"),
        ("/api/v1/pages?filter[title]=a%C2%85", "filter[title]"),
        ("/api/v1/pages?filter[ti%01tle]=a", "filter[ti\\u0001tle]"),
        ("/api/v1/pages?filter[title]=%ED%A0%80", "filter[title]"),
        ("/api/v1/pages?%00=1", "\\u0000"),
        ("/api/v1/timelines?sort=%1B", "sort"),
        ("/api/v1/search?q=%1C", "q"),
        ("/api/v1/search?q=court%FF", "q"),
        ("/api/v1/search?q=court&collection=%00", "collection"),
        ("/api/v1/find?url=/a/%00", "url"),
        ("/api/v1/find?source_path=_cases%0D", "source_path"),
        ("/oembed?url=/a/%00", "url"),
        ("/oembed?url=/a/&format=json%00", "format"),
        ("/api/v1/pages/cases/lubanga?sanitize=%00", "sanitize"),
        ("/api/v1/collections?x=%00", "x"),
        # Longer than the schema's maxLength bounds.
        ("/api/v1/pages?collection=" + "c" * 257, "collection"),
        ("/api/v1/pages?sort=" + "s" * 257, "sort"),
        ("/api/v1/pages?filter[" + "f" * 65 + "]=1", "filter[" + "f" * 65 + "]"),
        ("/api/v1/pages?filter[title]=" + "v" * 121, "filter[title]"),
    ],
)
def test_malformed_parameters_are_422_problems(shared: Client, path: str, param: str) -> None:
    response = shared.get(path)
    assert response.status_code == 422, response.text[:300]
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 422 and body["detail"]
    assert param in {error["param"] for error in body["errors"]}, body


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/search?q=",
        "/api/v1/search?q=%21%21%21",
        "/api/v1/search?q=+",
        "/api/v1/search?q=%E2%80%94%22*%22",
    ],
)
def test_search_text_with_no_word_is_an_empty_result(shared: Client, path: str) -> None:
    response = shared.get(path)
    assert response.status_code == 200, response.text[:300]
    assert response.json() == {"data": [], "meta": {"total": 0, "limit": 20, "offset": 0}}
    assert response.headers["x-total-count"] == "0"


def test_urls_are_measured_in_characters(make_client: Callable[..., Client]) -> None:
    """The URL limit counts characters once percent escapes are decoded, as the schema's
    maxLength bounds do: 250 four-byte characters are 3,000 bytes on the wire but fit 300."""
    client = make_client(max_url_length=300)
    wide = "\U0001f600" * 250
    fits = client.get("/healthz", params={"x": wide})
    assert fits.status_code == 200
    assert client.get("/healthz", params={"x": wide + "\U0001f600" * 50}).status_code == 414


def test_urls_and_parameters_have_limits(make_client: Callable[..., Client]) -> None:
    client = make_client(max_url_length=300, max_query_params=5)
    path = "/healthz?x="  # the request target: path, `?` and query
    assert client.get(path + "a" * (300 - len(path))).status_code == 200
    long = client.get(path + "a" * (301 - len(path)))
    assert long.status_code == 414 and long.headers["content-type"] == PROBLEM
    assert client.get("/healthz?" + "&".join(f"p{i}=1" for i in range(5))).status_code == 200
    many = client.get("/healthz?" + "&".join(f"p{i}=1" for i in range(6)))
    assert many.status_code == 422 and many.headers["content-type"] == PROBLEM
    assert client.get("/api/v1/pages/" + "a" * 400).status_code == 414  # the path counts too
    defaults = Settings()
    assert (defaults.max_url_length, defaults.max_query_params) == (8192, 64)


def _requests(shared: Client) -> list[tuple[str, dict[str, str]]]:
    etag = shared.get("/api/v1/pages/cases/lubanga").headers["etag"]
    return [
        ("/api/v1/pages", {}),
        ("/api/v1/pages?collection=cases&sort=-title&include=word_count", {}),
        ("/api/v1/pages/cases/lubanga", {}),
        ("/api/v1/pages/cases/lubanga", {"accept-encoding": "gzip"}),
        ("/api/v1/pages/cases/lubanga", {"if-none-match": etag}),
        ("/api/v1/pages/cases/lubanga", {"origin": "https://elsewhere.example"}),
        ("/api/v1/pages/cases/lubanga/html", {}),
        ("/api/v1/pages/cases/timeline/timeline", {}),
        ("/api/v1/pages/cases/timeline/timeline/data", {}),
        ("/api/v1/pages/cases/lubanga/timeline", {}),
        ("/api/v1/timelines", {}),
        ("/api/v1/search?q=trial", {}),
        ("/api/v1/find?url=/cases/case/lubanga/", {}),
        ("/api/v1/collections", {}),
        ("/api/v1/diagnostics", {}),
        ("/oembed?url=/cases/case/lubanga/", {}),
        ("/feed.json", {}),
        ("/sitemap.xml", {}),
        ("/openapi.json", {}),
        ("/docs", {}),
        ("/redoc", {}),
        ("/docs/assets/favicon.png", {}),
        ("/healthz", {}),
        ("/readyz", {}),
        ("/api/v1/pages/nope", {}),
        ("/api/v1/pages?limit=0", {}),
        ("/nothing/here", {}),
    ]


def test_head_is_get_without_the_body(shared: Client) -> None:
    for path, headers in _requests(shared):
        got = shared.get(path, headers=headers, follow_redirects=False)
        head = shared.head(path, headers=headers, follow_redirects=False)
        assert head.status_code == got.status_code, path
        assert head.content == b"", path
        same = {k: v for k, v in got.headers.items() if k != "date"}
        assert {k: v for k, v in head.headers.items() if k != "date"} == same, path


def test_every_response_says_nosniff(shared: Client, app: FastAPI) -> None:
    responses = [
        shared.get(path, headers=headers, follow_redirects=False)
        for path, headers in _requests(shared)
    ]
    responses += [
        shared.post("/api/v1/pages"),
        shared.get("/healthz?" + "x" * 9000),
        shared.options("/api/v1/pages", headers=_preflight("GET")),
        shared.options("/api/v1/pages", headers=_preflight("DELETE")),
    ]
    statuses = {response.status_code for response in responses}
    assert {200, 304, 307, 400, 404, 405, 414, 422} <= statuses
    for response in responses:
        assert response.headers["x-content-type-options"] == "nosniff", response.request.url
    status, headers, _ = raw_get(app, b"/api/v1/pages/cases/lubanga")  # the fast path
    assert status == 200 and headers["x-content-type-options"] == "nosniff"


def _preflight(method: str, origin: str = "https://app.example") -> dict[str, str]:
    return {"origin": origin, "access-control-request-method": method}


def test_cors_lets_any_origin_get_by_default(shared: Client) -> None:
    for path in ("/api/v1/pages", "/api/v1/pages/cases/lubanga", "/api/v1/pages/nope"):
        response = shared.get(path, headers={"origin": "https://anywhere.example"})
        assert response.headers["access-control-allow-origin"] == "*"
        assert "etag" in response.headers["access-control-expose-headers"].lower()
    preflight = shared.options("/api/v1/pages/cases/lubanga", headers=_preflight("GET"))
    assert preflight.status_code == 200
    assert "GET" in preflight.headers["access-control-allow-methods"]
    refused = shared.options("/api/v1/pages", headers=_preflight("DELETE"))
    assert refused.status_code == 400 and refused.headers["content-type"] == PROBLEM
    assert (
        "access-control-allow-methods" not in refused.headers
        or "DELETE" not in (refused.headers["access-control-allow-methods"])
    )


def test_cors_origins_are_configurable(
    make_client: Callable[..., Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTENT_API_CORS_ORIGINS", "https://a.example, https://b.example")
    assert Settings().cors_origins == ("https://a.example", "https://b.example")
    client = make_client(cors_origins=("https://a.example",))
    allowed = client.get("/api/v1/pages", headers={"origin": "https://a.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://a.example"
    other = client.get("/api/v1/pages", headers={"origin": "https://evil.example"})
    assert other.status_code == 200 and "access-control-allow-origin" not in other.headers
    ok = client.options("/api/v1/pages", headers=_preflight("GET", "https://a.example"))
    assert ok.status_code == 200
    assert ok.headers["access-control-allow-origin"] == "https://a.example"
    refused = client.options("/api/v1/pages", headers=_preflight("GET", "https://evil.example"))
    assert refused.status_code == 400 and refused.headers["content-type"] == PROBLEM
    assert "access-control-allow-origin" not in refused.headers


# -- fuzzing: no 500 from outside -----------------------------------------------------
_SEGMENT = st.lists(
    st.sampled_from(
        [
            *"abc-_./~%[]\\:;@&=+$,!*'()\u00e9\u2025\ufeff",
            *("%2e", "%2f", "%00", "%ff", "%c0%af", "..", "cases", "lubanga", "html", "timeline"),
        ]
    ),
    max_size=6,
).map("".join)
_PREFIXES = st.sampled_from(
    [
        "/api/v1/pages/",
        "/api/v1/pages",
        "/api/v1/",
        "/api/v1/find",
        "/api/v1/search",
        "/oembed",
        "/api/v1/timelines",
        "/docs/assets/",
        "/",
        "/feed.xml",
        "/readyz",
    ]
)
_KEYS = st.one_of(
    st.sampled_from(
        [
            "limit",
            "offset",
            "sort",
            "fields",
            "include",
            "collection",
            "q",
            "url",
            "source_path",
            "has_timeline",
            "sanitize",
            "filter",
            "filter[title]",
            "filter[order][gt]",
            "filter[data.x][exists]",
            "filter[]",
            "filter[a][b][c]",
            "maxwidth",
            "format",
        ]
    ),
    st.text(max_size=8),
)
_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1e9",
            "99999999999999999999",
            "true",
            "null",
            "[]",
            "a,b",
            "\\,",
            "-title,+date",
            "html",
            "../..",
            "%00",
            "\u0000",
        ]
    ),
    st.text(max_size=12),
)
_HEADERS = st.dictionaries(
    st.sampled_from(
        [
            "if-none-match",
            "accept-encoding",
            "origin",
            "range",
            "accept",
            "if-modified-since",
            "access-control-request-method",
        ]
    ),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=20),
    max_size=3,
)


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    method=st.sampled_from(["GET", "GET", "GET", "HEAD", "OPTIONS", "POST"]),
    prefix=_PREFIXES,
    segments=st.lists(_SEGMENT, max_size=4),
    params=st.lists(st.tuples(_KEYS, _VALUES), max_size=5),
    headers=_HEADERS,
)
def test_fuzzing_never_reaches_a_500(
    app: FastAPI,
    method: str,
    prefix: str,
    segments: list[str],
    params: list[tuple[str, str]],
    headers: dict[str, str],
) -> None:
    path = quote(prefix + "/".join(segments), safe="/%[]:@!$&'()*+,;=.~-_\\")
    query = "&".join(f"{quote(k, safe='[]')}={quote(v, safe=',')}" for k, v in params)
    status, answer, body = raw_get(app, path.encode(), query.encode(), method, headers)
    assert status < 500, (method, path, query, body[:300])
    assert answer["x-content-type-options"] == "nosniff"
    if status >= 400:
        assert answer["content-type"] == PROBLEM, (path, query)
        if method != "HEAD":
            problem = json.loads(body)
            assert problem["status"] == status and problem["title"] and problem["detail"]
