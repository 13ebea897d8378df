"""Preview requests: ``Authorization: Bearer <token>`` sees unpublished, future and draft
pages, on every endpoint, and nothing of it reaches a shared cache.

The gate runs before routing (inside the Guard and CORS, so a refusal still carries CORS
headers and a browser can read it):

- a token in the query string (``access_token=``, ``token=``...) is refused with a 400
  problem, whatever it holds: URLs end up in logs, histories and ``Referer`` headers;
- a bearer token is checked (``api.preview.tokens``): a valid one marks the request as a
  preview (``is_preview``), which ``deps.get_served`` turns into the preview view; a wrong
  or expired one, or any bearer token when no tokens are configured, is a 401 problem with
  ``WWW-Authenticate: Bearer`` and an RFC 6750 ``error``;
- every response to a preview request says ``Cache-Control: private, no-store`` and
  ``Vary: Authorization``. (Public responses name ``Authorization`` in ``Vary`` too.)

Other schemes (``Basic`` from a proxy in front, say) are not ours: the request is public.
A token is never logged, echoed or kept beyond the check.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.problems import NOSNIFF, PROBLEM_TYPE, problem_body
from api.preview.source import TokenSource
from api.preview.tokens import Verdict

#: The scope key that marks a request whose bearer token was accepted.
PREVIEW = "content_api.preview"
PRIVATE = b"private, no-store"
REALM = 'Bearer realm="content-api"'
#: Query parameters that carry a token somewhere (compared lowercased, before any ``[``).
TOKEN_PARAMS = frozenset(
    {
        "access_token",
        "token",
        "preview_token",
        "preview",
        "bearer",
        "bearer_token",
        "auth",
        "auth_token",
        "authorization",
        "id_token",
    }
)
_TOKEN_HINTS = (b"token", b"bearer", b"auth", b"preview")

_OFF = (
    "Preview is not enabled on this server: no preview tokens are configured "
    "(CONTENT_API_PREVIEW_TOKENS or CONTENT_API_PREVIEW_TOKENS_FILE). Send the request "
    "without an Authorization header to get the published content."
)
_INVALID = (
    "The preview token is not valid. Send a configured token as `Authorization: Bearer <token>`."
)
_EXPIRED = "The preview token has expired; ask for a new one."
_TWICE = "More than one Authorization header: send one `Authorization: Bearer <token>`."


def is_preview(scope: Scope) -> bool:
    return bool(scope.get(PREVIEW))


def needs_stack(scope: Scope) -> bool:
    """Whether the fast path must leave this request to the full stack (and the gate): it
    has an ``Authorization`` header, or its query string may carry a token."""
    for name, _ in scope["headers"]:
        if name == b"authorization":
            return True
    query: bytes = scope["query_string"]
    if query:
        lowered = query.lower()
        return any(hint in lowered for hint in _TOKEN_HINTS)
    return False


def token_param(query: bytes) -> str | None:
    """The first query parameter that names a token, if any."""
    for name, _ in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        if name.split("[", 1)[0].strip().lower() in TOKEN_PARAMS:
            return name
    return None


class PreviewGate:
    def __init__(self, app: ASGIApp, *, tokens: TokenSource) -> None:
        self.app = app
        self.tokens = tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query: bytes = scope["query_string"]
        if query:
            name = token_param(query)
            if name is not None:
                detail = (
                    f"The query parameter `{name}` looks like a token, and tokens are never "
                    "accepted in URLs (URLs end up in logs, browser histories and Referer "
                    "headers). Send a preview token as `Authorization: Bearer <token>`, and "
                    f"remove `{name}` from the URL."
                )
                await _refuse(send, 400, detail, "Token In URL", "token-in-url")
                return
        found = [value for name, value in scope["headers"] if name == b"authorization"]
        if not found:
            await self.app(scope, receive, send)
            return
        if len(found) > 1:
            await _refuse(send, 400, _TWICE, None, "bad-request", _challenge("invalid_request"))
            return
        scheme, _, credentials = found[0].decode("latin-1").strip().partition(" ")
        if scheme.lower() != "bearer":
            await self.app(scope, receive, send)  # not ours: a proxy's Basic, say
            return
        if not self.tokens.enabled:
            await _refuse(
                send,
                401,
                _OFF,
                "Preview Off",
                "preview-off",
                _challenge("invalid_token", "preview is not enabled"),
            )
            return
        verdict = self.tokens.current.check(credentials.strip())
        if verdict is Verdict.EXPIRED:
            await _refuse(
                send,
                401,
                _EXPIRED,
                "Token Expired",
                "token-expired",
                _challenge("invalid_token", "the token has expired"),
            )
            return
        if verdict is not Verdict.VALID:
            await _refuse(
                send,
                401,
                _INVALID,
                "Invalid Token",
                "invalid-token",
                _challenge("invalid_token", "the token is not valid"),
            )
            return
        scope = {**scope, PREVIEW: True}
        await self.app(scope, receive, _private(send))


def _challenge(error: str, description: str | None = None) -> tuple[bytes, bytes]:
    value = f'{REALM}, error="{error}"'
    if description:
        value += f', error_description="{description}"'
    return b"www-authenticate", value.encode("latin-1")


def _private(send: Send) -> Send:
    """Every response of a preview request: private, never stored, varying on the token."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [
                (k, v)
                for k, v in message.get("headers", ())
                if k not in (b"cache-control", b"vary")
            ]
            vary = [v for k, v in message.get("headers", ()) if k == b"vary"]
            names = [n.strip() for v in vary for n in v.split(b",") if n.strip()]
            if not any(n.lower() == b"authorization" for n in names):
                names.append(b"Authorization")
            headers += [(b"cache-control", PRIVATE), (b"vary", b", ".join(names))]
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


async def _refuse(
    send: Send,
    status: int,
    detail: str,
    title: str | None,
    type_: str,
    *headers: tuple[bytes, bytes],
) -> None:
    body = problem_body(status, detail, title=title, type_=type_)
    raw = [
        (b"content-type", PROBLEM_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"vary", b"Authorization"),
        NOSNIFF,
        *headers,
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "A preview token (CONTENT_API_PREVIEW_TOKENS): optional. With it, every "
    "operation answers as `--unpublished --future --drafts` would, with `Cache-Control: "
    "private, no-store`. Never in the URL: a token in the query string is a 400.",
}
_UNAUTHORIZED = {
    "description": "Unauthorized: the preview token is wrong or expired, or preview is off "
    "(`WWW-Authenticate: Bearer` says which).",
    "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
}
_TOKEN_IN_URL = {
    "description": "Bad Request: a token in the query string (or two Authorization headers).",
    "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
}


def declare_security(app: FastAPI) -> None:
    """Declare the optional bearer scheme on every operation of ``app``'s OpenAPI schema:
    ``security: [{}, {previewToken: []}]``, and its 400 and 401 problems."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        schema.setdefault("components", {}).setdefault("securitySchemes", {})["previewToken"] = (
            _SCHEME
        )
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                operation["security"] = [{}, {"previewToken": []}]
                responses = operation.setdefault("responses", {})
                responses.setdefault("400", _TOKEN_IN_URL)
                responses.setdefault("401", _UNAUTHORIZED)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
