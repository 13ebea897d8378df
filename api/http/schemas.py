"""Pydantic models of every response: the OpenAPI schema, and the contract tests' oracle.

Hot paths serialize plain dicts (``representations.py``) with orjson and never validate per
request; these models only describe the bytes, and a test checks that they agree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from api.http import examples
from api.timeline import TimelineEmbed as TimelineEmbed  # re-exported: routes name it here


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TocEntry(_Model):
    level: int = Field(ge=1, le=6, description="Heading level, 1 to 6.")
    id: str = Field(description="The heading's id (its anchor).")
    text: str = Field(description="The heading's text.")


class PageLink(_Model):
    id: str
    title: str | None
    url: str


class Translation(_Model):
    """The same page in another language."""

    lang: str = Field(description="Its language, as the site spells it.")
    id: str = Field(description="Its page id.")
    url: str = Field(description="Its URL on the site.")


class PageRef(_Model):
    """A page that one refers to, or that refers to one (expanded with ``expand``)."""

    id: str
    collection: str | None
    title: str | None
    url: str


_REFERENCES = (
    "The pages this one refers to, by front-matter key, in front-matter order (always a list; "
    "keys that name no page are left out; `data` keeps the raw values). With `expand`, a "
    "page reference becomes the page's list item."
)
_REFERENCED_BY = (
    "The pages that refer to this one, by `<collection>.<key>`, each in its collection's "
    "order (or as `sort` asks). With `expand`, a page reference becomes the page's list item."
)


_DOC: dict[str, str] = {
    "id": "Collection, `/`, then the path inside it without extension.",
    "collection": "Collection label; null for a top-level page.",
    "slug": "Jekyll's slug; null for a top-level page.",
    "url": "The URL Jekyll gives the page, from its permalink.",
    "source_path": "Path of the source file, relative to the content directory.",
    "title": "The title, or Jekyll's default made from the file name.",
    "description": "Front-matter description.",
    "lang": "The page's language: its `lang` (front matter or defaults), else its language "
    "folder (`en/`, `pt-br/`), else the site's `lang`; null when none says.",
    "published": "False only for `published: false`.",
    "order": "Front-matter order, when it is a whole number.",
    "date": "Front-matter or file-name date, with its offset.",
    "layout": "Front-matter layout, after defaults.",
    "featured_image_path": "Front-matter featured_image_path.",
    "timeline": "The TimelineJS embed, understood; null when none.",
    "data": "Every front-matter key after defaults, JSON-safe.",
}


_TRANSLATIONS = (
    "The page in other languages: pages that share its `ref`, `translation_key`, `page_id` "
    "or `lang_ref`, or its path under another language folder; by language."
)
_FALLBACK = (
    "With lang_fallback=true: true when the page stands in for one missing in the first "
    "language asked for."
)


class PageSummary(_Model):
    """A page without its body."""

    id: str = Field(description=_DOC["id"])
    collection: str | None = Field(description=_DOC["collection"])
    slug: str | None = Field(description=_DOC["slug"])
    url: str = Field(description=_DOC["url"])
    source_path: str = Field(description=_DOC["source_path"])
    title: str | None = Field(description=_DOC["title"])
    description: str | None = Field(description=_DOC["description"])
    lang: str | None = Field(description=_DOC["lang"])
    published: bool = Field(description=_DOC["published"])
    order: int | None = Field(description=_DOC["order"])
    date: datetime | None = Field(description=_DOC["date"])
    layout: str | None = Field(description=_DOC["layout"])
    featured_image_path: str | None = Field(description=_DOC["featured_image_path"])
    timeline: TimelineEmbed | None = Field(description=_DOC["timeline"])
    data: dict[str, Any] = Field(description=_DOC["data"])
    references: dict[str, list[PageRef | PageItem]] = Field(description=_REFERENCES)


class Page(PageSummary):
    """A page with its rendered body, derived fields and neighbours."""

    html: str = Field(description="The body rendered as Jekyll renders it (before any layout).")
    excerpt: str | None = Field(description="Jekyll's excerpt, as HTML.")
    plaintext: str = Field(description="The visible text of the body.")
    toc: list[TocEntry] = Field(description="The headings, in order.")
    word_count: int = Field(ge=0, description="Words in the plain text.")
    reading_time_minutes: int = Field(ge=0, description="Reading time at 200 words a minute.")
    translations: list[Translation] = Field(description=_TRANSLATIONS)
    previous: PageLink | None = Field(description="The page before, in the collection's order.")
    next: PageLink | None = Field(description="The page after, in the collection's order.")
    referenced_by: dict[str, list[PageRef | PageItem]] = Field(description=_REFERENCED_BY)


class PageItem(_Model):
    """A page in a list. Every field is present unless ``fields`` selects some;
    ``include`` adds rendered fields."""

    id: str = Field(description=_DOC["id"])
    collection: str | None = Field(None, description=_DOC["collection"])
    slug: str | None = Field(None, description=_DOC["slug"])
    url: str | None = Field(None, description=_DOC["url"])
    source_path: str | None = Field(None, description=_DOC["source_path"])
    title: str | None = Field(None, description=_DOC["title"])
    description: str | None = Field(None, description=_DOC["description"])
    lang: str | None = Field(None, description=_DOC["lang"])
    published: bool | None = Field(None, description=_DOC["published"])
    order: int | None = Field(None, description=_DOC["order"])
    date: datetime | None = Field(None, description=_DOC["date"])
    layout: str | None = Field(None, description=_DOC["layout"])
    featured_image_path: str | None = Field(None, description=_DOC["featured_image_path"])
    timeline: TimelineEmbed | None = Field(None, description=_DOC["timeline"])
    data: dict[str, Any] | None = Field(None, description=_DOC["data"])
    html: str | None = Field(None, description="With include=html.")
    excerpt: str | None = Field(None, description="With include=excerpt.")
    plaintext: str | None = Field(None, description="With include=plaintext.")
    toc: list[TocEntry] | None = Field(None, description="With include=toc.")
    word_count: int | None = Field(None, description="With include=word_count.")
    reading_time_minutes: int | None = Field(None, description="With include=reading_time_minutes.")
    translations: list[Translation] | None = Field(
        None, description="With include=translations: " + _TRANSLATIONS
    )
    lang_fallback: bool | None = Field(None, description=_FALLBACK)
    references: dict[str, list[PageRef | PageItem]] | None = Field(None, description=_REFERENCES)
    referenced_by: dict[str, list[PageRef | PageItem]] | None = Field(
        None,
        description="With include=referenced_by, or the groups `expand` names. " + _REFERENCED_BY,
    )


class ListMeta(_Model):
    total: int = Field(ge=0, description="How many items match, over all pages of results.")
    limit: int = Field(ge=1, le=100)
    offset: int = Field(ge=0)


class PageList(_Model):
    data: list[PageItem]
    meta: ListMeta


class TimelineItem(_Model):
    """A page's timeline in a list. Every field is present unless ``fields`` selects some."""

    id: str = Field(description="The page's id.")
    title: str | None = None
    url: str | None = None
    collection: str | None = None
    lang: str | None = Field(None, description=_DOC["lang"])
    timeline: TimelineEmbed | None = None
    lang_fallback: bool | None = Field(None, description=_FALLBACK)


