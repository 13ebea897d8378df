"""``serve --workers 2 --watch``: both workers accept the preview token, and each content
version is delivered to the webhook receiver once, not once per worker."""

from __future__ import annotations

import base64
import http.client
import json
import os
import time
from pathlib import Path

import pytest

from tests.live.conftest import StartServer
from tests.live.server import poll
from tests.support.receiver import receiver, verify
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

TOKEN = "workers-preview-token-0123456789"
SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode()


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> int:
    """On a fresh connection, so that either worker may answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def version(port: int) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", "/readyz")
        return str(json.loads(connection.getresponse().read())["content_version"])
    finally:
        connection.close()


def test_workers_share_the_token_and_deliver_each_version_once(
    tmp_path: Path, start_server: StartServer
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "_config.yml": "collections:\n  notes: {}\n",
            "_notes/a.md": page("title: A"),
            "_notes/hidden.md": page("title: H\npublished: false"),
        },
    )
    with receiver() as hook:
        env = {
            "CONTENT_API_PREVIEW_TOKENS": TOKEN,
            "CONTENT_API_WEBHOOKS": hook.url,
            "CONTENT_API_WEBHOOK_SECRET": SECRET,
        }
        server = start_server(site, "--watch", "--workers", "2", env=env)
        bearer = {"authorization": f"Bearer {TOKEN}"}
        # Every worker: many fresh connections in a row, all with the token's view.
        poll(
            lambda: all(fetch(server.port, "/readyz") == 200 for _ in range(20)),
            60,
            "both workers ready",
        )
        statuses = {fetch(server.port, "/api/v1/pages/notes/hidden", bearer) for _ in range(20)}
        assert statuses == {200}
        assert {fetch(server.port, "/api/v1/pages/notes/hidden") for _ in range(10)} == {404}

        for n in range(3):
            (site / "_notes/a.md").write_text(page(f"title: A{n}"), encoding="utf-8")
            poll(lambda n=n: len(hook.received()) > n, 10, f"delivery {n + 1}")  # type: ignore[misc]
        poll(lambda: len({d.headers["webhook-id"] for d in hook.received()}) == 3, 10, "three")
        last = hook.received()[-1].headers["webhook-id"].removeprefix("msg_")
        poll(
            lambda: all(version(server.port) == last for _ in range(20)),
            10,
            "both workers serving the last version",
        )
        time.sleep(1)  # time enough for a second delivery, were there one
        ids = [d.headers["webhook-id"] for d in hook.received()]
        assert len(ids) == len(set(ids)) == 3, ids
        assert all(verify(SECRET, d) for d in hook.received())


def test_sigterm_ends_every_workers_streams_at_once(
    tmp_path: Path, start_server: StartServer
) -> None:
    from tests.live.sse import Stream

    site = write_site(tmp_path / "site", {"_notes/a.md": page("title: A")})
    server = start_server(site, "--workers", "2")
    poll(
        lambda: all(fetch(server.port, "/readyz") == 200 for _ in range(20)),
        60,
        "both workers ready",
    )
    streams = [Stream(f"{server.url}/api/v1/events") for _ in range(8)]  # on both workers
    poll(lambda: all(s.named("ready") for s in streams), 20, "every stream ready")
    stopped = time.monotonic()
    server.process.terminate()
    assert server.process.wait(timeout=20) == 0
    took = time.monotonic() - stopped
    poll(lambda: all(s.ended for s in streams), 10, "every stream ended")
    print(f"\nSIGTERM with --workers 2 and 8 streams open: exited in {took:.2f}s")
    assert took < 10  # uvicorn's graceful timeout would hold them 30 s
