from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Translation")


@_attrs_define
class Translation:
    """The same page in another language.

    Attributes:
        lang (str): Its language, as the site spells it.
        id (str): Its page id.
        url (str): Its URL on the site.
    """

    lang: str
    id: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        lang = self.lang

        id = self.id

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lang": lang,
                "id": id,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        lang = d.pop("lang")

        id = d.pop("id")

        url = d.pop("url")

        translation = cls(
            lang=lang,
            id=id,
            url=url,
        )

        return translation
