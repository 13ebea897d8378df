"""``/api/v1/events``: a Server-Sent Events stream of content versions.

Every stream of a view (public or preview) waits on one shared future of its
``Broadcaster``; a new version (or the heartbeat tick, every ``heartbeat`` seconds) resolves
it and makes the next, so waking a thousand streams costs one callback each and no timer of
their own. A woken stream reads the feed of the content being served and sends what its
client has not seen: one ``content-version`` event per version since its last, each with
the version as ``id``, or a ``refetch`` event when that version is no longer in the history
(the stream's 410), or a heartbeat comment when there is nothing new. An event's bytes are
made once per version, whoever sends them.

The wire format (https://html.spec.whatwg.org/multipage/server-sent-events.html) is a few
lines of text, so it is written here rather than with a library; what a library would add
(noticing a disconnect, ending on shutdown) is done the same way for every stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections import OrderedDict
from collections.abc import Callable
from types import FrameType
from typing import Any

import orjson
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from api.site.changes import MAX_VERSIONS, Delta, Feed

log = logging.getLogger("content_api")

MEDIA_TYPE = "text/event-stream; charset=utf-8"
HEARTBEAT = b": heartbeat\n\n"
#: A client that has not taken an event within this many seconds is dropped.
SEND_TIMEOUT = 30.0


def event(name: str, data: dict[str, Any], event_id: str | None = None) -> bytes:
    """One event in the SSE format (``data`` is one line of JSON)."""
    head = f"event: {name}\n" + (f"id: {event_id}\n" if event_id is not None else "")
    return head.encode() + b"data: " + orjson.dumps(data) + b"\n\n"


def refetch(current: str, since: str) -> bytes:
    detail = (
        f"The content version {since!r} is not in the change history: refetch everything. "
        f"The current version is {current}."
    )
    return event("refetch", {"content_version": current, "detail": detail}, current)


class Broadcaster:
    """The streams of one view, and what wakes them. Thread-safe ``publish`` and ``close``;
    everything else runs on the event loop."""

    def __init__(self, heartbeat: float, max_subscribers: int) -> None:
        self.heartbeat = heartbeat
        self.max_subscribers = max_subscribers
        self.subscribers = 0
        self.closed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._next: asyncio.Future[None] | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._encoded: OrderedDict[tuple[str, str], bytes] = OrderedDict()

    @property
    def full(self) -> bool:
        return self.subscribers >= self.max_subscribers

    def waiter(self) -> asyncio.Future[None]:
        """The future the next wake resolves (on the running loop)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._next is None:
            self._loop, self._next = loop, loop.create_future()
        if self._ticker is None or self._ticker.done():
            self._ticker = loop.create_task(self._tick())
        return self._next

    def publish(self) -> None:
        """Wake every stream: a new version is being served (from any thread)."""
        self._call(self._wake)

    def close(self) -> None:
        """End every stream, now and for good (from any thread, a signal handler too)."""
        self.closed = True
        self._call(self._close)

    def encoded(self, step: Delta) -> bytes:
        key = (step.since, step.to)
        found = self._encoded.get(key)
        if found is None:
            found = event("content-version", step.notice(), step.to)
            self._encoded[key] = found
            if len(self._encoded) > MAX_VERSIONS:
                self._encoded.popitem(last=False)
        return found

    def _call(self, callback: Callable[[], None]) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(callback)

    def _wake(self) -> None:
        if self._loop is None or self._next is None:
            return
        woken, self._next = self._next, self._loop.create_future()
        if not woken.done():
            woken.set_result(None)

    def _close(self) -> None:
        self._wake()
        if self._ticker is not None:
            self._ticker.cancel()

    async def _tick(self) -> None:
        while not self.closed and self.subscribers:
            await asyncio.sleep(self.heartbeat)
            self._wake()


class EventStream(Response):
    """The response of ``/api/v1/events``: streams until the client leaves or the server
    stops. ``feed`` gives the feed of the content being served at each wake."""

    def __init__(
        self,
        broadcaster: Broadcaster,
        feed: Callable[[], Feed],
        resume: str | None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.broadcaster = broadcaster
        self.feed = feed
        self.resume = resume
        self.status_code = 200
        self.background = None
        self.body = b""
        self.init_headers(
            {
                "cache-control": "no-store",
                "x-accel-buffering": "no",  # nginx: pass each event on at once
                **(headers or {}),
            }
        )
        self.raw_headers.append((b"content-type", MEDIA_TYPE.encode()))

    def init_headers(self, headers: Any = None) -> None:
        self.raw_headers = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        if scope.get("head") or scope["method"] == "HEAD":
            await send({"type": "http.response.body", "body": b""})
            return
        broadcaster = self.broadcaster
        broadcaster.subscribers += 1
        gone = asyncio.ensure_future(_disconnected(receive))
        try:
            last = self.resume
            first = True
            while not broadcaster.closed:
                waiter = broadcaster.waiter()  # before reading the feed: no wake is missed
                chunk, last = self._pending(self.feed(), last, first)
                first = False
                if not await _send(send, chunk):
                    return
                done, _ = await asyncio.wait((waiter, gone), return_when=asyncio.FIRST_COMPLETED)
                if gone in done:
                    return
            await _send(send, b"", more=False)
        finally:
            broadcaster.subscribers -= 1
            gone.cancel()

    def _pending(self, feed: Feed, last: str | None, first: bool) -> tuple[bytes, str]:
        """What to send now, and the version the client then has."""
        current = feed.current
        parts: list[bytes] = []
        if last is not None and (first or last != current):
            steps = feed.steps_after(last)
            if steps is None:
                parts.append(refetch(current, last))
            else:
                parts += [self.broadcaster.encoded(step) for step in steps]
        if first:
            parts.append(event("ready", {"content_version": current}, current))
        return b"".join(parts) or HEARTBEAT, current


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _send(send: Send, body: bytes, *, more: bool = True) -> bool:
    """Send a chunk; False when the client has not taken it within ``SEND_TIMEOUT``."""
    message = {"type": "http.response.body", "body": body, "more_body": more}
    try:
        async with asyncio.timeout(SEND_TIMEOUT):  # a timer, not a task as wait_for makes
            await send(message)
    except TimeoutError:
        log.info("an event stream's client stopped reading; the stream is closed")
        return False
    return True


def on_shutdown_signals(callback: Callable[[], None]) -> Callable[[], None]:
    """Call ``callback`` as soon as SIGTERM or SIGINT arrives, then the server's own handler.

    uvicorn waits for every response to finish before it stops (for up to its graceful
    timeout), and tells the application only afterwards: streams must end when the signal
    arrives. Installed on top of the server's handlers (which uvicorn sets before the
    application starts); returns what undoes it. A no-op outside the main thread, or when
    the handler in place is not a function to chain to.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous: dict[int, Any] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        callback()
        chained = previous.get(signum)
        if callable(chained):
            chained(signum, frame)

    for signum in (signal.SIGTERM, signal.SIGINT):
        current = signal.getsignal(signum)
        if callable(current):
            previous[signum] = current
            signal.signal(signum, handler)

    def undo() -> None:
        for signum, chained in previous.items():
            if signal.getsignal(signum) is handler:
                signal.signal(signum, chained)

    return undo
