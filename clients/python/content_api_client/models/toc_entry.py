from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TocEntry")


@_attrs_define
class TocEntry:
    """
    Attributes:
        level (int): Heading level, 1 to 6.
        id (str): The heading's id (its anchor).
        text (str): The heading's text.
    """

    level: int
    id: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        level = self.level

        id = self.id

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "id": id,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        level = d.pop("level")

        id = d.pop("id")

        text = d.pop("text")

        toc_entry = cls(
            level=level,
            id=id,
            text=text,
        )

        return toc_entry
