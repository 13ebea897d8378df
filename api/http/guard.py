"""The outermost layer: methods, request size limits, HEAD, and headers every response has.

It runs before routing, so a hostile request is refused before any work is done.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import NOSNIFF, PROBLEM_TYPE, problem_body

ALLOWED = frozenset({"GET", "HEAD", "OPTIONS"})


class Guard:
    def __init__(self, app: ASGIApp, *, max_url_length: int, max_query_params: int) -> None:
        self.app = app
        self.max_url_length = max_url_length
        self.max_query_params = max_query_params

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method not in ALLOWED:
            detail = f"{method} is not allowed: this API is read-only (GET and HEAD)."
            await _refuse(send, 405, detail, [(b"allow", b"GET, HEAD, OPTIONS")])
            return
        query = scope["query_string"]
        if len(scope.get("raw_path") or scope["path"]) + len(query) > self.max_url_length:
            detail = f"The URL is longer than {self.max_url_length} characters."
            await _refuse(send, 414, detail)
            return
        if query and query.count(b"&") + 1 > self.max_query_params:
            detail = f"More than {self.max_query_params} query parameters."
            await _refuse(send, 422, detail, title="Too many parameters")
            return
        if method == "HEAD":
            await self.app({**scope, "method": "GET", "head": True}, receive, _bodiless(send))
            return
        await self.app(scope, receive, send)


def _bodiless(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return wrapped


async def _refuse(
    send: Send,
    status: int,
    detail: str,
    headers: list[tuple[bytes, bytes]] | None = None,
    title: str | None = None,
) -> None:
    body = problem_body(status, detail, title=title)
    raw = [
        (b"content-type", PROBLEM_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        NOSNIFF,
        *(headers or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds ``X-Content-Type-Options: nosniff`` to responses that lack it.

    Innermost, so it wraps the routes only: cached bytes from the fast path carry the
    header already and skip this layer.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                if not any(k == NOSNIFF[0] for k, _ in headers):
                    headers.append(NOSNIFF)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, wrapped)
