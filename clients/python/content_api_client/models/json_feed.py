from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_feed_author import JsonFeedAuthor
    from ..models.json_feed_item import JsonFeedItem


T = TypeVar("T", bound="JsonFeed")


@_attrs_define
class JsonFeed:
    """A JSON Feed 1.1 of the newest dated pages.

    Attributes:
        version (Literal['https://jsonfeed.org/version/1.1']):
        title (str): The site's `title`.
        home_page_url (str): The site's `url` and `baseurl`.
        authors (list[JsonFeedAuthor]):
        items (list[JsonFeedItem]):
        feed_url (None | str | Unset): With `CONTENT_API_PUBLIC_URL` set.
        description (None | str | Unset): The site's `description`.
    """

    version: Literal["https://jsonfeed.org/version/1.1"]
    title: str
    home_page_url: str
    authors: list[JsonFeedAuthor]
    items: list[JsonFeedItem]
    feed_url: None | str | Unset = UNSET
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        title = self.title

        home_page_url = self.home_page_url

        authors = []
        for authors_item_data in self.authors:
            authors_item = authors_item_data.to_dict()
            authors.append(authors_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        feed_url: None | str | Unset
        if isinstance(self.feed_url, Unset):
            feed_url = UNSET
        else:
            feed_url = self.feed_url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "version": version,
                "title": title,
                "home_page_url": home_page_url,
                "authors": authors,
                "items": items,
            }
        )
        if feed_url is not UNSET:
            field_dict["feed_url"] = feed_url
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_feed_author import JsonFeedAuthor
        from ..models.json_feed_item import JsonFeedItem

        d = dict(src_dict)
        version = cast(Literal["https://jsonfeed.org/version/1.1"], d.pop("version"))
        if version != "https://jsonfeed.org/version/1.1":
            raise ValueError(
                f"version must match const 'https://jsonfeed.org/version/1.1', got '{version}'"
            )

        title = d.pop("title")

        home_page_url = d.pop("home_page_url")

        authors = []
        _authors = d.pop("authors")
        for authors_item_data in _authors:
            authors_item = JsonFeedAuthor.from_dict(authors_item_data)

            authors.append(authors_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = JsonFeedItem.from_dict(items_item_data)

            items.append(items_item)

        def _parse_feed_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        feed_url = _parse_feed_url(d.pop("feed_url", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        json_feed = cls(
            version=version,
            title=title,
            home_page_url=home_page_url,
            authors=authors,
            items=items,
            feed_url=feed_url,
            description=description,
        )

        return json_feed
