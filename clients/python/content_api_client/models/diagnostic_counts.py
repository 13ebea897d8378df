from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DiagnosticCounts")


@_attrs_define
class DiagnosticCounts:
    """
    Attributes:
        errors (int):
        warnings (int):
    """

    errors: int
    warnings: int

    def to_dict(self) -> dict[str, Any]:
        errors = self.errors

        warnings = self.warnings

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "errors": errors,
                "warnings": warnings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errors = d.pop("errors")

        warnings = d.pop("warnings")

        diagnostic_counts = cls(
            errors=errors,
            warnings=warnings,
        )

        return diagnostic_counts
