from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PageRef")


@_attrs_define
class PageRef:
    """A page that one refers to, or that refers to one (expanded with ``expand``).

    Attributes:
        id (str):
        collection (None | str):
        title (None | str):
        url (str):
    """

    id: str
    collection: None | str
    title: None | str
    url: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        collection: None | str
        collection = self.collection

        title: None | str
        title = self.title

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "collection": collection,
                "title": title,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_collection(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        collection = _parse_collection(d.pop("collection"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        url = d.pop("url")

        page_ref = cls(
            id=id,
            collection=collection,
            title=title,
            url=url,
        )

        return page_ref
