from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.timeline_embed import TimelineEmbed


T = TypeVar("T", bound="TimelineItem")


@_attrs_define
class TimelineItem:
    """A page's timeline in a list. Every field is present unless ``fields`` selects some.

    Attributes:
        id (str): The page's id.
        title (None | str | Unset):
        url (None | str | Unset):
        collection (None | str | Unset):
        lang (None | str | Unset): The page's language: its `lang` (front matter or defaults), else its language folder
            (`en/`, `pt-br/`), else the site's `lang`; null when none says.
        timeline (None | TimelineEmbed | Unset):
        lang_fallback (bool | None | Unset): With lang_fallback=true: true when the page stands in for one missing in
            the first language asked for.
    """

    id: str
    title: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    collection: None | str | Unset = UNSET
    lang: None | str | Unset = UNSET
    timeline: None | TimelineEmbed | Unset = UNSET
    lang_fallback: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.timeline_embed import TimelineEmbed

        id = self.id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        collection: None | str | Unset
        if isinstance(self.collection, Unset):
            collection = UNSET
        else:
            collection = self.collection

        lang: None | str | Unset
        if isinstance(self.lang, Unset):
            lang = UNSET
        else:
            lang = self.lang

        timeline: dict[str, Any] | None | Unset
        if isinstance(self.timeline, Unset):
            timeline = UNSET
        elif isinstance(self.timeline, TimelineEmbed):
            timeline = self.timeline.to_dict()
        else:
            timeline = self.timeline

        lang_fallback: bool | None | Unset
        if isinstance(self.lang_fallback, Unset):
            lang_fallback = UNSET
        else:
            lang_fallback = self.lang_fallback

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if url is not UNSET:
            field_dict["url"] = url
        if collection is not UNSET:
            field_dict["collection"] = collection
        if lang is not UNSET:
            field_dict["lang"] = lang
        if timeline is not UNSET:
            field_dict["timeline"] = timeline
        if lang_fallback is not UNSET:
            field_dict["lang_fallback"] = lang_fallback

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.timeline_embed import TimelineEmbed

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_collection(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        collection = _parse_collection(d.pop("collection", UNSET))

        def _parse_lang(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lang = _parse_lang(d.pop("lang", UNSET))

        def _parse_timeline(data: object) -> None | TimelineEmbed | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                timeline_type_0 = TimelineEmbed.from_dict(data)

                return timeline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimelineEmbed | Unset, data)

        timeline = _parse_timeline(d.pop("timeline", UNSET))

        def _parse_lang_fallback(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        lang_fallback = _parse_lang_fallback(d.pop("lang_fallback", UNSET))

        timeline_item = cls(
            id=id,
            title=title,
            url=url,
            collection=collection,
            lang=lang,
            timeline=timeline,
            lang_fallback=lang_fallback,
        )

        return timeline_item
