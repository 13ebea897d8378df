"""The app factory. Nothing is built at import time: the CLI and the tests call this."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import __version__
from api.earlyload import EarlyLoad
from api.http import errors, openapi
from api.http.accesslog import AccessLog
from api.http.cors import CorsPolicy
from api.http.fastpath import ContentAPI
from api.http.guard import Cors, Guard
from api.http.live import Live
from api.http.preview import PreviewGate, declare_security
from api.http.routes import (
    changes,
    collections,
    docs,
    embed,
    feeds,
    find,
    health,
    oembed,
    pages,
    redirects,
    search,
    timelines,
)
from api.http.runtime import Runtime
from api.preview.source import TokenSource
from api.settings import Settings

DESCRIPTION = """\
Jekyll-style markdown content (front matter, collections, permalinks) served as typed JSON:
page metadata, HTML rendered as Jekyll renders it, and TimelineJS embeds that work.

Every error is an RFC 9457 `application/problem+json` body. Every successful GET carries a
strong `ETag` derived from the content: send it back in `If-None-Match` to get a 304.
"""

TAGS = [
    {"name": "pages", "description": "Pages: metadata, HTML and neighbours."},
    {"name": "timelines", "description": "TimelineJS embeds and their data."},
    {"name": "search", "description": "Full-text search."},
    {"name": "site", "description": "Collections and content diagnostics."},
    {"name": "embeds", "description": "oEmbed: other sites embed pages and timelines."},
    {"name": "feeds", "description": "JSON Feed, Atom and the sitemap of the frontend site."},
    {"name": "changes", "description": "What changed between content versions, and events."},
    {"name": "health", "description": "Liveness and readiness."},
]


def create_app(
    settings: Settings | None = None, *, start: bool = True, early: EarlyLoad | None = None
) -> FastAPI:
    """Build the API for ``settings``. With ``start`` the content loads when the app starts
    (or is taken over from ``early``, a first load already under way)."""
    settings = settings or Settings()
    embeds = embed.EmbedState(settings)
    secret = settings.preview_tokens
    tokens = TokenSource(
        secret.get_secret_value() if secret else None, settings.preview_tokens_file
    )
    runtime = Runtime(settings, hosted_embeds=embeds.available, preview=tokens.enabled, early=early)
    live = Live(settings, runtime)
    cors = CorsPolicy(settings.cors_origins)
    access_log = AccessLog(settings.log_format) if settings.logs_requests else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if start:
            embeds.announce()
            tokens.start()
            live.start()
            runtime.start()
        try:
            yield
        finally:
            live.stop()
            runtime.stop()
            tokens.stop()
            if access_log is not None:
                access_log.flush()

    app = ContentAPI(
        runtime=runtime,
        cors=cors,
        access_log=access_log,
        title="Content API",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        separate_input_output_schemas=False,
        # Served by routes/docs.py from this server: FastAPI's pages load a CDN.
        docs_url=None,
        redoc_url=None,
    )
    app.state.runtime = runtime
    app.state.settings = settings
    app.state.embeds = embeds
    app.state.live = live
    app.state.tokens = tokens
    errors.install(app)
    routers = (
        pages,
        timelines,
        search,
        find,
        redirects,
        collections,
        changes,
        oembed,
        embed,
        feeds,
        health,
        docs,
    )
    for module in routers:
        app.include_router(module.router)
    declare_security(app)
    openapi.install(app, public_url=settings.public_url)  # last: it finishes the document

    # Added innermost first. Requests meet: Guard (refuse bad requests, add the headers
    # every response has), CORS, then the preview gate (tokens). Cached resources skip all
    # of it (fastpath) unless they carry a token, and get the same CORS headers from the
    # same policy.
    app.add_middleware(PreviewGate, tokens=tokens)
    app.add_middleware(Cors, **cors.middleware_options())
    app.add_middleware(
        Guard,
        max_url_length=settings.max_url_length,
        max_query_params=settings.max_query_params,
    )
    return app


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory`` and worker processes: settings from ``CONTENT_API_*``
    (the receive deadlines of this process's connections too)."""
    from api.http.protocol import configure

    settings = Settings()
    configure(settings.header_timeout, settings.body_timeout)
    return create_app(settings)
