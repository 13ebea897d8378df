from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SearchHit")


@_attrs_define
class SearchHit:
    """
    Attributes:
        id (str):
        title (None | str):
        url (str):
        collection (None | str):
        snippet (str): Matching text, HTML-escaped, with matches in <mark>.
        score (float): Relevance (BM25); higher is better.
    """

    id: str
    title: None | str
    url: str
    collection: None | str
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title: None | str
        title = self.title

        url = self.url

        collection: None | str
        collection = self.collection

        snippet = self.snippet

        score = self.score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
                "url": url,
                "collection": collection,
                "snippet": snippet,
                "score": score,
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

        def _parse_collection(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        collection = _parse_collection(d.pop("collection"))

        snippet = d.pop("snippet")

        score = d.pop("score")

        search_hit = cls(
            id=id,
            title=title,
            url=url,
            collection=collection,
            snippet=snippet,
            score=score,
        )

        return search_hit
