"""Faults, each on a real server or a real ``content-api`` process: a worker killed under
load, a git-sync style symlink swap under load, a disk that fills up during ``export``, and a
file truncated in the middle of a save under ``--watch``."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.live.conftest import StartServer
from tests.live.load import VERSION_KEY, Load, marker
from tests.live.server import VISIBLE_WITHIN, LiveServer, poll
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]

CONFIG = "collections:\n  notes:\n    output: true\n"
NAMES = [f"n{i:02d}" for i in range(20)]


def versioned(name: str, version: int, body: str = "") -> str:
    return page(
        f"title: {name} v{version}\n{VERSION_KEY}: {version}",
        f"Text of {name}.\n\n{body}{marker(version)}\n",
    )


def release(root: Path, version: int, names: list[str] = NAMES) -> Path:
    files: dict[str, str | bytes] = {"_config.yml": CONFIG}
    files.update({f"_notes/{name}.md": versioned(name, version) for name in names})
    return write_site(root, files)


def pages_of(names: list[str]) -> Callable[[], list[str]]:
    pages = [f"/api/v1/pages/notes/{name}" for name in names]
    return lambda: [*pages, *(f"{p}/html" for p in pages), "/api/v1/pages?limit=100"]


def title(server: LiveServer, doc_id: str) -> str | None:
    response = httpx.get(f"{server.url}/api/v1/pages/{doc_id}", timeout=10)
    return str(response.json()["title"]) if response.status_code == 200 else None


# -- a worker killed with SIGKILL under load -------------------------------------------------
def workers(server: LiveServer) -> set[int]:
    """The supervisor's worker processes (uvicorn spawns them), by pid."""
    found = set()
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    for child in map(int, children):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command and b"resource_tracker" not in command:
            found.add(child)
    return found


def two_workers(server: LiveServer, without: int | None = None) -> set[int] | None:
    found = workers(server)
    return found if len(found) == 2 and without not in found else None


def test_a_killed_worker_is_replaced_and_only_its_requests_in_flight_fail(
    tmp_path: Path, start_server: StartServer
) -> None:
    clients = 4
    server = start_server(release(tmp_path / "site", 1), "--workers", "2")
    before = poll(lambda: two_workers(server), 30, "two workers")
    victim = min(before)
    with Load(server.url, pages_of(NAMES), clients=clients) as load:
        poll(lambda: load.requests > 200, 30, "the load under way")
        os.kill(victim, signal.SIGKILL)
        replaced = poll(
            lambda: two_workers(server, without=victim), 30, "a new worker for the killed one"
        )
        served_before = load.requests
        poll(lambda: load.requests > served_before + 200, 30, "the load going on")
    assert replaced - before, "the supervisor did not start a new worker"
    # Lost: at most the requests each client had in flight when the worker died (a dropped
    # connection); never a 5xx or a malformed answer.
    lost = [f for f in load.failures if ": " in f and "Error" in f.split(": ")[1]]
    assert len(lost) == len(load.failures), load.failures[:5]
    assert len(lost) <= clients, load.failures
    assert not any(status >= 500 for status in load.statuses), load.statuses
    with httpx.Client(base_url=server.url, timeout=10) as client:
        assert {client.get(f"/api/v1/pages/notes/{n}").status_code for n in NAMES} == {200}
    print(f"\nkill -9 of a worker under load: {load.requests} requests, {len(lost)} lost")


# -- a git-sync style symlink swap under load ----------------------------------------------
def test_a_symlink_swapped_to_a_new_checkout_serves_it_without_a_5xx(
    tmp_path: Path, start_server: StartServer
) -> None:
    """git-sync checks out each revision into a folder of its own, points the content
    symlink at it with one rename, then deletes the old checkout."""
    root = tmp_path / "git"
    old = release(root / "rev-1", 1, NAMES[:-1])
    new = release(root / "rev-2", 2, NAMES[1:])  # one page removed, one added
    link = root / "current"
    link.symlink_to(old.name, target_is_directory=True)
    server = start_server(link, "--watch")
    with Load(server.url, pages_of(NAMES), clients=4) as load:
        poll(lambda: load.requests > 200, 30, "the load under way")
        swap = root / ".current.tmp"
        swap.symlink_to(new.name, target_is_directory=True)
        os.replace(swap, link)  # atomic, as git-sync does it
        shutil.rmtree(old)  # and the old checkout goes
        poll(lambda: title(server, f"notes/{NAMES[1]}") == f"{NAMES[1]} v2", 5, "the new checkout")
        assert title(server, f"notes/{NAMES[-1]}") == f"{NAMES[-1]} v2"  # added
        poll(lambda: title(server, f"notes/{NAMES[0]}") is None, 5, "the removed page gone")
        served = load.requests
        poll(lambda: load.requests > served + 200, 30, "the load going on")
    assert not load.failures, load.failures[:5]
    assert not any(status >= 500 for status in load.statuses), load.statuses
    print(f"\nsymlink swap under load: {load.requests} requests, statuses {dict(load.statuses)}")


