"""Dependencies shared by the routes, as ``Annotated`` aliases so signatures stay short.

They are ``async``: FastAPI runs a plain ``def`` dependency in the thread pool, a hop that
costs more than the lookup itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from api.http.errors import NotReady
from api.http.preview import is_preview
from api.http.runtime import Runtime, Served


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_served(request: Request) -> Served:
    """The content this request sees: the public view, or the preview view for a request
    whose preview token was accepted (``api.http.preview``)."""
    runtime: Runtime = request.app.state.runtime
    served = runtime.served
    if served is None:
        raise NotReady()
    if is_preview(request.scope) and served.preview is not None:
        slot = served.preview
        built = slot.built
        # The first preview of a version builds its site: not on the event loop.
        return built if built is not None else await run_in_threadpool(slot.get)
    return served


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
ServedDep = Annotated[Served, Depends(get_served)]
