from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.page_data import PageData
    from ..models.page_link import PageLink
    from ..models.page_referenced_by import PageReferencedBy
    from ..models.page_references import PageReferences
    from ..models.timeline_embed import TimelineEmbed
    from ..models.toc_entry import TocEntry
    from ..models.translation import Translation


T = TypeVar("T", bound="Page")


@_attrs_define
class Page:
    """A page with its rendered body, derived fields and neighbours.

    Attributes:
        id (str): Collection, `/`, then the path inside it without extension.
        collection (None | str): Collection label; null for a top-level page.
        slug (None | str): Jekyll's slug; null for a top-level page.
        url (str): The URL Jekyll gives the page, from its permalink.
        source_path (str): Path of the source file, relative to the content directory.
        title (None | str): The title, or Jekyll's default made from the file name.
        description (None | str): Front-matter description.
        lang (None | str): The page's language: its `lang` (front matter or defaults), else its language folder (`en/`,
            `pt-br/`), else the site's `lang`; null when none says.
        published (bool): False only for `published: false`.
        order (int | None): Front-matter order, when it is a whole number.
        date (datetime.datetime | None): Front-matter or file-name date, with its offset.
        layout (None | str): Front-matter layout, after defaults.
        featured_image_path (None | str): Front-matter featured_image_path.
        timeline (None | TimelineEmbed): The TimelineJS embed, understood; null when none.
        data (PageData): Every front-matter key after defaults, JSON-safe.
        references (PageReferences): The pages this one refers to, by front-matter key, in front-matter order (always a
            list; keys that name no page are left out; `data` keeps the raw values). With `expand`, a page reference becomes
            the page's list item.
        html (str): The body rendered as Jekyll renders it (before any layout).
        excerpt (None | str): Jekyll's excerpt, as HTML.
        plaintext (str): The visible text of the body.
        toc (list[TocEntry]): The headings, in order.
        word_count (int): Words in the plain text.
        reading_time_minutes (int): Reading time at 200 words a minute.
        translations (list[Translation]): The page in other languages: pages that share its `ref`, `translation_key`,
            `page_id` or `lang_ref`, or its path under another language folder; by language.
        previous (None | PageLink): The page before, in the collection's order.
        next_ (None | PageLink): The page after, in the collection's order.
        referenced_by (PageReferencedBy): The pages that refer to this one, by `<collection>.<key>`, each in its
            collection's order (or as `sort` asks). With `expand`, a page reference becomes the page's list item.
    """

    id: str
    collection: None | str
    slug: None | str
    url: str
    source_path: str
    title: None | str
    description: None | str
    lang: None | str
    published: bool
    order: int | None
    date: datetime.datetime | None
    layout: None | str
    featured_image_path: None | str
    timeline: None | TimelineEmbed
    data: PageData
    references: PageReferences
    html: str
    excerpt: None | str
    plaintext: str
    toc: list[TocEntry]
    word_count: int
    reading_time_minutes: int
    translations: list[Translation]
    previous: None | PageLink
    next_: None | PageLink
    referenced_by: PageReferencedBy

    def to_dict(self) -> dict[str, Any]:
        from ..models.page_link import PageLink
        from ..models.timeline_embed import TimelineEmbed

        id = self.id

        collection: None | str
        collection = self.collection

        slug: None | str
        slug = self.slug

        url = self.url

        source_path = self.source_path

        title: None | str
        title = self.title

        description: None | str
        description = self.description

        lang: None | str
        lang = self.lang

        published = self.published

        order: int | None
        order = self.order

        date: None | str
        if isinstance(self.date, datetime.datetime):
            date = self.date.isoformat()
        else:
            date = self.date

        layout: None | str
        layout = self.layout

        featured_image_path: None | str
        featured_image_path = self.featured_image_path

        timeline: dict[str, Any] | None
        if isinstance(self.timeline, TimelineEmbed):
            timeline = self.timeline.to_dict()
        else:
            timeline = self.timeline

        data = self.data.to_dict()

        references = self.references.to_dict()

        html = self.html

        excerpt: None | str
        excerpt = self.excerpt

        plaintext = self.plaintext

        toc = []
        for toc_item_data in self.toc:
            toc_item = toc_item_data.to_dict()
            toc.append(toc_item)

        word_count = self.word_count

        reading_time_minutes = self.reading_time_minutes

        translations = []
        for translations_item_data in self.translations:
            translations_item = translations_item_data.to_dict()
            translations.append(translations_item)

        previous: dict[str, Any] | None
        if isinstance(self.previous, PageLink):
            previous = self.previous.to_dict()
        else:
            previous = self.previous

        next_: dict[str, Any] | None
        if isinstance(self.next_, PageLink):
            next_ = self.next_.to_dict()
        else:
            next_ = self.next_

        referenced_by = self.referenced_by.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "collection": collection,
                "slug": slug,
                "url": url,
                "source_path": source_path,
                "title": title,
                "description": description,
                "lang": lang,
                "published": published,
                "order": order,
                "date": date,
                "layout": layout,
                "featured_image_path": featured_image_path,
                "timeline": timeline,
                "data": data,
                "references": references,
                "html": html,
                "excerpt": excerpt,
                "plaintext": plaintext,
                "toc": toc,
                "word_count": word_count,
                "reading_time_minutes": reading_time_minutes,
                "translations": translations,
                "previous": previous,
                "next": next_,
                "referenced_by": referenced_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.page_data import PageData
        from ..models.page_link import PageLink
        from ..models.page_referenced_by import PageReferencedBy
        from ..models.page_references import PageReferences
        from ..models.timeline_embed import TimelineEmbed
        from ..models.toc_entry import TocEntry
        from ..models.translation import Translation

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_collection(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        collection = _parse_collection(d.pop("collection"))

        def _parse_slug(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        slug = _parse_slug(d.pop("slug"))

        url = d.pop("url")

        source_path = d.pop("source_path")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_lang(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lang = _parse_lang(d.pop("lang"))

        published = d.pop("published")

        def _parse_order(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        order = _parse_order(d.pop("order"))

        def _parse_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.datetime.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        date = _parse_date(d.pop("date"))

        def _parse_layout(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        layout = _parse_layout(d.pop("layout"))

        def _parse_featured_image_path(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        featured_image_path = _parse_featured_image_path(d.pop("featured_image_path"))

        def _parse_timeline(data: object) -> None | TimelineEmbed:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                timeline_type_0 = TimelineEmbed.from_dict(data)

                return timeline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimelineEmbed, data)

        timeline = _parse_timeline(d.pop("timeline"))

        data = PageData.from_dict(d.pop("data"))

        references = PageReferences.from_dict(d.pop("references"))

        html = d.pop("html")

        def _parse_excerpt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        excerpt = _parse_excerpt(d.pop("excerpt"))

        plaintext = d.pop("plaintext")

        toc = []
        _toc = d.pop("toc")
        for toc_item_data in _toc:
            toc_item = TocEntry.from_dict(toc_item_data)

            toc.append(toc_item)

        word_count = d.pop("word_count")

        reading_time_minutes = d.pop("reading_time_minutes")

        translations = []
        _translations = d.pop("translations")
        for translations_item_data in _translations:
            translations_item = Translation.from_dict(translations_item_data)

            translations.append(translations_item)

        def _parse_previous(data: object) -> None | PageLink:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_type_0 = PageLink.from_dict(data)

                return previous_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PageLink, data)

        previous = _parse_previous(d.pop("previous"))

        def _parse_next_(data: object) -> None | PageLink:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_type_0 = PageLink.from_dict(data)

                return next_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PageLink, data)

        next_ = _parse_next_(d.pop("next"))

        referenced_by = PageReferencedBy.from_dict(d.pop("referenced_by"))

        page = cls(
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
            references=references,
            html=html,
            excerpt=excerpt,
            plaintext=plaintext,
            toc=toc,
            word_count=word_count,
            reading_time_minutes=reading_time_minutes,
            translations=translations,
            previous=previous,
            next_=next_,
            referenced_by=referenced_by,
        )

        return page
