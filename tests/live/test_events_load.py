"""A thousand event streams on one real server while it serves pages: every stream hears of
an edit, pages keep being answered, and SIGTERM ends every stream and the server promptly.

The figures (how soon every stream had the event, requests served meanwhile) are printed;
``bench/events.py`` measures what the streams cost ordinary requests."""

from __future__ import annotations

import contextlib
import resource
import subprocess
import time
from pathlib import Path

import pytest

from tests.live.conftest import StartServer
from tests.live.load import Load
from tests.live.server import poll
from tests.live.sse import Crowd
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

SUBSCRIBERS = 1000
#: Descriptors: the streams on both ends (this process holds the clients), plus spares.
DESCRIPTORS = 2 * SUBSCRIBERS + 512


def raise_descriptor_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = DESCRIPTORS if hard == resource.RLIM_INFINITY else min(DESCRIPTORS, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < DESCRIPTORS:
        pytest.fail(f"{DESCRIPTORS} open files are needed, the hard limit allows {soft}")


def test_a_thousand_streams_while_serving_pages(tmp_path: Path, start_server: StartServer) -> None:
    raise_descriptor_limit()  # the server, started from here, inherits it
    files = {f"_notes/n{i}.md": page(f"title: Note {i}\norder: {i}", "Text.\n") for i in range(50)}
    site = write_site(tmp_path / "site", {"_config.yml": "collections:\n  notes: {}\n", **files})
    server = start_server(site, "--watch")
    crowd = Crowd("127.0.0.1", server.port, SUBSCRIBERS)
    paths = [f"/api/v1/pages/notes/n{i}" for i in range(50)] + ["/api/v1/pages?limit=50"]
    try:
        crowd.start()
        poll(lambda: crowd.connected + len(crowd.failures) == SUBSCRIBERS, 60, "all connected")
        assert not crowd.failures, crowd.failures[:5]
        first = poll(lambda: crowd.having(crowd.versions[0][0]) == SUBSCRIBERS or None, 30, "ready")
        assert first
        with Load(server.url, lambda: paths) as load:
            time.sleep(1)  # pages served with a thousand streams open
            before = load.requests
            (site / "_notes/n7.md").write_text(page("title: Note 7, edited\norder: 7"))
            saved = time.monotonic()
            current = poll(lambda: _new_version(crowd), 10, "a new version")
            poll(lambda: crowd.having(current) == SUBSCRIBERS, 10, "every stream has it")
            reached = time.monotonic() - saved
            time.sleep(1)
        assert not load.failures, load.failures[:5]
        assert load.requests > before
        print(
            f"\n{SUBSCRIBERS} streams: every one had the new version {reached:.2f}s after the "
            f"save; {load.requests} page requests meanwhile, none failed"
        )
        # SIGTERM: every stream ends, and the server exits at once (not after uvicorn's
        # 30-second graceful timeout).
        stopped = time.monotonic()
        server.process.terminate()
        code = server.process.wait(timeout=15)
        took = time.monotonic() - stopped
        poll(lambda: crowd.ended == SUBSCRIBERS, 10, "every stream ended")
        print(f"SIGTERM with {SUBSCRIBERS} streams open: exited {code} in {took:.2f}s")
        assert code == 0
        assert took < 10
    finally:
        crowd.stop()
        if server.process.poll() is None:
            server.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.process.wait(timeout=5)


def _new_version(crowd: Crowd) -> str | None:
    seen = crowd.versions[0]
    return seen[-1] if len(seen) > 1 else None
