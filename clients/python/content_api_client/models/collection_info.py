from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CollectionInfo")


@_attrs_define
class CollectionInfo:
    """
    Attributes:
        name (str): The collection's label, as in `_config.yml`.
        label (str): A human-readable name.
        count (int): Documents served.
        output (bool): Whether Jekyll writes the collection's pages.
        permalink (str): The permalink template.
    """

    name: str
    label: str
    count: int
    output: bool
    permalink: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        count = self.count

        output = self.output

        permalink = self.permalink

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "label": label,
                "count": count,
                "output": output,
                "permalink": permalink,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        count = d.pop("count")

        output = d.pop("output")

        permalink = d.pop("permalink")

        collection_info = cls(
            name=name,
            label=label,
            count=count,
            output=output,
            permalink=permalink,
        )

        return collection_info
