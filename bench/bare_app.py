"""The throughput baseline: a bare Starlette app returning fixed bytes on the same uvicorn.

It serves, at the same path, the exact bytes and headers the API serves for one page, so
the comparison measures the framework and our layers, not the payload.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route


def make_app() -> Starlette:
    body = Path(os.environ["BARE_BODY"]).read_bytes()
    path = os.environ["BARE_PATH"]

    async def page(request: object) -> Response:
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route(path, page)])
