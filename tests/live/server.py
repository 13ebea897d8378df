"""A real ``content-api serve`` (uvicorn) in a child process, and polling helpers.

Unlike ``tests.support.servers.api_server`` this keeps the process at hand: the live tests
signal it, count its threads and read its exit code.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import httpx

from tests.support.servers import STARTUP_LIMIT, free_port

T = TypeVar("T")

#: How soon a change on disk must be served (the issue's promise).
VISIBLE_WITHIN = 1.0


class LiveServer:
    """``python -m api serve`` on a free loopback port; its output goes to ``log``."""

    def __init__(self, content_dir: Path, *args: str, log: Path, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        command = [sys.executable, "-m", "api", "serve", "--content-dir", str(content_dir)]
        command += ["--port", str(self.port), "--log-level", "warning", *args]
        self._log = log.open("wb")
        # A session of its own: whatever the server forks is cleaned up with it.
        self.process = subprocess.Popen(
            command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_ready(self, limit: float = STARTUP_LIMIT) -> None:
        """Poll ``/readyz`` until it answers 200 (a bound, not a timing)."""

        def ready() -> bool:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"the server exited with {self.process.returncode}:\n{self.log}"
                )
            try:
                return httpx.get(self.url + "/readyz", timeout=5).status_code == 200
            except httpx.TransportError:
                return False

        poll(ready, limit, f"{self.url} ready")

    def threads(self) -> int:
        """How many threads the server process has now (Linux)."""
        return len(os.listdir(f"/proc/{self.pid}/task"))

    def terminate(self, limit: float = 30.0) -> int:
        """SIGTERM, then the exit code (killed after ``limit`` seconds)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=limit)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # children it left behind, if any
        self._log.close()
        return self.process.returncode

    @property
    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def poll(check: Callable[[], T | None], limit: float, what: str, interval: float = 0.02) -> T:
    """Call ``check`` until it returns something truthy, for at most ``limit`` seconds."""
    deadline = time.monotonic() + limit
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {limit}s: {what}")
        time.sleep(interval)
