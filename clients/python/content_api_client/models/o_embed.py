from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OEmbed")


@_attrs_define
class OEmbed:
    """An oEmbed 1.0 response of type ``rich``: HTML to insert, and its size.

    Attributes:
        version (Literal['1.0']):
        type_ (Literal['rich']):
        title (str): The page's title.
        provider_name (str): The site's `title` from `_config.yml`.
        html (str): The TimelineJS iframe, or a card with the title, an excerpt and a link.
        width (int): Pixels; never more than `maxwidth`.
        height (int): Pixels; never more than `maxheight`.
        provider_url (None | str | Unset): The site's home page (absent when the site has no `url`).
    """

    version: Literal["1.0"]
    type_: Literal["rich"]
    title: str
    provider_name: str
    html: str
    width: int
    height: int
    provider_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        type_ = self.type_

        title = self.title

        provider_name = self.provider_name

        html = self.html

        width = self.width

        height = self.height

        provider_url: None | str | Unset
        if isinstance(self.provider_url, Unset):
            provider_url = UNSET
        else:
            provider_url = self.provider_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "version": version,
                "type": type_,
                "title": title,
                "provider_name": provider_name,
                "html": html,
                "width": width,
                "height": height,
            }
        )
        if provider_url is not UNSET:
            field_dict["provider_url"] = provider_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        version = cast(Literal["1.0"], d.pop("version"))
        if version != "1.0":
            raise ValueError(f"version must match const '1.0', got '{version}'")

        type_ = cast(Literal["rich"], d.pop("type"))
        if type_ != "rich":
            raise ValueError(f"type must match const 'rich', got '{type_}'")

        title = d.pop("title")

        provider_name = d.pop("provider_name")

        html = d.pop("html")

        width = d.pop("width")

        height = d.pop("height")

        def _parse_provider_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_url = _parse_provider_url(d.pop("provider_url", UNSET))

        o_embed = cls(
            version=version,
            type_=type_,
            title=title,
            provider_name=provider_name,
            html=html,
            width=width,
            height=height,
            provider_url=provider_url,
        )

        return o_embed
