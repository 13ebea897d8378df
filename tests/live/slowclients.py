"""Clients that stall: connections that send part of a request, then nothing.

Shared by the live deadline tests and ``bench/stalled.py``. Everything here talks to a
server on loopback only, and every wait is bounded.
"""

from __future__ import annotations

import contextlib
import resource
import selectors
import socket
import time
from collections.abc import Iterable

HALF_A_REQUEST_LINE = b"GET /api/v1/pa"


def allow_descriptors(wanted: int) -> None:
    """Raise this process's soft limit of open files to ``wanted`` (the hard limit
    permitting): each stalled connection is a socket here."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        new = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))


def stall(port: int, count: int, payload: bytes = HALF_A_REQUEST_LINE) -> list[socket.socket]:
    """``count`` connections to ``127.0.0.1:port``, each having sent ``payload``."""
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        if payload:
            sock.sendall(payload)
        sock.setblocking(False)
        sockets.append(sock)
    return sockets


def wait_closed(sockets: Iterable[socket.socket], limit: float) -> dict[socket.socket, float]:
    """Wait (at most ``limit`` seconds) for the server to close each socket; the moment
    (``time.monotonic()``) each one was seen closed. Those still open are left out."""
    selector = selectors.DefaultSelector()
    pending = list(sockets)
    for sock in pending:
        selector.register(sock, selectors.EVENT_READ, sock)
    closed: dict[socket.socket, float] = {}
    deadline = time.monotonic() + limit
    while len(closed) < len(pending) and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=max(0.0, min(0.5, deadline - time.monotonic()))):
            sock = key.data
            try:
                data = sock.recv(65536)
            except (ConnectionResetError, BrokenPipeError):
                data = b""
            except BlockingIOError:
                continue
            if not data:  # a response would mean the request was answered, not closed
                closed[sock] = time.monotonic()
                selector.unregister(sock)
    selector.close()
    return closed


def close_all(sockets: Iterable[socket.socket]) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.close()