class TimelineList(_Model):
    data: list[TimelineItem]
    meta: ListMeta


class SearchHit(_Model):
    id: str
    title: str | None
    url: str
    collection: str | None
    snippet: str = Field(description="Matching text, HTML-escaped, with matches in <mark>.")
    score: float = Field(description="Relevance (BM25); higher is better.")
    references: dict[str, list[PageRef | PageItem]] | None = Field(
        None, description="With `expand`: the expanded references only."
    )
    referenced_by: dict[str, list[PageRef | PageItem]] | None = Field(
        None, description="With `expand=referenced_by...`: the expanded backlinks only."
    )


class SearchResults(_Model):
    data: list[SearchHit]
    meta: ListMeta


class CollectionInfo(_Model):
    name: str = Field(description="The collection's label, as in `_config.yml`.")
    label: str = Field(description="A human-readable name.")
    count: int = Field(ge=0, description="Documents served.")
    output: bool = Field(description="Whether Jekyll writes the collection's pages.")
    permalink: str = Field(description="The permalink template.")


class CollectionList(_Model):
    data: list[CollectionInfo]


class DiagnosticItem(_Model):
    source_path: str
    line: int | None = Field(description="1-based line in the file, when known.")
    severity: Literal["error", "warning"]
    code: str = Field(description="Stable machine-readable code.")
    message: str = Field(description="What is wrong, for a content editor.")


class DiagnosticCounts(_Model):
    errors: int = Field(ge=0)
    warnings: int = Field(ge=0)


class WebhookFailure(_Model):
    endpoint: str = Field(description="The endpoint's number in CONTENT_API_WEBHOOKS and host.")
    content_version: str = Field(description="The version whose notice was not delivered.")
    attempts: int = Field(ge=1)
    last_error: str = Field(description="Why the last attempt failed.")
    last_attempt: datetime
    next_attempt: datetime | None = Field(description="When it is tried again; null: given up.")
    gave_up: bool


