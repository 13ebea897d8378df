"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.http import schemas
from api.http.deps import ServedDep
from api.http.docs_meta import errors

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    operation_id="getHealth",
    summary="Liveness",
    description="200 while the process is up, even before the content is loaded.",
    response_model=schemas.Health,
    # Answered whether or not the content is loaded; the URL limit and the parameter
    # checks still come first.
    responses=errors(422, conditional=False, loading=False),
)
def healthz() -> Any:
    return {"status": "ok"}


@router.get(
    "/readyz",
    operation_id="getReadiness",
    summary="Readiness",
    description="503 until the content is loaded; then the page count, the content version "
    "(a hash of the content, equal on every replica serving it) and the diagnostic counts.",
    response_model=schemas.Ready,
    responses=errors(422, conditional=False),
)
def readyz(served: ServedDep) -> Any:
    errors, warnings = served.site.load_counts()
    return {
        "status": "ready",
        "pages": len(served.site.snapshot.documents),
        "content_version": served.site.version,
        "diagnostics": {"errors": errors, "warnings": warnings},
    }
