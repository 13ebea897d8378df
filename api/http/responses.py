"""Sending cached bytes: content negotiation, 304s and HEAD, for routes and the fast path."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from api.http.cache import Cached, etag_matches, negotiate


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


async def send_cached(cached: Cached, scope: Scope, send: Send) -> None:
    accept = _header(scope, b"accept-encoding")
    encoding = negotiate(accept) if accept else None
    if_none_match = _header(scope, b"if-none-match")
    if (
        if_none_match is not None
        and cached.status == 200
        and etag_matches(if_none_match, cached.etag)
    ):
        headers = cached.not_modified_headers(encoding)
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    body, headers = cached.variant(encoding)
    await send({"type": "http.response.start", "status": cached.status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


class CachedResponse(Response):
    """A route's response made of a ``Cached``: the same bytes the fast path sends."""

    def __init__(self, cached: Cached, request: Request) -> None:
        self.cached = cached
        self.request = request
        self.status_code = cached.status
        self.background = None
        self.body = cached.body
        self.raw_headers = cached.variant(None)[1]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send_cached(self.cached, scope, send)
