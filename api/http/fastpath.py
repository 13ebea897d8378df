"""Page resources served straight from the response cache, ahead of routing.

``GET /api/v1/pages/{id}`` (and ``/html``, ``/timeline``, ``/timeline/data``) without a query
string is the hottest path of a content API. Once a page's bytes exist, sending them needs a
dict lookup, not routing, dependency injection or validation. Anything unusual (a query
string, an unknown id, the first request for a page) goes on to the FastAPI routes, which
answer from the very same cache, so both paths send identical bytes.
"""

from __future__ import annotations

from collections.abc import Callable

import anyio.to_thread
from starlette.types import ASGIApp, Receive, Scope, Send

from api.http.cache import Cached
from api.http.responses import send_cached
from api.http.runtime import Runtime
from api.http.store import Store

PREFIX = "/api/v1/pages/"
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("/timeline/data", "timeline-data"),
    ("/timeline", "timeline"),
    ("/html", "html"),
)


def resolve(store: Store, rest: str) -> tuple[str, str] | None:
    """Which resource ``/api/v1/pages/<rest>`` names: (kind, page id), or None.

    An id may contain ``/`` and even end in ``/html``: a whole-path id wins over a suffix.
    """
    site = store.site
    if site.get(rest) is not None:
        return "page", rest
    for suffix, kind in _SUFFIXES:
        if rest.endswith(suffix):
            doc_id = rest[: -len(suffix)]
            if site.get(doc_id) is not None:
                return kind, doc_id
    return None


def builder(
    store: Store, kind: str, doc_id: str, sanitize: bool = False
) -> Callable[[], Cached | None]:
    if kind == "page":
        return lambda: store.page(doc_id, sanitize)
    if kind == "html":
        return lambda: store.html(doc_id, sanitize)
    if kind == "timeline":
        return lambda: store.timeline(doc_id)
    return lambda: store.timeline_data(doc_id)


def cache_key(
    kind: str, doc_id: str, sanitize: bool = False
) -> tuple[str, ...] | tuple[str, str, bool]:
    if kind in ("page", "html"):
        return (kind, doc_id, sanitize)
    return (kind, doc_id)


class FastPath:
    def __init__(self, app: ASGIApp, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["query_string"]:
            path: str = scope["path"]
            served = self.runtime.served
            if served is not None and path.startswith(PREFIX):
                store = served.store
                target = resolve(store, path[len(PREFIX) :])
                if target is not None:
                    kind, doc_id = target
                    cached = store.peek(cache_key(kind, doc_id))
                    if cached is None:
                        # First request for this page: rendering may take a while, so it
                        # runs off the event loop.
                        cached = await anyio.to_thread.run_sync(builder(store, kind, doc_id))
                    if cached is not None:
                        await send_cached(cached, scope, send)
                        return
        await self.app(scope, receive, send)
