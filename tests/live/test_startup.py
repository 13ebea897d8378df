"""Stopping while start-up work still runs: SIGTERM ends the server promptly, exit code 0,
with no child process (parsing, the search index) left behind."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest

from api import processes
from api.content.reading import POOL_THRESHOLD
from api.http.runtime import Runtime
from api.settings import Settings
from tests.live.conftest import StartServer
from tests.live.server import LiveServer, poll
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

#: How soon a server asked to stop during start-up must be gone (the issue's promise).
STOPS_WITHIN = 2.0
FILES = POOL_THRESHOLD + 200  # enough for the parsing to run in child processes


def slow_site(root: Path, keys: int = 1000, body: str = "Body.\n") -> Path:
    """``FILES`` documents whose front matter takes a while to parse (hard links to one
    file: the parse costs the same, the disk holds one copy)."""
    fields = "".join(f"k{i:04d}: value number {i} with a few words in it\n" for i in range(keys))
    write_site(root, {"_notes/n00000.md": page(f"title: Slow\n{fields}", body)})
    first = root / "_notes" / "n00000.md"
    for i in range(1, FILES):
        os.link(first, root / "_notes" / f"n{i:05d}.md")
    return root


def group_alive(pgid: int) -> bool:
    """Whether a process of the group still runs (zombies wait for init to reap them: they
    run nothing)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, _, group = stat.rsplit(")", 1)[1].split()[:3]
        if int(group) == pgid and state not in ("Z", "X"):
            return True
    return False


def stop_promptly(server: LiveServer) -> None:
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=STOPS_WITHIN) == 0
    # Whatever the server started (parsers, the search index builder, the fork server)
    # goes with it.
    poll(lambda: not group_alive(server.pid), STOPS_WITHIN, "no process of the server left")


def test_sigterm_while_the_content_loads(tmp_path: Path, start_server: StartServer) -> None:
    server = start_server(slow_site(tmp_path / "site"), ready=False)
    poll(lambda: _status(server, "/healthz") == 200, 60, "the server listening")
    time.sleep(1.0)  # the children are parsing by now
    assert _status(server, "/readyz") == 503, "the load finished too soon to test anything"
    stop_promptly(server)


def test_sigterm_while_the_search_index_builds(tmp_path: Path, start_server: StartServer) -> None:
    words = " ".join(f"word{i}" for i in range(4000))
    server = start_server(slow_site(tmp_path / "site", keys=1, body=words + "\n"))
    stop_promptly(server)  # just ready: the search index is being built in a child


def test_stopping_cancels_the_children_in_process(tmp_path: Path) -> None:
    runtime = Runtime(Settings(content_dir=slow_site(tmp_path / "site")))
    runtime.start()
    try:
        poll(lambda: _children_of(os.getpid()), 30, "parsing in child processes")
        assert runtime.served is None
    finally:
        runtime.stop()
    poll(lambda: not runtime.threads, STOPS_WITHIN, "the runtime's threads gone")
    assert runtime.served is None  # nothing half-loaded was swapped in
    mine = ("content-load", "content-warm", "content-watch")
    assert not [t for t in threading.enumerate() if t.name.startswith(mine)]


def test_cancelled_work_raises_cancelled() -> None:
    children = processes.Children()
    children.stop()
    with processes.working_for(children), pytest.raises(processes.Cancelled):
        processes.call_in_child(sum, [1, 2], limit=5)
    with processes.working_for(children), pytest.raises(processes.Cancelled):
        list(processes.map_in_children(_double, [1, 2, 3], workers=2, batch=1))


def test_work_in_children_comes_back_whole() -> None:
    assert processes.call_in_child(sum, [1, 2], limit=30) == 3
    batches = list(processes.map_in_children(_double, list(range(10)), workers=2, batch=3))
    assert sorted(x for batch in batches for x in batch) == [x * 2 for x in range(10)]
    assert max(len(batch) for batch in batches) <= 3
    with pytest.raises(processes.ChildFailed):
        processes.call_in_child(_fail, limit=30)
    with pytest.raises(processes.ChildFailed):
        list(processes.map_in_children(_die, [1, 2], workers=2, batch=1))


def _double(items: list[int]) -> list[int]:
    return [x * 2 for x in items]


def _fail() -> None:
    raise ValueError("no")


def _die(items: list[int]) -> list[int]:
    os._exit(3)


def _children_of(pid: int) -> list[int]:
    """Processes this one started, and theirs (the fork server's children)."""
    found = []
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            kids = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        found += [int(k) for k in kids]
        todo += [int(k) for k in kids]
    return found if len(found) > 1 else []  # more than the fork server alone


def _status(server: LiveServer, path: str) -> int | None:
    try:
        return httpx.get(server.url + path, timeout=5).status_code
    except httpx.TransportError:
        return None
