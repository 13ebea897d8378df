from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.source_kind import SourceKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimelineSource")


@_attrs_define
class TimelineSource:
    """
    Attributes:
        kind (SourceKind):
        key (None | str | Unset): The sheet ID or 2PACX key, or null.
        url (None | str | Unset): The data URL, for csv-url, json-url and local; else null.
        sheet_url (None | str | Unset): A link a person can open to see the sheet, or null.
    """

    kind: SourceKind
    key: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    sheet_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        sheet_url: None | str | Unset
        if isinstance(self.sheet_url, Unset):
            sheet_url = UNSET
        else:
            sheet_url = self.sheet_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
            }
        )
        if key is not UNSET:
            field_dict["key"] = key
        if url is not UNSET:
            field_dict["url"] = url
        if sheet_url is not UNSET:
            field_dict["sheet_url"] = sheet_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = SourceKind(d.pop("kind"))

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_sheet_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sheet_url = _parse_sheet_url(d.pop("sheet_url", UNSET))

        timeline_source = cls(
            kind=kind,
            key=key,
            url=url,
            sheet_url=sheet_url,
        )

        timeline_source.additional_properties = d
        return timeline_source

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
