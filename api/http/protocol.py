"""uvicorn's HTTP protocols with a deadline for receiving each request.

uvicorn times out only the idle time between requests (``timeout_keep_alive``): a client
that opens a connection and sends half a request line, then nothing, holds it (and a file
descriptor) for ever. These subclasses of uvicorn's two protocol classes (``httptools`` and
``h11``, passed to uvicorn as ``http=``) add two deadlines:

- the request line and headers must be in within ``header_timeout`` seconds, counted from
  the moment the connection opens, or from the first byte of a later request on it;
- a body, once the headers announce one, within ``body_timeout`` seconds of them.

A deadline is never pushed back by more bytes arriving (a client dripping one byte a second
is cut off like one that sends nothing). Past it the connection is closed and counted; a
log line sums up the closings at most once a second. Between requests, uvicorn's own
keep-alive timeout still applies, and while the app works on a request nothing is timed.

Past ``limit_concurrency`` connections uvicorn answers a 503 itself, in plain text; here it
is the API's problem+json, with ``Retry-After``, like every other error.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Literal

import h11
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http import h11_impl, httptools_impl
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.http.problems import NOSNIFF, PROBLEM_TYPE, problem_body

log = logging.getLogger("content_api")

Phase = Literal["head", "body"]
#: The names ``serve --http`` takes, and the classes uvicorn is given for them.
PROTOCOLS = {
    "httptools": "api.http.protocol:DeadlineHttpToolsProtocol",
    "h11": "api.http.protocol:DeadlineH11Protocol",
}


def parser(name: str) -> str:
    """``auto`` is httptools when it is installed (as uvicorn chooses), else h11."""
    if name != "auto":
        return name
    try:
        import httptools  # noqa: F401
    except ImportError:  # pragma: no cover - uvicorn[standard] installs it
        return "h11"
    return "httptools"


DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_BODY_TIMEOUT = 30.0
#: How often, at most, the closings are summed up in the log.
REPORT_EVERY = 1.0


class Deadlines:
    """The deadlines in force in this process, and the count of connections they closed."""

    def __init__(self) -> None:
        self.header_timeout = DEFAULT_HEADER_TIMEOUT
        self.body_timeout = DEFAULT_BODY_TIMEOUT
        self.closed: dict[Phase, int] = {"head": 0, "body": 0}
        self._unreported: dict[Phase, int] = {"head": 0, "body": 0}
        self._report: asyncio.TimerHandle | None = None

    def configure(self, header_timeout: float, body_timeout: float) -> None:
        self.header_timeout = header_timeout
        self.body_timeout = body_timeout

    def timeout(self, phase: Phase) -> float:
        return self.header_timeout if phase == "head" else self.body_timeout

    def count(self, phase: Phase, loop: asyncio.AbstractEventLoop) -> None:
        self.closed[phase] += 1
        self._unreported[phase] += 1
        if self._report is None:
            self._report = loop.call_later(REPORT_EVERY, self._log)

    def _log(self) -> None:
        self._report = None
        head, body = self._unreported["head"], self._unreported["body"]
        self._unreported = {"head": 0, "body": 0}
        if head:
            log.warning(
                "closed %d connections that did not send their request line and headers "
                "within %gs (%d so far)",
                head,
                self.header_timeout,
                self.closed["head"],
            )
        if body:
            log.warning(
                "closed %d connections that did not send their request body within %gs (%d so far)",
                body,
                self.body_timeout,
                self.closed["body"],
            )


DEADLINES = Deadlines()


def configure(header_timeout: float, body_timeout: float) -> None:
    """Set the deadlines of every connection this process accepts from now on."""
    DEADLINES.configure(header_timeout, body_timeout)


_AT_CAPACITY = problem_body(
    503,
    "The server is at its connection limit; try again in a moment.",
    title="Service Unavailable",
    type_="at-capacity",
)


async def at_capacity(scope: Scope, receive: Receive, send: Send) -> None:
    """What a request past ``limit_concurrency`` gets: a 503 problem, and the connection
    closed so that the slot is free."""
    headers = [
        (b"content-type", PROBLEM_TYPE.encode()),
        (b"content-length", str(len(_AT_CAPACITY)).encode()),
        (b"retry-after", b"1"),
        (b"cache-control", b"no-store"),
        NOSNIFF,
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": _AT_CAPACITY})


# uvicorn's protocols look their 503 app up by this module-level name when the cap is hit.
for _module in (httptools_impl, h11_impl):
    setattr(_module, "service_unavailable", at_capacity)  # noqa: B010


class _Deadline:
    """The timer of one connection: armed for a phase, kept while the phase lasts."""

    __slots__ = ("handle", "phase")

    def __init__(self) -> None:
        self.phase: Phase | None = None
        self.handle: asyncio.TimerHandle | None = None

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        self.handle = None
        self.phase = None


class DeadlineHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, with the receive deadlines."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = _Deadline()
        self._fresh = True  # no byte yet: the first request's head is awaited
        self._in_head = False
        self._in_body = False

    def _receiving(self) -> Phase | None:
        if self._fresh or self._in_head:
            return "head"
        return "body" if self._in_body else None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _update(self, self._receiving())

    def data_received(self, data: bytes) -> None:
        self._fresh = False
        super().data_received(data)
        _update(self, self._receiving())

    def on_message_begin(self) -> None:
        self._in_head = True
        super().on_message_begin()

    def on_headers_complete(self) -> None:
        self._in_head, self._in_body = False, True
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._in_body = False
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        _update(self, self._receiving())

    def connection_lost(self, exc: Exception | None) -> None:
        self._deadline.cancel()
        super().connection_lost(exc)


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with the receive deadlines."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = _Deadline()
        self._fresh = True

    def _receiving(self) -> Phase | None:
        state = self.conn.their_state
        if state is h11.SEND_BODY:
            return "body"
        if state is h11.IDLE and (self._fresh or self.conn.trailing_data[0]):
            return "head"  # nothing yet, or part of a request line or headers
        return None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _update(self, self._receiving())

    def data_received(self, data: bytes) -> None:
        self._fresh = False
        super().data_received(data)
        _update(self, self._receiving())

    def on_response_complete(self) -> None:
        super().on_response_complete()
        _update(self, self._receiving())

    def connection_lost(self, exc: Exception | None) -> None:
        self._deadline.cancel()
        super().connection_lost(exc)


Protocol = DeadlineHttpToolsProtocol | DeadlineH11Protocol


def _update(protocol: Protocol, phase: Phase | None) -> None:
    """Arm the deadline of a new phase; keep the one running when the phase is the same."""
    deadline = protocol._deadline
    if phase == deadline.phase:
        return
    deadline.cancel()
    transport = protocol.transport
    if phase is None or transport is None or transport.is_closing():
        return
    deadline.phase = phase
    deadline.handle = protocol.loop.call_later(DEADLINES.timeout(phase), _expired, protocol, phase)


def _expired(protocol: Protocol, phase: Phase) -> None:
    protocol._deadline.handle = None
    protocol._deadline.phase = None
    transport = protocol.transport
    if transport is None or transport.is_closing():
        return
    DEADLINES.count(phase, protocol.loop)
    transport.close()
