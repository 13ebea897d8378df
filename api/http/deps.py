"""Dependencies shared by the routes, as ``Annotated`` aliases so signatures stay short."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.http.errors import NotReady
from api.http.runtime import Runtime, Served


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_served(request: Request) -> Served:
    served = get_runtime(request).served
    if served is None:
        raise NotReady()
    return served


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
ServedDep = Annotated[Served, Depends(get_served)]
