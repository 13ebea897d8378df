"""The one way optional fields are declared in the timeline models.

An unset field is left out of the JSON (``exclude_if``) rather than sent as null: TimelineJS
has its own defaults and tests some fields for presence, so a null would not mean "unset".
The schema then drops ``null`` too, since it is never sent. Types are written ``X | None``
(not a union with a hidden None), so a bad value gives one error, not one per union arm.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field


def _is_none(value: object) -> bool:
    return value is None


def _drop_null(schema: dict[str, Any]) -> None:
    any_of = schema.get("anyOf")
    if not isinstance(any_of, list):
        return
    rest = [s for s in any_of if s != {"type": "null"}]
    if len(rest) == 1:
        del schema["anyOf"]
        schema.update(rest[0])
    else:
        schema["anyOf"] = rest


def optional(description: str, *, alias: str | None = None) -> Any:
    """``Field`` for an optional value: default None, omitted from the JSON when None."""
    return Field(
        default=None,
        alias=alias,
        description=description,
        exclude_if=_is_none,
        json_schema_extra=_drop_null,
    )
