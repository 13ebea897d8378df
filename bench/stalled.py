"""Ordinary requests while 2,000 connections stall: ``python -m bench.stalled``.

For each of uvicorn's parsers, on the aba-icc corpus with the default settings: the latency
of page-detail requests with no stalled connection and while 2,000 connections that sent
half a request line are open (until the header deadline closes them), alternating, three
rounds in one run. Also how long after they were opened all of them were closed.
Targets: p99 under 100 ms meanwhile, every stalled connection closed within 15 s.
"""

from __future__ import annotations

import json
import socket
import time
from typing import Any

from bench.common import CORPUS, api_server, free_port, percentile, wait_until
from bench.throughput import PAGE
from tests.live.slowclients import allow_descriptors, close_all, stall, wait_closed

STALLED = 2000
MEASURE_SECONDS = 6.0  # within the 10 s header deadline, so the stalled ones are still open
CLOSED_WITHIN = 15.0
ROUNDS = 3


def _read_response(sock: socket.socket, until_close: bool) -> int:
    """Read one response from ``sock``; its status. The body is read by its length, or
    to the end of the connection when the request asked to close it."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the response head")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    fields = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
    lengths = [value for name, value in fields.items() if name.lower() == "content-length"]
    if lengths:
        length = int(lengths[0])
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed inside the body")
            body += chunk
    elif until_close:
        while sock.recv(65536):
            pass
    else:
        raise ConnectionError("a kept-alive response without Content-Length")
    return status


def _latencies(port: int, seconds: float) -> list[float]:
    """Sequential page-detail requests, half on a kept-alive connection and half each on a
    new one (ms). Plain sockets, so the figure is the server's and not an HTTP client's."""
    keep = f"GET {PAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode()
    close = keep.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n")
    found: list[float] = []
    deadline = time.monotonic() + seconds
    with socket.create_connection(("127.0.0.1", port), timeout=10) as kept:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            kept.sendall(keep)
            status = _read_response(kept, until_close=False)
            found.append((time.perf_counter() - started) * 1000)
            assert status == 200, status
            started = time.perf_counter()
            with socket.create_connection(("127.0.0.1", port), timeout=10) as fresh:
                fresh.sendall(close)
                status = _read_response(fresh, until_close=True)
            found.append((time.perf_counter() - started) * 1000)
            assert status == 200, status
    return found


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "requests": len(values),
        "p50_ms": round(percentile(values, 0.5), 2),
        "p99_ms": round(percentile(values, 0.99), 2),
    }


def run_parser(parser: str) -> dict[str, Any]:
    port = free_port()
    without: list[float] = []
    during: list[float] = []
    closings: list[float] = []
    closed_count = 0
    with api_server(CORPUS, port, "--http", parser):
        wait_until(f"http://127.0.0.1:{port}/readyz")
        _latencies(port, 1.0)  # warm: the page is rendered once
        # Alternating loads: none stalled, then 2,000 stalled, ROUNDS times, so that a busy
        # machine weighs on both the same.
        for _ in range(ROUNDS):
            without += _latencies(port, MEASURE_SECONDS)
            opened = time.monotonic()
            stalled = stall(port, STALLED)
            try:
                during += _latencies(port, MEASURE_SECONDS)
                closed = wait_closed(stalled, CLOSED_WITHIN + 5 - (time.monotonic() - opened))
            finally:
                close_all(stalled)
            closed_count += len(closed)
            closings.append(max(closed.values()) - opened if closed else float("nan"))
        without += _latencies(port, MEASURE_SECONDS)
    latest = max(closings)
    return {
        "no_stalled": _summary(without),
        "with_stalled": _summary(during),
        "p99_ratio_with_to_without": round(percentile(during, 0.99) / percentile(without, 0.99), 2),
        "stalled_opened": STALLED * ROUNDS,
        "stalled_closed": closed_count,
        "all_closed_after_s": [round(x, 1) for x in closings],
        "target_met": closed_count == STALLED * ROUNDS
        and latest <= CLOSED_WITHIN
        and percentile(during, 0.99) < 100.0,
    }


def run() -> dict[str, Any]:
    allow_descriptors(STALLED + 512)
    return {parser: run_parser(parser) for parser in ("httptools", "h11")}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
