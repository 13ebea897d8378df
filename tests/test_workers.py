"""Strong ETags derived from the content: equal across workers, replicas and restarts."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from api.http.cache import make_etag
from tests.support.servers import free_port, stop, wait_for
from tests.support.sites import CONTENT

PAGE = "/api/v1/pages/about-the-icc/the-us-icc-relationship"
pytestmark = [pytest.mark.live, pytest.mark.xdist_group("servers")]


@contextmanager
def serve(*args: str) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port = free_port()
    command = [sys.executable, "-m", "api", "serve", "--content-dir", str(CONTENT)]
    process = subprocess.Popen([*command, "--port", str(port), "--log-level", "warning", *args])
    try:
        wait_for(f"http://127.0.0.1:{port}/readyz", process)
        yield port, process
    finally:
        stop(process)


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """One request on a fresh connection, so any worker may accept it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("etag") or "", response.read()
    finally:
        connection.close()


def workers_of(pid: int) -> list[int]:
    """uvicorn's worker processes (spawned children running multiprocessing's spawn main)."""
    found = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        if b"spawn_main" in cmdline:
            found.append(int(child))
    return found


@contextmanager
def alone(serving: int, workers: list[int]) -> Iterator[None]:
    """Freeze every worker but ``serving`` for a moment (not long: uvicorn restarts a worker
    that stops answering its pings): the listening socket is shared, so ``serving`` answers
    every new connection."""
    frozen = [w for w in workers if w != serving]
    for pid in frozen:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)


def all_ready(port: int, workers: list[int]) -> None:
    """Until each worker, the others frozen, answers ``/readyz`` with 200: fresh connections
    to a shared socket need not reach every worker, so each is asked alone."""
    deadline = time.monotonic() + 60
    for serving in workers:
        ready = False
        while not ready:
            assert time.monotonic() < deadline, "the workers did not all become ready"
            with alone(serving, workers):
                window = time.monotonic() + 2
                while not ready and time.monotonic() < window:
                    ready = fetch(port, "/readyz")[0] == 200
                    if not ready:
                        time.sleep(0.05)


def answer_from(port: int) -> tuple[str, bytes]:
    status, etag, body = fetch(port, PAGE)
    assert status == 200
    return etag, body


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_each_worker_and_a_restart_serve_the_same_bytes_and_etag() -> None:
    answers = []
    with serve("--workers", "2") as (port, parent):
        workers = workers_of(parent.pid)
        assert len(workers) == 2
        all_ready(port, workers)
        for serving in workers:  # each worker's answer
            with alone(serving, workers):
                answers.append(answer_from(port))
        etag = answers[0][0]
        status, again, body = fetch(port, PAGE, {"If-None-Match": etag})
        assert status == 304 and again == etag and body == b""
    with serve() as (port, _):  # a restart (one process, ready once serve() returns)
        answers.append(answer_from(port))
    assert len(set(answers)) == 1
    etag, body = answers[0]
    assert etag == make_etag(body)
