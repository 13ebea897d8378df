"""GET requests answered by the app in this process, through every layer a client meets.

The static export asks the app for each resource exactly as an HTTP client would, so the
files hold the bytes the live API sends: no second way of building a response to drift.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import quote

from starlette.types import ASGIApp, Message

HOST = "export.invalid"


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "")


async def get(app: ASGIApp, path: str, query: str = "") -> Answer:
    """``GET path?query`` (``path`` decoded, as in an ASGI scope) with no content coding."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": quote(path).encode("ascii"),
        "query_string": query.encode("ascii"),
        "root_path": "",
        "headers": [(b"host", HOST.encode())],
        "client": ("127.0.0.1", 0),
        "server": (HOST, 80),
        "state": {},
    }
    done = asyncio.Event()
    status = 500
    headers: dict[str, str] = {}
    chunks: list[bytes] = []
    sent_request = False

    async def receive() -> Message:
        nonlocal sent_request
        if not sent_request:
            sent_request = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
            for key, value in message.get("headers", ()):
                headers[key.decode("latin-1").lower()] = value.decode("latin-1")
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                done.set()

    await app(scope, receive, send)
    done.set()
    return Answer(status, headers, b"".join(chunks))
