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
from attrs import field as _attrs_field

from ..models.timeline_embed_version import TimelineEmbedVersion
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.embed_warning import EmbedWarning
    from ..models.timeline_options import TimelineOptions
    from ..models.timeline_source import TimelineSource


T = TypeVar("T", bound="TimelineEmbed")


@_attrs_define
class TimelineEmbed:
    """A Knight Lab TimelineJS embed, understood: typed options and an embed that works.

    Attributes:
        version (TimelineEmbedVersion): The TimelineJS version of the URL as written (the embed is always v3).
        source_url (str): The value as written in the page (for local data: the data file path).
        source (TimelineSource):
        options (TimelineOptions): Every option TimelineJS 3 reads from an embed URL, typed, under its v3 name.

            Only options that were given (and valid) appear in the JSON.
        embed_url (None | str): A canonical https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?... URL.
            Null only for local data when the API has no public URL configured.
        iframe_html (None | str): The generator's iframe for embed_url, every attribute escaped; null with it.
        provider (Literal['knightlab-timelinejs'] | Unset): Always knightlab-timelinejs. Default: 'knightlab-
            timelinejs'.
        warnings (list[EmbedWarning] | Unset): Things in the value that were corrected, ignored or doubtful.
        hosted_embed_url (None | str | Unset): This API's own embed page for the timeline (/embed/timelines/{page_id}):
            TimelineJS 3 served from this origin, no analytics, no other host. Null when CONTENT_API_PUBLIC_URL is not set,
            the TimelineJS assets are not installed, or the data is a CSV/JSON URL of another host (only local data and
            Google Sheets are hosted).
        hosted_iframe_html (None | str | Unset): An iframe for hosted_embed_url, every attribute escaped; null with it.
    """

    version: TimelineEmbedVersion
    source_url: str
    source: TimelineSource
    options: TimelineOptions
    embed_url: None | str
    iframe_html: None | str
    provider: Literal["knightlab-timelinejs"] | Unset = "knightlab-timelinejs"
    warnings: list[EmbedWarning] | Unset = UNSET
    hosted_embed_url: None | str | Unset = UNSET
    hosted_iframe_html: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version.value

        source_url = self.source_url

        source = self.source.to_dict()

        options = self.options.to_dict()

        embed_url: None | str
        embed_url = self.embed_url

        iframe_html: None | str
        iframe_html = self.iframe_html

        provider = self.provider

        warnings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = []
            for warnings_item_data in self.warnings:
                warnings_item = warnings_item_data.to_dict()
                warnings.append(warnings_item)

        hosted_embed_url: None | str | Unset
        if isinstance(self.hosted_embed_url, Unset):
            hosted_embed_url = UNSET
        else:
            hosted_embed_url = self.hosted_embed_url

        hosted_iframe_html: None | str | Unset
        if isinstance(self.hosted_iframe_html, Unset):
            hosted_iframe_html = UNSET
        else:
            hosted_iframe_html = self.hosted_iframe_html

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "source_url": source_url,
                "source": source,
                "options": options,
                "embed_url": embed_url,
                "iframe_html": iframe_html,
            }
        )
        if provider is not UNSET:
            field_dict["provider"] = provider
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if hosted_embed_url is not UNSET:
            field_dict["hosted_embed_url"] = hosted_embed_url
        if hosted_iframe_html is not UNSET:
            field_dict["hosted_iframe_html"] = hosted_iframe_html

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.embed_warning import EmbedWarning
        from ..models.timeline_options import TimelineOptions
        from ..models.timeline_source import TimelineSource

        d = dict(src_dict)
        version = TimelineEmbedVersion(d.pop("version"))

        source_url = d.pop("source_url")

        source = TimelineSource.from_dict(d.pop("source"))

        options = TimelineOptions.from_dict(d.pop("options"))

        def _parse_embed_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        embed_url = _parse_embed_url(d.pop("embed_url"))

        def _parse_iframe_html(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        iframe_html = _parse_iframe_html(d.pop("iframe_html"))

        provider = cast(
            Literal["knightlab-timelinejs"] | Unset, d.pop("provider", UNSET)
        )
        if provider != "knightlab-timelinejs" and not isinstance(provider, Unset):
            raise ValueError(
                f"provider must match const 'knightlab-timelinejs', got '{provider}'"
            )

        _warnings = d.pop("warnings", UNSET)
        warnings: list[EmbedWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = EmbedWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        def _parse_hosted_embed_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hosted_embed_url = _parse_hosted_embed_url(d.pop("hosted_embed_url", UNSET))

        def _parse_hosted_iframe_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hosted_iframe_html = _parse_hosted_iframe_html(
            d.pop("hosted_iframe_html", UNSET)
        )

        timeline_embed = cls(
            version=version,
            source_url=source_url,
            source=source,
            options=options,
            embed_url=embed_url,
            iframe_html=iframe_html,
            provider=provider,
            warnings=warnings,
            hosted_embed_url=hosted_embed_url,
            hosted_iframe_html=hosted_iframe_html,
        )

        timeline_embed.additional_properties = d
        return timeline_embed

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
