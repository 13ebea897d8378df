from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.list_meta import ListMeta
    from ..models.timeline_item import TimelineItem


T = TypeVar("T", bound="TimelineList")


@_attrs_define
class TimelineList:
    """
    Attributes:
        data (list[TimelineItem]):
        meta (ListMeta):
    """

    data: list[TimelineItem]
    meta: ListMeta

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
        from ..models.list_meta import ListMeta
        from ..models.timeline_item import TimelineItem

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = TimelineItem.from_dict(data_item_data)

            data.append(data_item)

        meta = ListMeta.from_dict(d.pop("meta"))

        timeline_list = cls(
            data=data,
            meta=meta,
        )

        return timeline_list
