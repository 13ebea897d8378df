"""Start and stop: not ready (503) until the first snapshot is in; SIGTERM lets the requests
in flight finish, then the process exits 0."""

from __future__ import annotations

import select
import socket
import threading
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.content.snapshot import Snapshot
from api.http.app import create_app
from api.http.runtime import Runtime
from api.settings import Settings
from tests.live.conftest import StartServer
from tests.live.server import poll
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

# Plain paragraphs render at roughly a megabyte a second: a first render that takes a while.
PARAGRAPH = "A paragraph of text that goes on and on without any markup in it at all. " * 10
SLOW_PAGE = page("title: Slow", (PARAGRAPH + "\n\n") * 4_000)  # about 3 MB


def read_response(sock: socket.socket) -> tuple[int, bytes]:
    """A whole HTTP/1.1 response with a Content-Length: (status, body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the connection closed after {data!r}"
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    length = int({k.lower(): v for k, v in headers.items()}["content-length"])
    while len(body) < length:
        chunk = sock.recv(1 << 20)
        assert chunk, f"the connection closed after {len(body)} of {length} bytes"
        body += chunk
    return int(lines[0].split()[1]), body


def test_sigterm_lets_requests_in_flight_finish(tmp_path: Path, start_server: StartServer) -> None:
    site = write_site(tmp_path / "site", {"_notes/slow.md": SLOW_PAGE, "index.md": page("t: 1")})
    server = start_server(site)
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
        sock.sendall(b"GET /api/v1/pages/notes/slow/html HTTP/1.1\r\nHost: test\r\n\r\n")
        # The loop reads requests in the order they arrive: once this one is answered, the
        # slow one is being rendered.
        assert httpx.get(f"{server.url}/healthz").status_code == 200
        readable, _, _ = select.select([sock], [], [], 0)
        assert not readable, "the slow request finished too soon to test anything"
        server.process.terminate()  # SIGTERM
        status, body = read_response(sock)
    assert status == 200
    assert body.startswith(b"<p>A paragraph") and len(body) > 2_500_000
    assert server.process.wait(timeout=60) == 0
    with pytest.raises(httpx.TransportError):  # and it is gone
        httpx.get(f"{server.url}/healthz")


@pytest.fixture
def held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, threading.Event]]:
    """An app whose first load waits until the test releases it."""
    site = write_site(tmp_path / "site", {"_notes/a.md": page("title: A")})
    app = create_app(Settings(content_dir=site))
    release = threading.Event()
    runtime: Runtime = app.state.runtime
    real = runtime.loader.load_views

    def held_load(
        changed: Iterable[str] = (), now: datetime | None = None, **views: Any
    ) -> tuple[Snapshot, Snapshot | None]:
        assert release.wait(30), "the test never released the load"
        return real(changed, now, **views)

    monkeypatch.setattr(runtime.loader, "load_views", held_load)
    with TestClient(app, raise_server_exceptions=False) as client:  # runs the lifespan
        yield client, release
        release.set()


def test_not_ready_until_the_first_snapshot(held: tuple[TestClient, threading.Event]) -> None:
    client, release = held
    assert client.get("/healthz").status_code == 200  # alive, though not ready
    for path in ("/readyz", "/api/v1/pages", "/api/v1/pages/notes/a", "/api/v1/diagnostics"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["retry-after"] == "1"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.json()["status"] == 503
    head = client.head("/readyz")
    assert head.status_code == 503 and head.content == b""
    release.set()
    ready = poll(lambda: client.get("/readyz").status_code == 200, 30, "ready")
    assert ready
    assert client.get("/api/v1/pages/notes/a").json()["title"] == "A"
