"""Cached page resources served before the middleware stack and routing.

``GET /api/v1/pages/{id}`` (and ``/html``, ``/timeline``, ``/timeline/data``) is the
hottest path of a content API. Once a resource's bytes exist, sending them needs one dict
lookup, not middleware, routing, dependency injection or validation. Anything else (a
query string, an ``Origin`` header that needs CORS, HEAD, a resource not built yet) takes
the full stack, whose routes answer from the very same cache: both paths send the same
bytes.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from api.http.responses import request_headers, send_cached
from api.http.runtime import Runtime

PREFIX = "/api/v1/pages/"


class ContentAPI(FastAPI):
    """FastAPI, plus the fast path for page resources that are already serialized."""

    def __init__(self, *, runtime: Runtime, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.runtime = runtime

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and not scope["query_string"]:
            path: str = scope["path"]
            served = self.runtime.served
            if served is not None and path.startswith(PREFIX):
                cached = served.store.by_path.get(path[len(PREFIX) :])
                if cached is not None:
                    accept, if_none_match, origin = request_headers(scope)
                    if not origin:
                        await send_cached(cached, send, accept, if_none_match)
                        return
        await super().__call__(scope, receive, send)
