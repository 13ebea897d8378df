"""The outermost layer: methods, request size limits, HEAD, and headers every response has.

It runs before routing, so a hostile request is refused before any work is done. (Cached
resources answered by the fast path never get here; their bytes carry the same headers.)
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import NOSNIFF, PROBLEM_TYPE, problem, problem_body

#: What the Allow header of every 405 says. OPTIONS is answered for CORS preflights only.
ALLOW = (b"allow", b"GET, HEAD")


class Guard:
    def __init__(self, app: ASGIApp, *, max_url_length: int, max_query_params: int) -> None:
        self.app = app
        self.max_url_length = max_url_length
        self.max_query_params = max_query_params

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _nosniff(send)
        method = scope["method"]
        if method not in ("GET", "HEAD") and not (method == "OPTIONS" and _preflight(scope)):
            detail = f"{method} is not allowed: this API is read-only (GET and HEAD)."
            await _refuse(send, 405, detail, [ALLOW])
            return
        query = scope["query_string"]
        target = len(scope.get("raw_path") or scope["path"]) + (len(query) + 1 if query else 0)
        if target > self.max_url_length:  # the request target: path, `?` and query
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


def _preflight(scope: Scope) -> bool:
    names = {name for name, _ in scope["headers"]}
    return b"origin" in names and b"access-control-request-method" in names


def _nosniff(send: Send) -> Send:
    """Every response says ``X-Content-Type-Options: nosniff``: errors, 304s, preflights."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = message.get("headers", ())
            if not any(name == NOSNIFF[0] for name, _ in headers):
                message = {**message, "headers": [*headers, NOSNIFF]}
        await send(message)

    return wrapped


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


class Cors(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered as a problem like every error,
    and ``Vary`` naming ``Origin`` once (cached responses name it already)."""

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        async def once(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "vary" in headers:
                    names = (name.strip() for name in headers["vary"].split(","))
                    headers["vary"] = ", ".join(dict.fromkeys(names))
            await send(message)

        await super().send(message, once, request_headers)

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        reasons = bytes(response.body).decode("latin-1")
        detail = f"CORS preflight refused: {reasons}. This API allows GET and HEAD."
        kept = {k: v for k, v in response.headers.items() if k.startswith(("access-", "vary"))}
        return problem(response.status_code, detail, headers=kept)
