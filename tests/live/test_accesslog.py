"""The access log of a real server: on by default, one line per request from either path,
JSON lines that a shipper can parse (with several workers too), and off when asked."""

from __future__ import annotations

import http.client
import json
import re
from pathlib import Path

import httpx
import pytest

from tests.live.conftest import StartServer
from tests.live.server import LiveServer, poll
from tests.support.sites import CONTENT

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

PAGE = "/api/v1/pages/about-the-icc/the-us-icc-relationship"
BROWSER = {"origin": "https://app.example", "accept-encoding": "gzip, deflate, br"}


def access_lines(server: LiveServer) -> list[str]:
    """The request lines of the log, but for the readiness probes of the test harness."""
    return [
        line
        for line in server.log.splitlines()
        if ('"GET ' in line or '"HEAD ' in line) and "/readyz" not in line
    ]


def test_requests_are_logged_by_default(start_server: StartServer) -> None:
    server = start_server(CONTENT, "--log-level", "info")
    first = httpx.get(server.url + PAGE, headers={**BROWSER, "x-request-id": "r-1"})
    again = httpx.get(server.url + PAGE, headers={**BROWSER, "x-request-id": "r-2"})
    etag = again.headers["etag"]
    httpx.get(server.url + PAGE, headers={**BROWSER, "if-none-match": etag})
    httpx.head(server.url + PAGE)
    httpx.get(server.url + "/api/v1/pages?token=s3cret&limit=1")  # a 400: preview is off
    httpx.get(server.url + "/nothing")

    def six() -> list[str] | None:
        found = access_lines(server)
        return found if len(found) >= 6 else None

    found = poll(six, 5, "six request lines")
    assert f'"GET {PAGE} HTTP/1.1" 200 {first.headers["content-length"]} ' in found[0]
    assert " r-1 " in found[0] and " r-2 " in found[1]
    assert f'"GET {PAGE} HTTP/1.1" 304 0 ' in found[2]
    assert f'"HEAD {PAGE} HTTP/1.1" 200 0 ' in found[3]
    assert '"GET /api/v1/pages?token=REDACTED&limit=1 HTTP/1.1" 400 ' in found[4]
    assert '"GET /nothing HTTP/1.1" 404 ' in found[5]
    assert "s3cret" not in server.log
    assert not any("uvicorn.access" in line or line.startswith("INFO:     127") for line in found)


def test_json_lines_from_several_workers(start_server: StartServer, tmp_path: Path) -> None:
    server = start_server(
        CONTENT, "--log-level", "info", "--log-format", "json", "--workers", "2", ready=False
    )
    server.wait_ready()
    for i in range(200):  # fresh connections, so both workers answer some
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        connection.request("GET", PAGE if i % 2 else "/api/v1/collections", headers=BROWSER)
        connection.getresponse().read()
        connection.close()

    def logged() -> list[dict[str, object]] | None:
        entries = [json.loads(line) for line in server.log.splitlines() if line.strip()]
        requests = [e for e in entries if e.get("logger") == "content_api.access"]
        return entries if len(requests) >= 200 else None

    entries = poll(logged, 10, "200 JSON access lines")
    requests = [e for e in entries if e.get("logger") == "content_api.access"]
    assert {e["status"] for e in requests if e["path"] != "/readyz"} == {200}
    assert {e["path"] for e in requests} >= {PAGE, "/api/v1/collections"}
    others = [e for e in entries if e.get("logger") != "content_api.access"]
    assert others and all({"time", "level", "logger", "message"} <= set(e) for e in others)


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--log-level", "info", "--no-access-log"), {}),
        (("--log-level", "info"), {"CONTENT_API_ACCESS_LOG": "false"}),
        (("--log-level", "warning"), {}),
    ],
)
def test_the_access_log_can_be_turned_off(
    start_server: StartServer, args: tuple[str, ...], env: dict[str, str]
) -> None:
    server = start_server(CONTENT, *args, env=env)
    for _ in range(3):
        assert httpx.get(server.url + PAGE).status_code == 200
    assert httpx.get(server.url + "/nothing").status_code == 404
    server.terminate()  # the log is written out at shutdown at the latest
    log = server.log_path.read_text(encoding="utf-8")
    assert "Application startup complete" in log or args[-1] == "warning"
    assert not re.search(r'"(GET|HEAD) /', log), log
