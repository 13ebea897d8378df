from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.diagnostic_counts import DiagnosticCounts


T = TypeVar("T", bound="Ready")


@_attrs_define
class Ready:
    """
    Attributes:
        status (Literal['ready']):
        pages (int):
        content_version (str): A hash of the content being served.
        diagnostics (DiagnosticCounts):
    """

    status: Literal["ready"]
    pages: int
    content_version: str
    diagnostics: DiagnosticCounts

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        pages = self.pages

        content_version = self.content_version

        diagnostics = self.diagnostics.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "pages": pages,
                "content_version": content_version,
                "diagnostics": diagnostics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.diagnostic_counts import DiagnosticCounts

        d = dict(src_dict)
        status = cast(Literal["ready"], d.pop("status"))
        if status != "ready":
            raise ValueError(f"status must match const 'ready', got '{status}'")

        pages = d.pop("pages")

        content_version = d.pop("content_version")

        diagnostics = DiagnosticCounts.from_dict(d.pop("diagnostics"))

        ready = cls(
            status=status,
            pages=pages,
            content_version=content_version,
            diagnostics=diagnostics,
        )

        return ready
