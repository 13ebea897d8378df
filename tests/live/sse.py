"""Event-stream clients for the live tests: a thread per stream (httpx), and many light
streams on one event loop (raw sockets), each parsing what it receives into events."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import httpx


@dataclass
class Event:
    name: str
    id: str | None
    data: dict[str, Any]
    at: float  # time.monotonic() when it arrived


def parse(block: str, at: float) -> Event | None:
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        name, _, value = line.partition(":")
        if name in ("event", "id", "data"):
            fields[name] = value.removeprefix(" ")
    if "event" not in fields:
        return None
    return Event(fields["event"], fields.get("id"), json.loads(fields.get("data", "{}")), at)


@dataclass
class Stream:
    """``GET /api/v1/events`` in a thread, until ``close``."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    comments: int = 0
    status: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    ended: bool = False

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with (
            contextlib.suppress(httpx.HTTPError),
            httpx.stream("GET", self.url, headers=self.headers, timeout=None) as response,
        ):
            self.status = response.status_code
            self.response_headers = dict(response.headers)
            buffer = ""
            for text in response.iter_text():
                buffer += text
                while "\n\n" in buffer:
                    block, buffer = buffer.split("\n\n", 1)
                    if block.startswith(":"):
                        self.comments += 1
                    found = parse(block, time.monotonic())
                    if found is not None:
                        self.events.append(found)
                if self._stop.is_set():
                    return
        self.ended = True

    def named(self, name: str) -> list[Event]:
        return [e for e in list(self.events) if e.name == name]

    def close(self) -> None:
        self._stop.set()

    def __enter__(self) -> Stream:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class Crowd:
    """``count`` event streams held on one asyncio loop in a thread of their own, each a raw
    socket that only counts the events it receives (the light way to hold a thousand)."""

    def __init__(self, host: str, port: int, count: int) -> None:
        self.host, self.port, self.count = host, port, count
        self.versions: list[list[str]] = [[] for _ in range(count)]
        self.connected = 0
        self.ended = 0
        self.failures: list[str] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._tasks: list[asyncio.Future[None]] = []

    def start(self) -> None:
        self._thread.start()
        for i in range(self.count):
            self._tasks.append(asyncio.run_coroutine_threadsafe(self._one(i), self._loop))  # type: ignore[arg-type]

    async def _one(self, index: int) -> None:
        try:
            reader, writer = await asyncio.open_connection(self.host, self.port)
        except OSError as exc:
            self.failures.append(f"connect: {exc}")
            return
        writer.write(f"GET /api/v1/events HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                self.failures.append(head.split(b"\r\n", 1)[0].decode())
                return
            self.connected += 1
            buffer = b""
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    self.ended += 1
                    return
                buffer += chunk
                # Chunked framing is left in: only the lines that matter are picked out.
                for line in buffer.split(b"\n")[:-1]:
                    if line.startswith(b"id: "):
                        self.versions[index].append(line[4:].strip().decode())
                buffer = buffer.rsplit(b"\n", 1)[-1]
        except (OSError, asyncio.IncompleteReadError) as exc:
            self.failures.append(f"read: {exc!r}")
        finally:
            writer.close()

    def having(self, version: str) -> int:
        return sum(1 for seen in self.versions if version in seen)

    def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
