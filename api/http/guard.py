"""The outermost layer: methods, request size limits, HEAD, and headers every response has.

It runs before routing, so a hostile request is refused before any work is done. (Cached
resources answered by the fast path never get here; their bytes carry the same headers.)
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import NOSNIFF, PROBLEM_TYPE, invalid_parameter_body, problem, problem_body
from api.query import QueryError, check_pairs, query_pairs

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
        if _too_long(scope, self.max_url_length):
            detail = f"The URL is longer than {self.max_url_length} characters."
            await _refuse(send, 414, detail)
            return
        if query and query.count(b"&") + 1 > self.max_query_params:
            detail = f"More than {self.max_query_params} query parameters."
            await _refuse(send, 422, detail, title="Too many parameters")
            return
        if query and not _plain(query):
            # Control characters, NUL or bytes that are not UTF-8 in any parameter of any
            # endpoint: refused here, once, naming the parameter.
            try:
                check_pairs(query_pairs(query.decode("latin-1")))
            except QueryError as exc:
                await _send_problem(send, 422, invalid_parameter_body(exc.param, exc.message))
                return
        if method == "HEAD":
            await self.app({**scope, "method": "GET", "head": True}, receive, _bodiless(send))
            return
        await self.app(scope, receive, send)


def _too_long(scope: Scope, limit: int) -> bool:
    """Whether the request target (path, ``?`` and query) has more than ``limit`` characters,
    percent escapes decoded as UTF-8: the unit of the OpenAPI schema's ``maxLength`` bounds,
    so that a request the schema calls valid always fits. Decoding never lengthens text, so
    a target whose raw length fits needs no decoding."""
    path: bytes = scope.get("raw_path") or scope["path"].encode()
    query: bytes = scope["query_string"]
    if len(path) + (len(query) + 1 if query else 0) <= limit:
        return False
    text = unquote_to_bytes(path).decode("utf-8", "replace")
    if query:
        text += "?" + unquote_to_bytes(query).decode("utf-8", "replace")
    return len(text) > limit


def _plain(query: bytes) -> bool:
    """Printable ASCII with no percent escape: nothing in it can be a control character."""
    return b"%" not in query and query.isascii() and all(32 < byte < 127 for byte in query)


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
    await _send_problem(send, status, problem_body(status, detail, title=title), headers)


async def _send_problem(
    send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
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
