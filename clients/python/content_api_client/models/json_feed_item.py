from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonFeedItem")


@_attrs_define
class JsonFeedItem:
    """
    Attributes:
        id (str): The page's absolute URL.
        url (str): The page's absolute URL.
        title (str):
        content_html (str): The body, rendered as Jekyll renders it.
        date_published (datetime.datetime):
        summary (None | str | Unset): The front-matter description.
        tags (list[str] | None | Unset): Front-matter categories and tags.
    """

    id: str
    url: str
    title: str
    content_html: str
    date_published: datetime.datetime
    summary: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        title = self.title

        content_html = self.content_html

        date_published = self.date_published.isoformat()

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "url": url,
                "title": title,
                "content_html": content_html,
                "date_published": date_published,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        title = d.pop("title")

        content_html = d.pop("content_html")

        date_published = datetime.datetime.fromisoformat(d.pop("date_published"))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        json_feed_item = cls(
            id=id,
            url=url,
            title=title,
            content_html=content_html,
            date_published=date_published,
            summary=summary,
            tags=tags,
        )

        return json_feed_item
