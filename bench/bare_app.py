"""The throughput ceiling: a bare Starlette app replaying one response on the same uvicorn.

It answers every request with the exact status, headers and body the API sent for the
request measured (captured in a JSON file named by ``BARE_RESPONSE``), so a comparison
measures the framework and our layers, not the payload or the headers.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def make_app() -> Starlette:
    spec = json.loads(Path(os.environ["BARE_RESPONSE"]).read_text())
    status = int(spec["status"])
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in spec["headers"]]
    body = base64.b64decode(spec["body"])

    async def replay(request: Request) -> Response:
        response = Response(body, status_code=status)
        response.raw_headers = headers
        return response

    return Starlette(routes=[Route(spec["path"], replay)])
