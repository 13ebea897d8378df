"""``/api/v1/collections`` and ``/api/v1/diagnostics``: what the site is made of."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.content.diagnostics import Severity
from api.http import schemas
from api.http.cache import Cached
from api.http.deps import ServedDep
from api.http.docs_meta import errors, links, with_links
from api.http.responses import CachedResponse
from api.http.runtime import Served

router = APIRouter(prefix="/api/v1", tags=["site"])


@router.get(
    "/collections",
    operation_id="listCollections",
    summary="List collections",
    description="Every collection with its document count, as configured in `_config.yml`.",
    response_model=schemas.CollectionList,
    responses=with_links(
        errors(),
        links(200, firstCollection=("listPages", {"collection": "$response.body#/data/0/name"})),
    ),
)
async def list_collections(request: Request, served: ServedDep) -> Any:
    return CachedResponse(collections_response(served), request)


def collections_response(served: Served) -> Cached:
    """The collection list, built once per content version (the fast path sends it too)."""

    def build() -> Cached:
        data = [
            {
                "name": c.name,
                "label": c.label,
                "count": c.count,
                "output": c.output,
                "permalink": c.permalink,
            }
            for c in served.site.snapshot.collections
        ]
        return served.store.json({"data": data})

    found = served.store.resource(("collections",), build)
    if found is None:  # never: build always makes one
        raise LookupError("no collection list")
    return found


@router.get(
    "/diagnostics",
    operation_id="listDiagnostics",
    summary="List content problems",
    description=(
        "Every problem met reading the content (invalid YAML, wrong types, broken timelines, "
        "duplicate ids...), with its file, line, severity and a stable code. Rendering "
        "problems (Liquid) appear once the page has been rendered; `content-api check` "
        "renders every page. With webhooks configured, `webhooks` reports the recent "
        "deliveries (of every worker) and those that failed."
    ),
    response_model=schemas.DiagnosticList,
    responses=errors(),
)
def list_diagnostics(request: Request, served: ServedDep) -> Any:
    found = served.site.diagnostics()
    errors_ = sum(1 for d in found if d.severity is Severity.ERROR)
    body = {
        "data": [d.as_dict() for d in found],
        "meta": {"errors": errors_, "warnings": len(found) - errors_},
    }
    deliveries = request.app.state.live.deliveries
    if deliveries is not None:
        body["webhooks"] = deliveries.report()
    return CachedResponse(served.store.json(body), request)
