"""The access log: one line per request from either path, text or JSON, never a secret."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.http import accesslog
from api.http.accesslog import AccessLog
from api.http.app import create_app
from api.http.fastpath import ContentAPI
from api.logconfig import JsonFormatter, log_config
from api.settings import Settings
from tests.http.conftest import Client
from tests.http.test_fastpath import PAGE, scope_of

TEXT_LINE = re.compile(
    r'(?P<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (?P<remote>\S+) "(?P<request>[^"]*)" '
    r'(?P<status>\d{3}) (?P<bytes>\d+) "(?P<agent>[^"]*)" (?P<id>\S+) (?P<ms>\d+\.\d\d)ms\n'
)


def logged(client: Client, fmt: str = "text") -> list[bytes]:
    app = client.app
    assert isinstance(app, ContentAPI)
    writes: list[bytes] = []
    app.access_log = AccessLog(fmt, write=writes.append)
    return writes


def lines(writes: list[bytes], log: AccessLog | None = None) -> list[str]:
    if log is not None:
        log.flush()
    return b"".join(writes).decode().splitlines(keepends=True)


def app_log(client: Client) -> AccessLog:
    app = client.app
    assert isinstance(app, ContentAPI) and app.access_log is not None
    return app.access_log


def test_both_paths_write_the_same_line(client: Client) -> None:
    writes = logged(client)
    headers = {"user-agent": "frontend/1.0", "x-request-id": "req-42", "accept-encoding": "br"}
    first = client.get(PAGE, headers=headers)  # built by the route
    second = client.get(PAGE, headers=headers)  # sent by the fast path
    assert first.content == second.content
    found = [TEXT_LINE.fullmatch(line) for line in lines(writes, app_log(client))]
    assert all(found) and len(found) == 2
    a, b = (m.groupdict() for m in found if m is not None)
    for match in (a, b):
        assert match["request"] == f"GET {PAGE} HTTP/1.1"
        assert (match["status"], match["agent"], match["id"]) == ("200", "frontend/1.0", "req-42")
        assert int(match["bytes"]) == int(first.headers["content-length"])  # brotli bytes
    assert {k: v for k, v in a.items() if k not in ("time", "ms")} == {
        k: v for k, v in b.items() if k not in ("time", "ms")
    }


def test_status_and_size_are_what_was_sent(client: Client) -> None:
    writes = logged(client)
    body = client.get(PAGE, headers={"accept-encoding": "gzip"})
    etag = body.headers["etag"]
    client.get(PAGE, headers={"if-none-match": etag, "accept-encoding": "gzip"})
    client.head(PAGE)
    client.get("/api/v1/pages/nope")
    client.get("/api/v1/pages?limit=0")
    client.post(PAGE)
    client.options(
        PAGE, headers={"origin": "https://a.example", "access-control-request-method": "GET"}
    )
    found = [TEXT_LINE.fullmatch(line) for line in lines(writes, app_log(client))]
    got = [(m["request"].split()[0], m["status"], int(m["bytes"])) for m in found if m]
    assert len(got) == 7
    assert got[0] == ("GET", "200", int(body.headers["content-length"]))
    assert got[1] == ("GET", "304", 0)
    assert got[2] == ("HEAD", "200", 0)
    assert [g[1] for g in got[3:]] == ["404", "422", "405", "200"]
    assert all(size > 0 for _, _, size in got[3:])


def test_json_lines_carry_every_field(client: Client) -> None:
    writes = logged(client, "json")
    headers = {"user-agent": "shipper", "x-request-id": "abc", "origin": "https://a.example"}
    client.get("/api/v1/pages?collection=cases&limit=1", headers=headers)
    client.get("/api/v1/pages/nope")
    entries = [json.loads(line) for line in lines(writes, app_log(client))]
    assert len(entries) == 2
    first, second = entries
    assert set(first) == {
        "time",
        "level",
        "logger",
        "method",
        "path",
        "query",
        "status",
        "bytes",
        "duration_ms",
        "remote",
        "user_agent",
        "request_id",
        "http_version",
    }
    assert first["method"] == "GET" and first["path"] == "/api/v1/pages"
    assert first["query"] == "collection=cases&limit=1"
    assert first["status"] == 200 and first["bytes"] > 0 and first["duration_ms"] >= 0
    assert first["remote"] == "testclient" and first["user_agent"] == "shipper"
    assert first["request_id"] == "abc" and first["logger"] == "content_api.access"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", first["time"])
    assert second["status"] == 404 and second["request_id"] is None and second["query"] == ""


@pytest.mark.parametrize(
    ("query", "kept", "hidden"),
    [
        ("token=s3cret&limit=2", "limit=2", "s3cret"),
        ("access_token=s3cret", "access_token=REDACTED", "s3cret"),
        ("q=court&api_key=s3cret", "q=court", "s3cret"),
        ("%74oken=s3cret", "%74oken=REDACTED", "s3cret"),
        ("preview_token=s3cret&collection=cases", "collection=cases", "s3cret"),
        ("X-Amz-Signature=s3cret", "X-Amz-Signature=REDACTED", "s3cret"),
        ("password=s3cret", "password=REDACTED", "s3cret"),
    ],
)
def test_credentials_are_never_logged(client: Client, query: str, kept: str, hidden: str) -> None:
    for fmt in ("text", "json"):
        writes = logged(client, fmt)
        client.get(
            f"/api/v1/pages?{query}",
            headers={"authorization": "Bearer s3cret", "cookie": "session=s3cret"},
        )
        text = "".join(lines(writes, app_log(client)))
        assert kept in text and hidden not in text
        assert "Bearer" not in text and "session=" not in text


def test_one_request_is_one_line_whatever_it_holds(
    app_and_log: tuple[FastAPI, list[bytes]],
) -> None:
    app, writes = app_and_log
    nasty = '/api/v1/pages/a"b\\c\nd\x00e\xe9'
    scope = scope_of("GET", nasty, b'q="x"\r\nINJECTED', {"user-agent": 'evil"\nagent'})
    scope["raw_path"] = nasty.encode("latin-1")
    _run(app, scope)
    assert isinstance(app, ContentAPI) and app.access_log is not None
    text = lines(writes, app.access_log)
    assert len(text) == 1
    match = TEXT_LINE.fullmatch(text[0])
    assert match is not None, text
    assert match["request"].startswith(r"GET /api/v1/pages/a\x22b\x5cc\x0ad\x00e\xe9?q=\x22x\x22")
    assert match["agent"] == r"evil\x22\x0aagent"


def test_batches_are_whole_lines_within_an_atomic_write() -> None:
    writes: list[bytes] = []
    log = AccessLog("text", write=writes.append)

    async def many() -> None:
        for i in range(500):
            scope = scope_of("GET", f"/api/v1/pages/{'x' * (i % 97)}", headers={"user-agent": "u"})
            log.record(scope, 200, i, 0.0)
        assert len(writes) > 5  # full batches went out while the requests came
        await asyncio.sleep(accesslog.FLUSH_SECONDS * 3)  # and the rest soon after

    asyncio.run(many())
    assert all(len(w) <= accesslog.ATOMIC_WRITE and w.endswith(b"\n") for w in writes)
    written = b"".join(writes).decode().splitlines(keepends=True)
    assert len(written) == 500 and all(TEXT_LINE.fullmatch(line) for line in written)
    assert [int(line.split()[6]) for line in written] == list(range(500))


def test_a_quiet_server_still_writes_its_last_line_soon() -> None:
    writes: list[bytes] = []
    log = AccessLog("text", write=writes.append)

    async def one() -> None:
        log.record(scope_of("GET", "/healthz"), 200, 15, 0.0)
        assert writes == []
        await asyncio.sleep(accesslog.FLUSH_SECONDS * 3)
        assert len(writes) == 1

    asyncio.run(one())


def test_a_broken_stdout_never_fails_a_request(client: Client) -> None:
    def broken(data: bytes) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    app = client.app
    assert isinstance(app, ContentAPI)
    app.access_log = AccessLog("text", write=broken)
    for _ in range(accesslog.MAX_BATCH + 1):
        assert client.get(PAGE).status_code == 200
    app.access_log.flush()


def test_settings_decide_whether_requests_are_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().logs_requests and Settings().log_format == "text"
    assert not Settings(log_level="warning").logs_requests
    assert Settings(log_level="DEBUG").logs_requests
    monkeypatch.setenv("CONTENT_API_ACCESS_LOG", "false")
    monkeypatch.setenv("CONTENT_API_LOG_FORMAT", "JSON")
    settings = Settings()
    assert not settings.logs_requests and settings.log_format == "json"
    assert create_app(settings, start=False).access_log is None  # type: ignore[attr-defined]
    monkeypatch.setenv("CONTENT_API_ACCESS_LOG", "true")
    log = create_app(Settings(), start=False).access_log  # type: ignore[attr-defined]
    assert isinstance(log, AccessLog) and log.json
    with pytest.raises(ValueError):
        Settings(log_format="xml")


def test_the_server_log_can_be_json_lines() -> None:
    config = log_config("info", "json")
    assert config["formatters"]["default"] == {"()": "api.logconfig.JsonFormatter"}
    assert config["loggers"]["content_api"]["level"] == "INFO"
    assert (
        log_config("warning")["formatters"]["default"]["()"] == "uvicorn.logging.DefaultFormatter"
    )
    record = logging.LogRecord("content_api", logging.ERROR, __file__, 1, "loaded %d", (3,), None)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "error" and entry["message"] == "loaded 3"
    assert entry["logger"] == "content_api" and entry["time"].endswith("Z")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        import sys

        failed = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    assert "RuntimeError: boom" in json.loads(JsonFormatter().format(failed))["exception"]


@pytest.fixture
def app_and_log(make_client: Callable[..., Client]) -> tuple[FastAPI, list[bytes]]:
    client = make_client()
    return client.app, logged(client)  # type: ignore[return-value]


def _run(app: Any, scope: dict[str, Any]) -> None:
    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        pass

    asyncio.run(app(scope, receive, send))


def test_the_app_logs_by_default() -> None:
    client = TestClient(create_app(Settings(), start=False))
    assert isinstance(client.app, ContentAPI) and isinstance(client.app.access_log, AccessLog)


def test_what_repeats_is_formatted_once_and_memory_stays_bounded() -> None:
    writes: list[bytes] = []
    log = AccessLog("text", write=writes.append)

    async def many() -> None:
        for i in range(accesslog.MAX_REMEMBERED + 500):
            log.record(scope_of("GET", f"/p/{i}"), 200, 10, 0.0)
            log.record(scope_of("GET", "/same", headers={"x-request-id": f"id-{i}"}), 200, 1, 0.0)
        log.flush()

    asyncio.run(many())
    assert len(log._middles) <= accesslog.MAX_REMEMBERED
    assert not any(b"id-" in key[6] for key in log._middles if key[6])  # ids never kept
    written = b"".join(writes).decode().splitlines(keepends=True)
    assert len(written) == 2 * (accesslog.MAX_REMEMBERED + 500)
    found = [TEXT_LINE.fullmatch(line) for line in written]
    assert all(found)
    assert [m["request"] for m in found[:4] if m] == [
        "GET /p/0 HTTP/1.1",
        "GET /same HTTP/1.1",
        "GET /p/1 HTTP/1.1",
        "GET /same HTTP/1.1",
    ]
    assert [m["id"] for m in found[1:6:2] if m] == ["id-0", "id-1", "id-2"]