# -- a file truncated in the middle of a save, under --watch ------------------------------
@pytest.fixture
def watched(tmp_path: Path, start_server: StartServer) -> Iterator[tuple[LiveServer, Path, Load]]:
    site = release(tmp_path / "site", 1)
    server = start_server(site, "--watch")
    with Load(server.url, pages_of(NAMES), clients=4) as load:
        yield server, site, load
    assert not load.failures, load.failures[:5]


def test_a_file_truncated_mid_save_keeps_its_last_good_version(
    watched: tuple[LiveServer, Path, Load],
) -> None:
    server, site, load = watched
    path = site / "_notes/n03.md"
    full = versioned("n03", 2, "A longer body.\n\n" * 200).encode()
    seen: list[str | None] = []
    stop = threading.Event()

    def watch_the_page() -> None:
        while not stop.is_set():
            seen.append(title(server, "notes/n03"))
            time.sleep(0.01)

    watcher = threading.Thread(target=watch_the_page)
    watcher.start()
    try:
        # An editor truncates, then writes: the file is caught empty, then at the first
        # bytes of its front matter, then cut in the middle of it, each for a while.
        for cut in (0, 2, len(b"---\ntitle: n0")):
            with path.open("wb") as file:
                file.write(full[:cut])
            time.sleep(VISIBLE_WITHIN + 0.5)  # long enough to be read, and served if it were
            assert title(server, "notes/n03") == "n03 v1", f"cut at {cut} bytes"
        path.write_bytes(full)  # the save completes
        poll(lambda: title(server, "notes/n03") == "n03 v2", VISIBLE_WITHIN, "the saved file")
    finally:
        stop.set()
        watcher.join()
    # Meanwhile the page was always there: the last good version, then the new one.
    assert set(seen) <= {"n03 v1", "n03 v2"}, {t for t in seen if t not in ("n03 v1", "n03 v2")}
    assert seen.index("n03 v2") > len(seen) // 2
    assert load.requests > 100


# -- the disk fills up during export ----------------------------------------------------------
FILE_LIMIT = 64 * 1024  # bytes: a file larger than this fails to write (EFBIG)


def _export(content: Path, out: Path, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        if limit is not None:
            # A write past the limit fails (EFBIG) instead of killing the process (SIGXFSZ),
            # as a full disk makes it fail (ENOSPC); no root, no tiny filesystem needed.
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    command = [sys.executable, "-m", "api", "export", "--content-dir", str(content)]
    return subprocess.run(
        [*command, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limited,
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_write_failing_during_export_leaves_the_previous_export_whole(tmp_path: Path) -> None:
    site = release(tmp_path / "site", 1)
    out = tmp_path / "public" / "api"
    first = _export(site, out)
    assert first.returncode == 0, first.stderr
    previous = _tree(out)
    # The next version has a page too large for the space left: the export fails midway.
    (site / "_notes/n10.md").write_text(versioned("n10", 2, "Long text. " * 20_000))
    failed = _export(site, out, limit=FILE_LIMIT)
    assert failed.returncode == 2, (failed.returncode, failed.stderr)
    said = " ".join(failed.stderr.split())
    assert "writing the export failed: File too large (api/v1/pages/notes/n10/" in said
    assert "the previous export is left as it was" in said
    assert _tree(out) == previous  # every file as it was, the marker too
    assert sorted(p.name for p in out.parent.iterdir()) == ["api"]  # no partial folder left
    # A first export that fails leaves nothing that looks like an export.
    fresh = tmp_path / "fresh" / "api"
    failed = _export(site, fresh, limit=FILE_LIMIT)
    assert failed.returncode == 2 and "nothing was written" in " ".join(failed.stderr.split())
    assert not fresh.exists() and list(fresh.parent.iterdir()) == []
