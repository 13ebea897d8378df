"""RFC 9457 problem details: the one error shape of the API, produced in one place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

import orjson
from starlette.responses import Response

PROBLEM_TYPE = "application/problem+json"
#: Problem ``type`` URIs: stable, so clients can match on them.
TYPE_BASE = "https://content-api.dev/problems/"
NOSNIFF = (b"x-content-type-options", b"nosniff")


def problem_body(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    type_: str | None = None,
    errors: Sequence[Mapping[str, Any]] | None = None,
    instance: str | None = None,
    extensions: Mapping[str, Any] | None = None,
) -> bytes:
    phrase = _phrase(status)
    body: dict[str, Any] = {
        "type": TYPE_BASE + (type_ or phrase.lower().replace(" ", "-").replace("'", "")),
        "title": title or phrase,
        "status": status,
        "detail": detail,
    }
    if instance is not None:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = list(errors)
    if extensions:
        body.update({k: v for k, v in extensions.items() if k not in body})
    return orjson.dumps(body)


def problem(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    type_: str | None = None,
    errors: Sequence[Mapping[str, Any]] | None = None,
    instance: str | None = None,
    headers: Mapping[str, str] | None = None,
    extensions: Mapping[str, Any] | None = None,
) -> Response:
    """A problem+json response. Errors are never cached by shared caches."""
    body = problem_body(
        status,
        detail,
        title=title,
        type_=type_,
        errors=errors,
        instance=instance,
        extensions=extensions,
    )
    response = Response(body, status_code=status, media_type=PROBLEM_TYPE, headers=headers)
    response.headers["cache-control"] = "no-store"
    return response


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def invalid_parameter_body(param: str, message: str) -> bytes:
    """The 422 problem for one query parameter that cannot be honoured."""
    detail = f"Invalid query parameter `{param}`: {message}"
    errors = [validation_error(param, message)]
    return problem_body(422, detail, title=INVALID_PARAMETER, errors=errors)


INVALID_PARAMETER = "Invalid Parameter"


def validation_error(param: str, message: str, location: str = "query") -> dict[str, Any]:
    """One entry of ``errors``: where (``loc`` as in FastAPI) and what."""
    return {"loc": [location, param], "param": param, "msg": message, "type": "value_error"}
