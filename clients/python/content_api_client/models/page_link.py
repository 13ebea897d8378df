from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PageLink")


@_attrs_define
class PageLink:
    """
    Attributes:
        id (str):
        title (None | str):
        url (str):
    """

    id: str
    title: None | str
    url: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title: None | str
        title = self.title

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        url = d.pop("url")

        page_link = cls(
            id=id,
            title=title,
            url=url,
        )

        return page_link
