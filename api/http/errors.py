"""Exceptions the routes raise, and the single place that turns every error into a problem."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from api.http.problems import PROBLEM_TYPE, invalid_parameter_body, problem
from api.query import QueryError

log = logging.getLogger("content_api")


class NotFound(Exception):
    def __init__(self, detail: str) -> None:
        self.detail = detail


class NotReady(Exception):
    pass


class Unavailable(Exception):
    """A feature this server cannot offer as installed (a 503 that says what to do)."""

    def __init__(self, detail: str, title: str, type_: str) -> None:
        self.detail, self.title, self.type_ = detail, title, type_


class Gone(Exception):
    """A resource that existed and is no longer kept (a change-feed version too old)."""

    def __init__(self, detail: str, title: str, type_: str, **extensions: Any) -> None:
        self.detail, self.title, self.type_, self.extensions = detail, title, type_, extensions


def _loc(loc: tuple[Any, ...]) -> list[str | int]:
    return [part if isinstance(part, int) else str(part) for part in loc]


def install(app: FastAPI) -> None:
    """Register the handlers: 4xx and 5xx alike become application/problem+json."""

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return problem(404, exc.detail)

    @app.exception_handler(NotReady)
    async def not_ready(request: Request, exc: NotReady) -> Response:
        detail = "The content is still loading; try again in a moment."
        return problem(503, detail, title="Not Ready", headers={"retry-after": "1"})

    @app.exception_handler(Unavailable)
    async def unavailable(request: Request, exc: Unavailable) -> Response:
        return problem(503, exc.detail, title=exc.title, type_=exc.type_)

    @app.exception_handler(Gone)
    async def gone(request: Request, exc: Gone) -> Response:
        return problem(410, exc.detail, title=exc.title, type_=exc.type_, extensions=exc.extensions)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        body = invalid_parameter_body(exc.param, exc.message)
        return Response(body, 422, {"cache-control": "no-store"}, media_type=PROBLEM_TYPE)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = []
        for error in exc.errors():
            loc = _loc(tuple(error.get("loc", ())))
            param = str(loc[-1]) if loc else None
            errors.append(
                {
                    "loc": loc,
                    "param": param,
                    "msg": error.get("msg", "invalid"),
                    "type": error.get("type", "value_error"),
                }
            )
        names = ", ".join(f"`{e['param']}`" for e in errors if e["param"]) or "the request"
        return problem(422, f"Invalid value for {names}.", title="Invalid Parameter", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        if exc.status_code == 404:
            detail = f"Nothing is served at {request.url.path}."
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed here."
            headers = {k: v for k, v in headers.items() if k.lower() != "allow"}
            headers["allow"] = "GET, HEAD"  # one header, whatever the router's spelling
        else:
            detail = str(exc.detail)
        return problem(exc.status_code, detail, headers=headers)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(500, "The server failed to answer; the error has been logged.")
