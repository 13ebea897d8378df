"""The access log: one line per request, cheap enough to leave on under load.

uvicorn's access log formats every request through ``logging`` (records, handlers, a
colouring formatter), which costs as much as answering a cached request. This one is called
by the app itself, for the fast path and the full stack alike, formats the part of a line
that repeats from request to request once (requests under load are mostly the same few),
and writes lines in batches: at most every ``FLUSH_SECONDS``, or sooner when a
batch fills. Each write holds whole lines and stays within ``PIPE_BUF``, so the lines of
several workers sharing one stdout never interleave.

Only the method, path, query, status, size, duration, client address, user agent and
request id are written. Headers that carry credentials never are, and the values of query
parameters that look like credentials (``token=``, ``api_key=``...) are replaced by
``REDACTED``: URLs end up in log stores that more people can read than the API's secrets.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_plus

import orjson
from starlette.types import Scope

FORMATS = ("text", "json")
#: Longest batch held before it is written, in seconds, and most lines in one batch.
FLUSH_SECONDS = 0.1
MAX_BATCH = 64
#: Writes of at most this many bytes are atomic on a pipe (POSIX PIPE_BUF).
ATOMIC_WRITE = 4096
#: Distinct requests whose formatted line is remembered (then it starts over).
MAX_REMEMBERED = 4096
#: Longest user agent or request id written; the rest is cut.
MAX_HEADER = 256
REDACTED = "REDACTED"

#: Query parameters whose values are credentials (compared lowercased, before any ``[``).
SECRET_PARAMS = frozenset(
    {
        "access_token",
        "api_key",
        "apikey",
        "auth",
        "authorization",
        "bearer",
        "client_secret",
        "code",
        "credential",
        "id_token",
        "jwt",
        "key",
        "password",
        "passwd",
        "preview",
        "pwd",
        "refresh_token",
        "secret",
        "session",
        "sessionid",
        "sig",
        "signature",
        "token",
        "x-amz-credential",
        "x-amz-security-token",
        "x-amz-signature",
        "x-goog-credential",
        "x-goog-signature",
    }
)
_SECRET_SUFFIXES = ("token", "_secret", "-secret", "password", "_key", "-key", "signature")
#: A cheap first look: most query strings mention none of these, and are written as they are.
_MAYBE_SECRET = re.compile(
    rb"(?i)%|\+|token|secret|passw|pwd|auth|key|sig|session|jwt|bearer|credential|code|preview"
)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\xff"\\]')

Writer = Callable[[bytes], Any]


class AccessLog:
    """Formats and batches access lines; ``record`` is called once per request, on the loop."""

    def __init__(self, fmt: str = "text", write: Writer | None = None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown log format {fmt!r} (text or json)")
        self.json = fmt == "json"
        self._write = write or _stdout_writer()
        self._pending: list[bytes] = []
        self._size = 0
        self._second = -1
        self._stamp = ""
        self._timer: asyncio.TimerHandle | None = None
        self._middles: dict[tuple[Any, ...], str] = {}

    def record(self, scope: Scope, status: int, sent: int, started: float) -> None:
        """Log one answered request (``started`` from ``time.perf_counter()``)."""
        duration = (time.perf_counter() - started) * 1000.0
        user_agent = request_id = None
        for name, value in scope["headers"]:
            if name == b"user-agent":
                user_agent = value
            elif name == b"x-request-id":
                request_id = value
        client = scope.get("client")
        remote = client[0] if client else "-"
        # All but the time, the client and the duration repeats from request to request
        # under load: formatted once, then looked up.
        key = (
            scope["method"],
            scope.get("raw_path") or scope["path"],
            scope["query_string"],
            status,
            sent,
            user_agent,
            request_id,
            scope.get("http_version", "1.1"),
        )
        middle = self._middles.get(key)
        if middle is None:
            middle = self._middle(scope, key)
            if request_id is None:  # ids are unique: remembering them would only fill memory
                if len(self._middles) >= MAX_REMEMBERED:
                    self._middles.clear()
                self._middles[key] = middle
        now = time.time()
        second = int(now)
        if second != self._second:
            self._second = second
            self._stamp = time.strftime("%Y-%m-%dT%H:%M:%S.", time.gmtime(second))
        stamp = self._stamp + _MILLIS[int((now - second) * 1000)]
        if self.json:
            text = (
                f'{{"time":"{stamp}",{middle},"remote":{_json(remote)},'
                f'"duration_ms":{duration:.3f}}}\n'
            )
        else:
            text = f"{stamp} {remote} {middle} {duration:.2f}ms\n"
        line = text.encode("utf-8", "replace")
        pending = self._pending
        pending.append(line)
        self._size += len(line)
        if len(pending) >= MAX_BATCH or self._size >= ATOMIC_WRITE:
            self.flush()
        elif self._timer is None:
            self._later()

    def _middle(self, scope: Scope, key: tuple[Any, ...]) -> str:
        method, _, raw_query, status, sent, user_agent, request_id, version = key
        path = _target(scope)
        query = _query(raw_query) if raw_query else ""
        if self.json:
            fields = {
                "level": "info",
                "logger": "content_api.access",
                "method": method,
                "path": path,
                "query": query,
                "status": status,
                "bytes": sent,
                "user_agent": _header(user_agent),
                "request_id": _header(request_id),
                "http_version": version,
            }
            return orjson.dumps(fields).decode()[1:-1]
        target = f"{path}?{query}" if raw_query else path
        agent = _escape(_header(user_agent) or "-")
        rid = _escape(_header(request_id) or "-")
        return f'"{method} {_escape(target)} HTTP/{version}" {status} {sent} "{agent}" {rid}'

    def flush(self) -> None:
        """Write what is pending (also called on shutdown)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._pending:
            return
        lines, self._pending, self._size = self._pending, [], 0
        chunk: list[bytes] = []
        size = 0
        for line in lines:
            if chunk and size + len(line) > ATOMIC_WRITE:
                self._emit(b"".join(chunk))
                chunk, size = [], 0
            chunk.append(line)
            size += len(line)
        if chunk:
            self._emit(b"".join(chunk))

    def _later(self) -> None:
        """Write what is pending soon, when nothing else fills a batch meanwhile."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not on a loop: nothing would come back to write it
            self.flush()
            return
        self._timer = loop.call_later(FLUSH_SECONDS, self.flush)

    def _emit(self, data: bytes) -> None:
        with contextlib.suppress(OSError):  # a closed or full stdout must never fail a request
            self._write(data)


def _stdout_writer() -> Writer:
    fd = 1

    def write(data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    return write


def _target(scope: Scope) -> str:
    """The path as the client sent it (still percent-encoded), else as decoded."""
    raw = scope.get("raw_path")
    if raw:
        return str(raw.decode("latin-1"))
    return str(scope["path"])


def _header(value: bytes | None) -> str | None:
    if value is None:
        return None
    return value[:MAX_HEADER].decode("latin-1")


_MILLIS = [f"{ms:03d}Z" for ms in range(1000)]


def _json(text: str) -> str:
    return orjson.dumps(text).decode()


def _escape(text: str) -> str:
    """Quotes, backslashes and control characters as ``\\xNN``: one request, one line."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _query(raw: bytes) -> str:
    text = raw.decode("latin-1")
    if _MAYBE_SECRET.search(raw) is None:
        return text
    parts = []
    for part in text.split("&"):
        name, eq, _ = part.partition("=")
        if eq and _secret(name):
            part = f"{name}={REDACTED}"
        parts.append(part)
    return "&".join(parts)


def _secret(name: str) -> bool:
    base = unquote_plus(name).split("[", 1)[0].strip().lower()
    return base in SECRET_PARAMS or base.endswith(_SECRET_SUFFIXES)
