"""Sending cached bytes: content negotiation, 304s and HEAD, for routes and the fast path."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from api.http.cache import Cached, etag_matches, negotiate

NO_HEADERS: tuple[tuple[bytes, bytes], ...] = ()


def request_headers(scope: Scope) -> tuple[str | None, str | None, str | None]:
    """``Accept-Encoding``, ``If-None-Match`` and ``Origin`` (the first of each), in one pass."""
    accept = if_none_match = origin = None
    for key, value in scope["headers"]:
        if key == b"accept-encoding":
            if accept is None:
                accept = value.decode("latin-1")
        elif key == b"if-none-match":
            if if_none_match is None:
                if_none_match = value.decode("latin-1")
        elif key == b"origin" and origin is None:
            origin = value.decode("latin-1")
    return accept, if_none_match, origin


async def send_cached(
    cached: Cached,
    send: Send,
    accept: str | None,
    if_none_match: str | None,
    head: bool = False,
    extra: tuple[tuple[bytes, bytes], ...] = NO_HEADERS,
) -> tuple[int, int]:
    """Send ``cached`` (304 when the validator matches), with ``extra`` headers appended;
    returns the status and the number of body bytes sent."""
    encoding = negotiate(accept) if accept else None
    if (
        if_none_match is not None
        and cached.status == 200
        and etag_matches(if_none_match, cached.etag)
    ):
        headers = cached.not_modified_headers(encoding)
        if extra:
            headers = [*headers, *extra]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return 304, 0
    body, headers = cached.variant(encoding)
    if extra:
        headers = [*headers, *extra]
    if head:
        body = b""
    await send({"type": "http.response.start", "status": cached.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
    return cached.status, len(body)


class CachedResponse(Response):
    """A route's response made of a ``Cached``: the same bytes the fast path sends."""

    def __init__(self, cached: Cached, request: Request) -> None:
        self.cached = cached
        self.status_code = cached.status
        self.background = None
        self.body = cached.body
        self.raw_headers = cached.variant(None)[1]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        accept, if_none_match, _ = request_headers(scope)
        await send_cached(self.cached, send, accept, if_none_match, scope["method"] == "HEAD")
