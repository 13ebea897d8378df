from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.search_hit_referenced_by_type_0 import SearchHitReferencedByType0
    from ..models.search_hit_references_type_0 import SearchHitReferencesType0


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
        references (None | SearchHitReferencesType0 | Unset): With `expand`: the expanded references only.
        referenced_by (None | SearchHitReferencedByType0 | Unset): With `expand=referenced_by...`: the expanded
            backlinks only.
    """

    id: str
    title: None | str
    url: str
    collection: None | str
    snippet: str
    score: float
    references: None | SearchHitReferencesType0 | Unset = UNSET
    referenced_by: None | SearchHitReferencedByType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.search_hit_referenced_by_type_0 import SearchHitReferencedByType0
        from ..models.search_hit_references_type_0 import SearchHitReferencesType0

        id = self.id

        title: None | str
        title = self.title

        url = self.url

        collection: None | str
        collection = self.collection

        snippet = self.snippet

        score = self.score

        references: dict[str, Any] | None | Unset
        if isinstance(self.references, Unset):
            references = UNSET
        elif isinstance(self.references, SearchHitReferencesType0):
            references = self.references.to_dict()
        else:
            references = self.references

        referenced_by: dict[str, Any] | None | Unset
        if isinstance(self.referenced_by, Unset):
            referenced_by = UNSET
        elif isinstance(self.referenced_by, SearchHitReferencedByType0):
            referenced_by = self.referenced_by.to_dict()
        else:
            referenced_by = self.referenced_by

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
        if references is not UNSET:
            field_dict["references"] = references
        if referenced_by is not UNSET:
            field_dict["referenced_by"] = referenced_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.search_hit_referenced_by_type_0 import SearchHitReferencedByType0
        from ..models.search_hit_references_type_0 import SearchHitReferencesType0

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

        def _parse_references(data: object) -> None | SearchHitReferencesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                references_type_0 = SearchHitReferencesType0.from_dict(data)

                return references_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchHitReferencesType0 | Unset, data)

        references = _parse_references(d.pop("references", UNSET))

        def _parse_referenced_by(
            data: object,
        ) -> None | SearchHitReferencedByType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referenced_by_type_0 = SearchHitReferencedByType0.from_dict(data)

                return referenced_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchHitReferencedByType0 | Unset, data)

        referenced_by = _parse_referenced_by(d.pop("referenced_by", UNSET))

        search_hit = cls(
            id=id,
            title=title,
            url=url,
            collection=collection,
            snippet=snippet,
            score=score,
            references=references,
            referenced_by=referenced_by,
        )

        return search_hit
