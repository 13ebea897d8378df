from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.diagnostic_counts import DiagnosticCounts
    from ..models.diagnostic_item import DiagnosticItem


T = TypeVar("T", bound="DiagnosticList")


@_attrs_define
class DiagnosticList:
    """
    Attributes:
        data (list[DiagnosticItem]):
        meta (DiagnosticCounts):
    """

    data: list[DiagnosticItem]
    meta: DiagnosticCounts

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
                "meta": meta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.diagnostic_counts import DiagnosticCounts
        from ..models.diagnostic_item import DiagnosticItem

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = DiagnosticItem.from_dict(data_item_data)

            data.append(data_item)

        meta = DiagnosticCounts.from_dict(d.pop("meta"))

        diagnostic_list = cls(
            data=data,
            meta=meta,
        )

        return diagnostic_list
