from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Found")


@_attrs_define
class Found:
    """Where ``find`` leads: the body of its redirects (``Location`` says it too).

    Attributes:
        location (str): Where the redirect points: the page's API resource, or the address elsewhere that a
            `redirect_to` leads to.
        id (None | str): The page's id; null when the URL leads off this API.
        url (None | str): The page's URL on the site; null when the URL leads off this API.
        moved (bool): True (a 301) when the URL asked for is an old one: a `redirect_from`, or a page with
            `redirect_to`.
    """

    location: str
    id: None | str
    url: None | str
    moved: bool

    def to_dict(self) -> dict[str, Any]:
        location = self.location

        id: None | str
        id = self.id

        url: None | str
        url = self.url

        moved = self.moved

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "location": location,
                "id": id,
                "url": url,
                "moved": moved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        location = d.pop("location")

        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        moved = d.pop("moved")

        found = cls(
            location=location,
            id=id,
            url=url,
            moved=moved,
        )

        return found
