from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.diagnostic_item_severity import DiagnosticItemSeverity

T = TypeVar("T", bound="DiagnosticItem")


@_attrs_define
class DiagnosticItem:
    """
    Attributes:
        source_path (str):
        line (int | None): 1-based line in the file, when known.
        severity (DiagnosticItemSeverity):
        code (str): Stable machine-readable code.
        message (str): What is wrong, for a content editor.
    """

    source_path: str
    line: int | None
    severity: DiagnosticItemSeverity
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        source_path = self.source_path

        line: int | None
        line = self.line

        severity = self.severity.value

        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source_path": source_path,
                "line": line,
                "severity": severity,
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source_path = d.pop("source_path")

        def _parse_line(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line = _parse_line(d.pop("line"))

        severity = DiagnosticItemSeverity(d.pop("severity"))

        code = d.pop("code")

        message = d.pop("message")

        diagnostic_item = cls(
            source_path=source_path,
            line=line,
            severity=severity,
            code=code,
            message=message,
        )

        return diagnostic_item
