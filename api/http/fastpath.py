"""Cached and cheap resources served before the middleware stack and routing.

Page resources (``/api/v1/pages/{id}``, ``/html``, ``/timeline``, ``/timeline/data``) are the
hottest path of a content API: once their bytes exist, sending them needs one dict lookup,
not middleware, routing, dependency injection or validation. Lists and search are answered
here too, computed on the event loop when that is quick (no rendering, search index ready).
Anything else (an ``Origin`` header that needs CORS, HEAD, a bad parameter, a resource not
built yet, slow work) takes the full stack, whose routes use the same code and cache: both
paths send the same bytes.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from api.http import detail, listing
from api.http.preview import needs_stack
from api.http.responses import request_headers, send_cached
from api.http.runtime import Runtime
from api.query import QueryError

PREFIX = "/api/v1/pages/"
LISTS = {"/api/v1/pages": "pages", "/api/v1/timelines": "timelines", "/api/v1/search": "search"}


class ContentAPI(FastAPI):
    """FastAPI, plus the fast path for resources that need no framework."""

    def __init__(self, *, runtime: Runtime, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.runtime = runtime

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A preview token (or what may be one in the query) is for the full stack's gate.
        if scope["type"] == "http" and scope["method"] == "GET" and not needs_stack(scope):
            served = self.runtime.served
            if served is not None:
                path: str = scope["path"]
                query = scope["query_string"]
                cached = None
                if not query and path.startswith(PREFIX):
                    cached = served.store.by_path.get(path[len(PREFIX) :])
                elif path.startswith(PREFIX) and self._within_limits(query):
                    cached = _page_with_query(served, path[len(PREFIX) :], query)
                elif path in LISTS and self._within_limits(query):
                    try:
                        cached = listing.respond(
                            served, LISTS[path], path, query.decode("latin-1"), inline=True
                        )
                    except (QueryError, listing.WouldBlock):
                        cached = None  # the route answers: a 422 problem, or in a thread
                if cached is not None:
                    accept, if_none_match, origin = request_headers(scope)
                    if not origin:
                        await send_cached(cached, send, accept, if_none_match)
                        return
        await super().__call__(scope, receive, send)

    def _within_limits(self, query: bytes) -> bool:
        # The same limits the Guard applies on the full stack.
        settings = self.runtime.settings
        return (
            len(query) < settings.max_url_length and query.count(b"&") < settings.max_query_params
        )


def _page_with_query(served: Any, page_id: str, query: bytes) -> Any:
    """A page detail with ``expand``/``sort``: cached bytes, or built here when that needs
    no rendering; None leaves it to the route (a 422 problem, ``sanitize``, rendering)."""
    try:
        return detail.respond(served, page_id, query.decode("latin-1"), inline=True)
    except (QueryError, listing.WouldBlock):
        return None
