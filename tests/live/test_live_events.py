"""Event streams on a real server and both of its HTTP parsers: the receive deadlines never
cut a stream (they time the request, not the response), heartbeats keep coming, browsers on
another origin may read it, and a HEAD answers the headers only."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from tests.live.conftest import StartServer
from tests.live.server import poll
from tests.live.sse import Stream
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]


@pytest.mark.parametrize("parser", ["httptools", "h11"])
def test_a_stream_outlives_the_deadlines(
    tmp_path: Path, start_server: StartServer, parser: str
) -> None:
    site = write_site(tmp_path / "site", {"_notes/a.md": page("title: A")})
    server = start_server(
        site,
        "--http",
        parser,
        "--header-timeout",
        "0.3",
        "--body-timeout",
        "0.3",
        env={"CONTENT_API_EVENTS_HEARTBEAT": "0.2"},
    )
    with Stream(f"{server.url}/api/v1/events") as stream:
        poll(lambda: stream.named("ready"), 10, "ready")
        started = stream.comments
        time.sleep(1.5)  # five deadlines long
        assert not stream.ended
        assert stream.comments - started >= 3  # heartbeats all along
        # A browser on another origin may read it (EventSource sends Origin).
        with Stream(f"{server.url}/api/v1/events", {"origin": "https://app.example"}) as other:
            poll(lambda: other.named("ready"), 10, "ready across origins")
            assert other.response_headers["access-control-allow-origin"] == "*"
        head = httpx.head(f"{server.url}/api/v1/events", timeout=10)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"].startswith("text/event-stream")
