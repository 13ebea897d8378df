"""What a thousand event streams cost ordinary requests.

One server (the aba-icc corpus, default settings), loaded by wrk on the seed page in
alternating rounds: with no stream open, and with ``SUBSCRIBERS`` streams held open by this
process. Measured twice: with the default heartbeat (the streams idle between versions), and
with heartbeats every second (a thousand streams woken every second). The ratio of requests
per second (with / without) is the figure; the target is at least 0.90.
"""

from __future__ import annotations

import asyncio
import json
import resource
import threading
from typing import Any

from api.settings import Settings
from bench.common import CORPUS, api_server, free_port, median, wait_until
from bench.throughput import PAGE, wrk

SUBSCRIBERS = 1000
#: The server's default heartbeat interval, in seconds.
HEARTBEAT = float(Settings.model_fields["events_heartbeat"].default)


class Streams:
    """``count`` open ``/api/v1/events`` streams on an event loop of their own, drained."""

    def __init__(self, port: int, count: int) -> None:
        self.port, self.count = port, count
        self.open = 0
        self.bytes = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._writers: list[asyncio.StreamWriter] = []

    def __enter__(self) -> Streams:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._open_all(), self._loop)
        future.result(timeout=120)
        return self

    async def _open_all(self) -> None:
        await asyncio.gather(*(self._one() for _ in range(self.count)))

    async def _one(self) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(b"GET /api/v1/events HTTP/1.1\r\nHost: bench\r\n\r\n")
        head = await reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(head.split(b"\r\n", 1)[0].decode())
        await reader.readuntil(b"\n\n")  # the ready event
        self.open += 1
        self._writers.append(writer)
        self._loop.create_task(self._drain(reader))

    async def _drain(self, reader: asyncio.StreamReader) -> None:
        while chunk := await reader.read(65536):
            self.bytes += len(chunk)

    def __exit__(self, *exc: object) -> None:
        async def close() -> None:
            for writer in self._writers:
                writer.close()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


def _descriptors() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 2 * SUBSCRIBERS + 1024
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))


def measure(
    heartbeat: float, rounds: int = 4, seconds: int = 6, connections: int = 32
) -> dict[str, Any]:
    """Page detail without streams and with ``SUBSCRIBERS`` held, in ``rounds`` pairs whose
    order alternates (without first, then with first), so that a machine slowing down or
    speeding up over the run weighs on both sides alike."""
    _descriptors()
    port = free_port()
    url = f"http://127.0.0.1:{port}{PAGE}"
    env = {"CONTENT_API_EVENTS_HEARTBEAT": str(heartbeat)}
    without: list[dict[str, float]] = []
    with_streams: list[dict[str, float]] = []
    received = 0
    held = SUBSCRIBERS
    with api_server(CORPUS, port, env=env):
        wait_until(f"http://127.0.0.1:{port}/readyz")
        wrk(url, {}, 2, connections)  # warm: the page's bytes are cached from here on
        for turn in range(rounds):
            if turn % 2 == 0:
                without.append(wrk(url, {}, seconds, connections))
            with Streams(port, SUBSCRIBERS) as streams:
                with_streams.append(wrk(url, {}, seconds, connections))
                received += streams.bytes
                held = min(held, streams.open)
            if turn % 2 == 1:
                without.append(wrk(url, {}, seconds, connections))
    rps_without = median([r["rps"] for r in without])
    rps_with = median([r["rps"] for r in with_streams])
    return {
        "heartbeat_s": heartbeat,
        "subscribers": held,
        "rps_without": rps_without,
        "rps_with": rps_with,
        "ratio": rps_with / rps_without,
        "rps_without_runs": [r["rps"] for r in without],
        "rps_with_runs": [r["rps"] for r in with_streams],
        "p50_without_ms": median([r["p50"] for r in without]),
        "p50_with_ms": median([r["p50"] for r in with_streams]),
        "p99_without_ms": median([r["p99"] for r in without]),
        "p99_with_ms": median([r["p99"] for r in with_streams]),
        "heartbeat_bytes_received": received,
        "errors": sum(r["errors"] for r in [*without, *with_streams]),
        "rounds": rounds,
        "seconds": seconds,
        "connections": connections,
    }


def run() -> dict[str, Any]:
    """The default heartbeat (15 s: a thousand streams are idle), then heartbeats every
    second (the server wakes a thousand streams every second)."""
    idle = measure(HEARTBEAT)
    woken = measure(1.0)
    return {
        **{k: v for k, v in idle.items() if not k.endswith("_runs")},
        "idle": idle,
        "woken": woken,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
