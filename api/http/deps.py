"""Dependencies shared by the routes, as ``Annotated`` aliases so signatures stay short.

They are ``async``: FastAPI runs a plain ``def`` dependency in the thread pool, a hop that
costs more than the lookup itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.http.errors import NotReady
from api.http.runtime import Runtime, Served


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_served(request: Request) -> Served:
    runtime: Runtime = request.app.state.runtime
    served = runtime.served
    if served is None:
        raise NotReady()
    return served


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
ServedDep = Annotated[Served, Depends(get_served)]
