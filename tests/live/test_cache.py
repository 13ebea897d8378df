"""The cache directory with real servers: workers share it, a restart is served from it
with the same bytes, and a damaged file there never stops the server."""

from __future__ import annotations

import http.client
import sqlite3
from pathlib import Path

import pytest

from api.persist.db import FILE_NAME
from tests.live.conftest import StartServer
from tests.live.server import LiveServer, poll
from tests.support.sites import CONTENT

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

PAGES = [
    "/api/v1/pages/about-the-icc/the-us-icc-relationship",
    "/api/v1/pages/about-the-icc/the-us-icc-relationship/html",
    "/api/v1/pages?limit=100",
    "/api/v1/search?q=court",
]


def snapshot_of(server: LiveServer, rounds: int = 6) -> dict[str, tuple[int, str, bytes]]:
    """Each page on fresh connections (so every worker answers some): status, ETag, body;
    every answer for a page must be the same."""
    found: dict[str, tuple[int, str, bytes]] = {}
    for _ in range(rounds):
        for path in PAGES:
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            connection.request("GET", path)
            response = connection.getresponse()
            answer = (response.status, response.getheader("etag") or "", response.read())
            connection.close()
            assert found.setdefault(path, answer) == answer, path
    return found


def test_workers_share_the_directory_and_a_restart_serves_the_same(
    start_server: StartServer, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    args = ("--workers", "2", "--cache-dir", str(cache), "--log-level", "info")
    first = start_server(CONTENT, *args)
    poll(lambda: first.log.count("content loaded") == 2, 60, "both workers ready")
    cold = snapshot_of(first)
    assert all(status == 200 for status, _, _ in cold.values())
    # Each worker keeps the image of its load once the content has been quiet a moment.
    poll(lambda: first.log.count("kept the load image") == 2, 60, "both images kept")
    assert first.terminate() == 0
    assert (cache / FILE_NAME).is_file()
    connection = sqlite3.connect(cache / FILE_NAME)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kinds = dict(connection.execute("SELECT kind, count(*) FROM entries GROUP BY kind"))
    connection.close()
    # One image (both workers loaded the same inputs), renders, one search index.
    assert kinds.get("image") == 1 and kinds.get("render", 0) >= 1 and kinds.get("search") == 1
    second = start_server(CONTENT, *args)
    # Ready is one worker's answer; each worker loads on its own.
    poll(lambda: second.log.count("content loaded") == 2, 60, "both workers ready")
    assert snapshot_of(second) == cold
    assert second.log.count("from the cache's image of the last load") == 2, second.log
    assert "unusable" not in second.log and "ignored" not in second.log, second.log


def test_a_damaged_cache_file_is_set_aside_and_never_served(
    start_server: StartServer, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    reference = start_server(CONTENT)
    expected = snapshot_of(reference, rounds=1)
    reference.terminate()
    cache.mkdir()
    (cache / FILE_NAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 20_000)
    server = start_server(CONTENT, "--cache-dir", str(cache), "--log-level", "info")
    assert snapshot_of(server, rounds=1) == expected
    assert "is unusable" in server.log
    poll(lambda: any(".unusable-" in p.name for p in cache.iterdir()), 5, "the file set aside")
