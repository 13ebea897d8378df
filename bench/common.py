"""Starting servers, waiting for them, and reading what they cost."""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CONTENT_API_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "aba-icc" / "site"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(url: str, timeout: float = 300.0, status: int = 200, every: float = 0.01) -> float:
    """Poll ``url`` every ``every`` seconds until it answers ``status``; returns the time it
    took."""
    started = time.perf_counter()
    deadline = started + timeout
    with httpx.Client(timeout=2.0) as client:
        while time.perf_counter() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if client.get(url).status_code == status:
                    return time.perf_counter() - started
            time.sleep(every)
    raise TimeoutError(f"{url} did not answer {status} within {timeout}s")


@contextlib.contextmanager
def server(
    args: Sequence[str], env: dict[str, str] | None = None, log: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A server process (its output to ``log``, a file as a container's output would be
    collected, or nowhere), stopped with SIGTERM on the way out."""
    output = log.open("ab") if log is not None else None
    process = subprocess.Popen(
        list(args),
        env={**os.environ, **(env or {})},
        stdout=output or subprocess.DEVNULL,
        stderr=output or subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if output is not None:
            output.close()


def api_server(
    content: Path,
    port: int,
    *extra: str,
    env: dict[str, str] | None = None,
    log: Path | None = None,
) -> contextlib.AbstractContextManager[subprocess.Popen[bytes]]:
    """``content-api serve`` with its default settings (access log on), plus ``extra``;
    unpublished and future pages are served, so every document Hugo builds is too."""
    args = [str(BIN / "content-api"), "serve", "--content-dir", str(content), "--port", str(port)]
    args += ["--unpublished", "--future", *extra]
    return server(args, env, log)


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children, in MiB."""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    for one in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}, {system}"


def require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise SystemExit(f"bench needs `{tool}` (Debian package); install it first")
    return found
