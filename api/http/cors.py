"""The CORS policy, decided once: what the middleware enforces and the fast path replays.

The full stack runs Starlette's CORS middleware (``guard.Cors``). Cached responses are
answered before it, so the fast path adds the very headers that middleware would add,
computed once per origin (the allow-list is fixed for the life of the server), and answers
preflights with the middleware's own preflight logic, without routing or middleware.
Tests compare both paths byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import Headers

from api.http.problems import NOSNIFF

RawHeaders = tuple[tuple[bytes, bytes], ...]
Answer = tuple[int, list[tuple[bytes, bytes]], bytes]

METHODS = ("GET", "HEAD")
EXPOSED = ("ETag", "Link", "X-Total-Count")
MAX_AGE = 86400
#: Distinct origins (and preflight header sets) remembered; past this they are computed
#: every time, so a client cycling through origins cannot grow memory.
MAX_REMEMBERED = 1024


@dataclass(slots=True)
class CorsPolicy:
    """Who may call the API from a browser, and the headers that say so."""

    origins: tuple[str, ...]
    _simple: dict[str, RawHeaders] = field(default_factory=dict)
    _preflights: dict[tuple[str | None, ...], Answer] = field(default_factory=dict)
    _middleware: Any = None

    @property
    def allow_all(self) -> bool:
        return "*" in self.origins

    def middleware_options(self) -> dict[str, Any]:
        """Keyword arguments of ``guard.Cors``: the one statement of the policy."""
        return {
            "allow_origins": list(self.origins),
            "allow_methods": list(METHODS),
            "allow_headers": ["*"],
            "expose_headers": list(EXPOSED),
            "max_age": MAX_AGE,
        }

    def simple_headers(self, origin: str) -> RawHeaders:
        """What the middleware appends to a response whose ``Vary`` names ``Origin`` already
        (every cached response's does) for a request with this ``Origin``."""
        found = self._simple.get(origin)
        if found is None:
            found = self._simple_for(origin)
            if len(self._simple) < MAX_REMEMBERED:
                self._simple[origin] = found
        return found

    def _simple_for(self, origin: str) -> RawHeaders:
        # Starlette's order: its simple headers (allow-origin when all are allowed, then
        # the exposed headers), then the origin itself when it is on an explicit list.
        exposed = (b"access-control-expose-headers", ", ".join(EXPOSED).encode("latin-1"))
        if self.allow_all:
            return ((b"access-control-allow-origin", b"*"), exposed)
        if origin in self.origins:
            return (exposed, (b"access-control-allow-origin", origin.encode("latin-1")))
        return (exposed,)

    def preflight(self, headers: Sequence[tuple[bytes, bytes]]) -> Answer:
        """The answer to a preflight (``OPTIONS`` with ``Origin`` and
        ``Access-Control-Request-Method``), as the full stack gives it."""
        request = Headers(raw=list(headers))
        key = (
            request.get("origin"),
            request.get("access-control-request-method"),
            request.get("access-control-request-headers"),
            request.get("access-control-request-private-network"),
        )
        found = self._preflights.get(key)
        if found is None:
            response = self._cors().preflight_response(request)
            raw = list(response.raw_headers)
            if not any(name == NOSNIFF[0] for name, _ in raw):
                raw.append(NOSNIFF)  # as the Guard adds it on the full stack
            found = (response.status_code, raw, bytes(response.body))
            if len(self._preflights) < MAX_REMEMBERED:
                self._preflights[key] = found
        return found

    def _cors(self) -> Any:
        if self._middleware is None:
            from api.http.guard import Cors

            self._middleware = Cors(_unused, **self.middleware_options())
        return self._middleware


async def _unused(scope: Any, receive: Any, send: Any) -> None:  # pragma: no cover
    raise RuntimeError("the preflight policy is never called as an app")
