"""OpenAPI pieces shared by routes: error responses and the ``filter`` parameter."""

from __future__ import annotations

from typing import Any

from api.http.problems import PROBLEM_TYPE
from api.http.schemas import Problem

_DESCRIPTIONS = {
    304: "Not Modified: the `If-None-Match` ETag still matches.",
    404: "Not Found: no such page, or the page has no such resource.",
    422: "Invalid Parameter: a query parameter is malformed or out of range (see `errors`).",
    501: "Not Implemented: the requested format is not offered.",
    503: "Not Ready: the content is still loading.",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The documented error responses of a route (problem+json bodies)."""
    found: dict[int | str, dict[str, Any]] = {}
    for status in (*statuses, 503):
        found[status] = {
            "description": _DESCRIPTIONS[status],
            "model": Problem,
            "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    found[304] = {"description": _DESCRIPTIONS[304]}
    return found


FILTER_PARAMETER: dict[str, Any] = {
    "name": "filter",
    "in": "query",
    "style": "deepObject",
    "explode": True,
    "required": False,
    "description": (
        "Filters on any field, dotted for nested front matter: `filter[country]=Kenya,Uganda` "
        "(any of), or `filter[FIELD][op]=value` with op one of eq, ne, gt, gte, lt, lte, "
        "contains, exists. Values are typed against the data (numbers, booleans, dates)."
    ),
    "schema": {
        "type": "object",
        "additionalProperties": {"type": "string"},
        "example": {"collection": "about-the-icc"},
    },
}
