"""Real servers on free loopback ports, for tests that talk HTTP: started, awaited, stopped."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: How long a server may take to come up before the test gives up (a bound, not a timing).
STARTUP_LIMIT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes] | None = None) -> None:
    """Poll ``url`` until it answers 200 (or the process dies, or the limit passes)."""
    deadline = time.monotonic() + STARTUP_LIMIT
    last: object = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last = exc
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer 200 within {STARTUP_LIMIT}s (last: {last})")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def api_server(
    content_dir: Path, *args: str, env: dict[str, str] | None = None, port: int | None = None
) -> Iterator[str]:
    """``content-api serve`` (real uvicorn) over ``content_dir``; yields its base URL.

    ``port``: a port chosen beforehand (to name the server's own URL in ``env``, say).
    """
    port = port or free_port()
    command = [sys.executable, "-m", "api", "serve", "--content-dir", str(content_dir)]
    command += ["--port", str(port), "--log-level", "warning", *args]
    process = subprocess.Popen(command, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/readyz", process)
        yield base
    finally:
        stop(process)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """Python's http.server over ``folder`` in a thread; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
