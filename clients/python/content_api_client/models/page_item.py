from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.page_item_data_type_0 import PageItemDataType0
    from ..models.page_item_referenced_by_type_0 import PageItemReferencedByType0
    from ..models.page_item_references_type_0 import PageItemReferencesType0
    from ..models.timeline_embed import TimelineEmbed
    from ..models.toc_entry import TocEntry
    from ..models.translation import Translation


T = TypeVar("T", bound="PageItem")


@_attrs_define
class PageItem:
    """A page in a list. Every field is present unless ``fields`` selects some;
    ``include`` adds rendered fields.

        Attributes:
            id (str): Collection, `/`, then the path inside it without extension.
            collection (None | str | Unset): Collection label; null for a top-level page.
            slug (None | str | Unset): Jekyll's slug; null for a top-level page.
            url (None | str | Unset): The URL Jekyll gives the page, from its permalink.
            source_path (None | str | Unset): Path of the source file, relative to the content directory.
            title (None | str | Unset): The title, or Jekyll's default made from the file name.
            description (None | str | Unset): Front-matter description.
            lang (None | str | Unset): The page's language: its `lang` (front matter or defaults), else its language folder
                (`en/`, `pt-br/`), else the site's `lang`; null when none says.
            published (bool | None | Unset): False only for `published: false`.
            order (int | None | Unset): Front-matter order, when it is a whole number.
            date (datetime.datetime | None | Unset): Front-matter or file-name date, with its offset.
            layout (None | str | Unset): Front-matter layout, after defaults.
            featured_image_path (None | str | Unset): Front-matter featured_image_path.
            timeline (None | TimelineEmbed | Unset): The TimelineJS embed, understood; null when none.
            data (None | PageItemDataType0 | Unset): Every front-matter key after defaults, JSON-safe.
            html (None | str | Unset): With include=html.
            excerpt (None | str | Unset): With include=excerpt.
            plaintext (None | str | Unset): With include=plaintext.
            toc (list[TocEntry] | None | Unset): With include=toc.
            word_count (int | None | Unset): With include=word_count.
            reading_time_minutes (int | None | Unset): With include=reading_time_minutes.
            translations (list[Translation] | None | Unset): With include=translations: The page in other languages: pages
                that share its `ref`, `translation_key`, `page_id` or `lang_ref`, or its path under another language folder; by
                language.
            lang_fallback (bool | None | Unset): With lang_fallback=true: true when the page stands in for one missing in
                the first language asked for.
            references (None | PageItemReferencesType0 | Unset): The pages this one refers to, by front-matter key, in
                front-matter order (always a list; keys that name no page are left out; `data` keeps the raw values). With
                `expand`, a page reference becomes the page's list item.
            referenced_by (None | PageItemReferencedByType0 | Unset): With include=referenced_by, or the groups `expand`
                names. The pages that refer to this one, by `<collection>.<key>`, each in its collection's order (or as `sort`
                asks). With `expand`, a page reference becomes the page's list item.
    """

    id: str
    collection: None | str | Unset = UNSET
    slug: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    source_path: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    lang: None | str | Unset = UNSET
    published: bool | None | Unset = UNSET
    order: int | None | Unset = UNSET
    date: datetime.datetime | None | Unset = UNSET
    layout: None | str | Unset = UNSET
    featured_image_path: None | str | Unset = UNSET
    timeline: None | TimelineEmbed | Unset = UNSET
    data: None | PageItemDataType0 | Unset = UNSET
    html: None | str | Unset = UNSET
    excerpt: None | str | Unset = UNSET
    plaintext: None | str | Unset = UNSET
    toc: list[TocEntry] | None | Unset = UNSET
    word_count: int | None | Unset = UNSET
    reading_time_minutes: int | None | Unset = UNSET
    translations: list[Translation] | None | Unset = UNSET
    lang_fallback: bool | None | Unset = UNSET
    references: None | PageItemReferencesType0 | Unset = UNSET
    referenced_by: None | PageItemReferencedByType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.page_item_data_type_0 import PageItemDataType0
        from ..models.page_item_referenced_by_type_0 import PageItemReferencedByType0
        from ..models.page_item_references_type_0 import PageItemReferencesType0
        from ..models.timeline_embed import TimelineEmbed

        id = self.id

        collection: None | str | Unset
        if isinstance(self.collection, Unset):
            collection = UNSET
        else:
            collection = self.collection

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        source_path: None | str | Unset
        if isinstance(self.source_path, Unset):
            source_path = UNSET
        else:
            source_path = self.source_path

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        lang: None | str | Unset
        if isinstance(self.lang, Unset):
            lang = UNSET
        else:
            lang = self.lang

        published: bool | None | Unset
        if isinstance(self.published, Unset):
            published = UNSET
        else:
            published = self.published

        order: int | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        else:
            order = self.order

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.datetime):
            date = self.date.isoformat()
        else:
            date = self.date

        layout: None | str | Unset
        if isinstance(self.layout, Unset):
            layout = UNSET
        else:
            layout = self.layout

        featured_image_path: None | str | Unset
        if isinstance(self.featured_image_path, Unset):
            featured_image_path = UNSET
        else:
            featured_image_path = self.featured_image_path

        timeline: dict[str, Any] | None | Unset
        if isinstance(self.timeline, Unset):
            timeline = UNSET
        elif isinstance(self.timeline, TimelineEmbed):
            timeline = self.timeline.to_dict()
        else:
            timeline = self.timeline

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, PageItemDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        excerpt: None | str | Unset
        if isinstance(self.excerpt, Unset):
            excerpt = UNSET
        else:
            excerpt = self.excerpt

        plaintext: None | str | Unset
        if isinstance(self.plaintext, Unset):
            plaintext = UNSET
        else:
            plaintext = self.plaintext

        toc: list[dict[str, Any]] | None | Unset
        if isinstance(self.toc, Unset):
            toc = UNSET
        elif isinstance(self.toc, list):
            toc = []
            for toc_type_0_item_data in self.toc:
                toc_type_0_item = toc_type_0_item_data.to_dict()
                toc.append(toc_type_0_item)

        else:
            toc = self.toc

        word_count: int | None | Unset
        if isinstance(self.word_count, Unset):
            word_count = UNSET
        else:
            word_count = self.word_count

        reading_time_minutes: int | None | Unset
        if isinstance(self.reading_time_minutes, Unset):
            reading_time_minutes = UNSET
        else:
            reading_time_minutes = self.reading_time_minutes

        translations: list[dict[str, Any]] | None | Unset
        if isinstance(self.translations, Unset):
            translations = UNSET
        elif isinstance(self.translations, list):
            translations = []
            for translations_type_0_item_data in self.translations:
                translations_type_0_item = translations_type_0_item_data.to_dict()
                translations.append(translations_type_0_item)

        else:
            translations = self.translations

        lang_fallback: bool | None | Unset
        if isinstance(self.lang_fallback, Unset):
            lang_fallback = UNSET
        else:
            lang_fallback = self.lang_fallback

        references: dict[str, Any] | None | Unset
        if isinstance(self.references, Unset):
            references = UNSET
        elif isinstance(self.references, PageItemReferencesType0):
            references = self.references.to_dict()
        else:
            references = self.references

        referenced_by: dict[str, Any] | None | Unset
        if isinstance(self.referenced_by, Unset):
            referenced_by = UNSET
        elif isinstance(self.referenced_by, PageItemReferencedByType0):
            referenced_by = self.referenced_by.to_dict()
        else:
            referenced_by = self.referenced_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if collection is not UNSET:
            field_dict["collection"] = collection
        if slug is not UNSET:
            field_dict["slug"] = slug
        if url is not UNSET:
            field_dict["url"] = url
        if source_path is not UNSET:
            field_dict["source_path"] = source_path
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if lang is not UNSET:
            field_dict["lang"] = lang
        if published is not UNSET:
            field_dict["published"] = published
        if order is not UNSET:
            field_dict["order"] = order
        if date is not UNSET:
            field_dict["date"] = date
        if layout is not UNSET:
            field_dict["layout"] = layout
        if featured_image_path is not UNSET:
            field_dict["featured_image_path"] = featured_image_path
        if timeline is not UNSET:
            field_dict["timeline"] = timeline
        if data is not UNSET:
            field_dict["data"] = data
        if html is not UNSET:
            field_dict["html"] = html
        if excerpt is not UNSET:
            field_dict["excerpt"] = excerpt
        if plaintext is not UNSET:
            field_dict["plaintext"] = plaintext
        if toc is not UNSET:
            field_dict["toc"] = toc
        if word_count is not UNSET:
            field_dict["word_count"] = word_count
        if reading_time_minutes is not UNSET:
            field_dict["reading_time_minutes"] = reading_time_minutes
        if translations is not UNSET:
            field_dict["translations"] = translations
        if lang_fallback is not UNSET:
            field_dict["lang_fallback"] = lang_fallback
        if references is not UNSET:
            field_dict["references"] = references
        if referenced_by is not UNSET:
            field_dict["referenced_by"] = referenced_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.page_item_data_type_0 import PageItemDataType0
        from ..models.page_item_referenced_by_type_0 import PageItemReferencedByType0
        from ..models.page_item_references_type_0 import PageItemReferencesType0
        from ..models.timeline_embed import TimelineEmbed
        from ..models.toc_entry import TocEntry
        from ..models.translation import Translation

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_collection(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        collection = _parse_collection(d.pop("collection", UNSET))

        def _parse_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_source_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_path = _parse_source_path(d.pop("source_path", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_lang(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lang = _parse_lang(d.pop("lang", UNSET))

        def _parse_published(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        published = _parse_published(d.pop("published", UNSET))

        def _parse_order(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        order = _parse_order(d.pop("order", UNSET))

        def _parse_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.datetime.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        def _parse_layout(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        layout = _parse_layout(d.pop("layout", UNSET))

        def _parse_featured_image_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        featured_image_path = _parse_featured_image_path(
            d.pop("featured_image_path", UNSET)
        )

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

        def _parse_data(data: object) -> None | PageItemDataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = PageItemDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PageItemDataType0 | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))

        def _parse_excerpt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        excerpt = _parse_excerpt(d.pop("excerpt", UNSET))

        def _parse_plaintext(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plaintext = _parse_plaintext(d.pop("plaintext", UNSET))

        def _parse_toc(data: object) -> list[TocEntry] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                toc_type_0 = []
                _toc_type_0 = data
                for toc_type_0_item_data in _toc_type_0:
                    toc_type_0_item = TocEntry.from_dict(toc_type_0_item_data)

                    toc_type_0.append(toc_type_0_item)

                return toc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TocEntry] | None | Unset, data)

        toc = _parse_toc(d.pop("toc", UNSET))

        def _parse_word_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        word_count = _parse_word_count(d.pop("word_count", UNSET))

        def _parse_reading_time_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reading_time_minutes = _parse_reading_time_minutes(
            d.pop("reading_time_minutes", UNSET)
        )

        def _parse_translations(data: object) -> list[Translation] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                translations_type_0 = []
                _translations_type_0 = data
                for translations_type_0_item_data in _translations_type_0:
                    translations_type_0_item = Translation.from_dict(
                        translations_type_0_item_data
                    )

                    translations_type_0.append(translations_type_0_item)

                return translations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Translation] | None | Unset, data)

        translations = _parse_translations(d.pop("translations", UNSET))

        def _parse_lang_fallback(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        lang_fallback = _parse_lang_fallback(d.pop("lang_fallback", UNSET))

        def _parse_references(data: object) -> None | PageItemReferencesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                references_type_0 = PageItemReferencesType0.from_dict(data)

                return references_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PageItemReferencesType0 | Unset, data)

        references = _parse_references(d.pop("references", UNSET))

        def _parse_referenced_by(
            data: object,
        ) -> None | PageItemReferencedByType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referenced_by_type_0 = PageItemReferencedByType0.from_dict(data)

                return referenced_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PageItemReferencedByType0 | Unset, data)

        referenced_by = _parse_referenced_by(d.pop("referenced_by", UNSET))

        page_item = cls(
            id=id,
            collection=collection,
            slug=slug,
            url=url,
            source_path=source_path,
            title=title,
            description=description,
            lang=lang,
            published=published,
            order=order,
            date=date,
            layout=layout,
            featured_image_path=featured_image_path,
            timeline=timeline,
            data=data,
            html=html,
            excerpt=excerpt,
            plaintext=plaintext,
            toc=toc,
            word_count=word_count,
            reading_time_minutes=reading_time_minutes,
            translations=translations,
            lang_fallback=lang_fallback,
            references=references,
            referenced_by=referenced_by,
        )

        return page_item
