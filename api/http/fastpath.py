"""Cached and cheap resources served before the middleware stack and routing.

Page resources (``/api/v1/pages/{id}``, ``/html``, ``/timeline``, ``/timeline/data``), the
collections and the lists are the hottest paths of a content API: once their bytes exist,
sending them needs a dict lookup, not middleware, routing, dependency injection or
validation. Lists and search are answered here too, computed on the event loop when that is
quick (no rendering, search index ready). GET and HEAD, with or without ``Origin``, plain or
conditional, get the same treatment; the CORS headers come from the policy, computed once
per origin, and preflights are answered from it too.

Anything else (a bad parameter, a resource not built yet, slow work, a refused request)
takes the full stack, whose routes use the same code and cache: both paths send the same
status, headers and bytes (``tests/http/test_fastpath.py`` compares them).
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import FastAPI
from starlette.types import Message, Receive, Scope, Send

from api.http import detail, listing
from api.http.accesslog import AccessLog
from api.http.cache import Cached
from api.http.cors import CorsPolicy
from api.http.preview import needs_stack
from api.http.responses import NO_HEADERS, request_headers, send_cached
from api.http.routes.collections import collections_response
from api.http.runtime import Runtime, Served
from api.query import QueryError

PREFIX = "/api/v1/pages/"
LISTS = {"/api/v1/pages": "pages", "/api/v1/timelines": "timelines", "/api/v1/search": "search"}
COLLECTIONS = "/api/v1/collections"
_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def lookup(served: Served, path: str, query: bytes) -> Cached | None:
    """The cached response for a GET of ``path?query``, when it can be had without blocking
    the event loop (None: the full stack answers). The one place that maps requests to
    cached responses: a new cached resource is added here."""
    if path.startswith(PREFIX):
        if not query:
            return served.store.by_path.get(path[len(PREFIX) :])
        return _page_with_query(served, path[len(PREFIX) :], query)
    kind = LISTS.get(path)
    if kind is not None:
        try:
            return listing.respond(served, kind, path, query.decode("latin-1"), inline=True)
        except (QueryError, listing.WouldBlock):
            return None  # the route answers: a 422 problem, or in a thread
    if path == COLLECTIONS and not query:
        return collections_response(served)
    return None


class ContentAPI(FastAPI):
    """FastAPI, plus the fast path for resources that need no framework, and the access log
    (one line per request, whichever path answered it)."""

    def __init__(
        self,
        *,
        runtime: Runtime,
        cors: CorsPolicy,
        access_log: AccessLog | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.runtime = runtime
        self.cors = cors
        self.access_log = access_log
        settings = runtime.settings
        self._max_target = settings.max_url_length
        self._max_ampersands = settings.max_query_params

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        log = self.access_log
        if log is None:
            if await self.answer(scope, send) is None:
                await super().__call__(scope, receive, send)
            return
        started = time.perf_counter()
        answered = await self.answer(scope, send)
        if answered is not None:
            log.record(scope, answered[0], answered[1], started)
            return
        meter = _Meter(send)
        try:
            await super().__call__(scope, receive, meter.send)
        finally:
            log.record(scope, meter.status, meter.sent, started)

    async def answer(self, scope: Scope, send: Send) -> tuple[int, int] | None:
        """Answer from the cache: (status, body bytes sent), or None for the full stack."""
        method = scope["method"]
        if method not in _METHODS:
            return None
        query: bytes = scope["query_string"]
        # The Guard's limits: a request past them goes to the Guard, which refuses it.
        target = len(scope.get("raw_path") or scope["path"]) + (len(query) + 1 if query else 0)
        if target > self._max_target or query.count(b"&") >= self._max_ampersands:
            return None
        if method == "OPTIONS":
            return await self._preflight(scope, send)
        if needs_stack(scope):  # a preview token, or what may be one: for the stack's gate
            return None
        served = self.runtime.served
        if served is None:
            return None
        cached = lookup(served, scope["path"], query)
        if cached is None:
            return None
        accept, if_none_match, origin = request_headers(scope)
        extra = NO_HEADERS if origin is None else self.cors.simple_headers(origin)
        return await send_cached(cached, send, accept, if_none_match, method == "HEAD", extra)

    async def _preflight(self, scope: Scope, send: Send) -> tuple[int, int] | None:
        headers = scope["headers"]
        names = {name for name, _ in headers}
        if b"origin" not in names or b"access-control-request-method" not in names:
            return None  # not a preflight: the Guard answers 405
        status, raw, body = self.cors.preflight(headers)
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body", "body": body})
        return status, len(body)


class _Meter:
    """Wraps ``send`` to note the status and body size the full stack sends."""

    __slots__ = ("_send", "sent", "status")

    def __init__(self, send: Send) -> None:
        self._send = send
        self.status = 500  # what uvicorn answers if the app fails before it starts a response
        self.sent = 0

    async def send(self, message: Message) -> None:
        kind = message["type"]
        if kind == "http.response.body":
            self.sent += len(message.get("body", b""))
        elif kind == "http.response.start":
            self.status = message["status"]
        await self._send(message)


def _page_with_query(served: Served, page_id: str, query: bytes) -> Cached | None:
    """A page detail with ``expand``/``sort``: cached bytes, or built here when that needs
    no rendering; None leaves it to the route (a 422 problem, ``sanitize``, rendering)."""
    try:
        return detail.respond(served, page_id, query.decode("latin-1"), inline=True)
    except (QueryError, listing.WouldBlock):
        return None