class WebhookReport(_Model):
    endpoints: int = Field(ge=0)
    delivered: int = Field(ge=0, description="Deliveries that succeeded.")
    failed_attempts: int = Field(ge=0, description="Attempts that failed (retried or not).")
    retrying: int = Field(ge=0, description="Deliveries waiting for their next attempt.")
    given_up: int = Field(ge=0, description="Deliveries given up after every retry failed.")
    failures: list[WebhookFailure] = Field(
        description="The deliveries that have not succeeded, oldest first."
    )


class DiagnosticList(_Model):
    data: list[DiagnosticItem]
    meta: DiagnosticCounts
    webhooks: WebhookReport | None = Field(
        None, description="With CONTENT_API_WEBHOOKS: the recent webhook deliveries."
    )


class RedirectMap(RootModel[dict[str, str]]):
    """``{old path: target}``, as jekyll-redirect-from writes ``redirects.json``."""


class Health(_Model):
    status: Literal["ok"]


class Ready(_Model):
    status: Literal["ready"]
    pages: int = Field(ge=0)
    content_version: str = Field(description="A hash of the content being served.")
    diagnostics: DiagnosticCounts


class Found(_Model):
    """Where ``find`` leads: the body of its redirects (``Location`` says it too)."""

    location: str = Field(
        description="Where the redirect points: the page's API resource, or the address "
        "elsewhere that a `redirect_to` leads to."
    )
    id: str | None = Field(description="The page's id; null when the URL leads off this API.")
    url: str | None = Field(
        description="The page's URL on the site; null when the URL leads off this API."
    )
    moved: bool = Field(
        description="True (a 301) when the URL asked for is an old one: a `redirect_from`, or "
        "a page with `redirect_to`."
    )


_CHANGES: dict[str, Any] = {
    "from": "3f6a1c0e9b2d4f8a7c5e1b0d9a8f7e6c",
    "to": "9b0e4d2c7a1f3e5d8c6b4a2f0e9d7c5b",
    "added": [],
    "changed": [examples.SEED_ID],
    "removed": [],
}
_IDS = "Page ids, in the default order (removed ones in alphabetical order)."


class Changes(_Model):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, json_schema_extra={"examples": [_CHANGES]}
    )

    since: str = Field(alias="from", description="The version asked about (`since`).")
    to: str = Field(description="The current version: what to ask about next time.")
    added: list[str] = Field(description=f"Pages that are new. {_IDS}")
    changed: list[str] = Field(description=f"Pages whose served content changed. {_IDS}")
    removed: list[str] = Field(description=f"Pages that are no longer served. {_IDS}")


class ValidationErrorItem(BaseModel):
    loc: list[str | int]
    param: str | None = None
    msg: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details, the body of every error."""

    type: str = Field(description="A URI naming the kind of problem.")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(ge=400, le=599)
    detail: str = Field(description="What went wrong with this request.")
    instance: str | None = None
    errors: list[ValidationErrorItem] | None = Field(
        None, description="For validation problems: each parameter at fault."
    )
    content_version: str | None = Field(
        None, description="For a version no longer kept (410): the current version."
    )


class OEmbed(_Model):
    """An oEmbed 1.0 response of type ``rich``: HTML to insert, and its size."""

    version: Literal["1.0"]
    type: Literal["rich"]
    title: str = Field(description="The page's title.")
    provider_name: str = Field(description="The site's `title` from `_config.yml`.")
    provider_url: str | None = Field(
        None, description="The site's home page (absent when the site has no `url`)."
    )
    html: str = Field(
        description="The TimelineJS iframe, or a card with the title, an excerpt and a link."
    )
    width: int = Field(ge=1, description="Pixels; never more than `maxwidth`.")
    height: int = Field(ge=1, description="Pixels; never more than `maxheight`.")


class JsonFeedAuthor(_Model):
    name: str


class JsonFeedItem(_Model):
    id: str = Field(description="The page's absolute URL.")
    url: str = Field(description="The page's absolute URL.")
    title: str
    content_html: str = Field(description="The body, rendered as Jekyll renders it.")
    summary: str | None = Field(None, description="The front-matter description.")
    date_published: datetime
    tags: list[str] | None = Field(None, description="Front-matter categories and tags.")


class JsonFeed(_Model):
    """A JSON Feed 1.1 of the newest dated pages."""

    version: Literal["https://jsonfeed.org/version/1.1"]
    title: str = Field(description="The site's `title`.")
    home_page_url: str = Field(description="The site's `url` and `baseurl`.")
    feed_url: str | None = Field(None, description="With `CONTENT_API_PUBLIC_URL` set.")
    description: str | None = Field(None, description="The site's `description`.")
    authors: list[JsonFeedAuthor]
    items: list[JsonFeedItem]


# The page models refer to each other (an expanded reference is a list item).
for _model in (PageSummary, Page, PageItem, SearchHit):
    _model.model_rebuild()
