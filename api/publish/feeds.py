"""JSON Feed 1.1 and Atom 1.0 of a site's dated pages, newest first.

A feed entry links to the page on the site, so only documents Jekyll writes as pages are
in it (a dated document of an ``output: false`` collection has nowhere to link to, and a
redirect is no page of its own). Feeds
never mention the current time: the same content gives the same bytes, and so the same
ETag, on every replica.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from api import __version__
from api.content.model import Document
from api.publish.links import is_published_page, page_url
from api.publish.xmltext import serialize, sub
from api.site import Site

#: Entries in each feed: enough for readers to catch up, small enough to render at once.
MAX_ENTRIES = 50
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_NS = "http://www.w3.org/2005/Atom"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    title: str
    html: str
    summary: str | None
    published: datetime
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    home: str
    description: str | None
    author: str
    entries: tuple[Entry, ...]

    @property
    def updated(self) -> datetime:
        return self.entries[0].published if self.entries else _EPOCH


def dated_pages(site: Site, limit: int = MAX_ENTRIES) -> list[Document]:
    """The newest dated pages; ties broken by id so the order never varies."""
    docs = [d for d in site.listed if d.date is not None and is_published_page(d)]
    docs.sort(key=lambda d: d.id)
    docs.sort(key=lambda d: _aware(d.date), reverse=True)
    return docs[:limit]


def build_feed(site: Site, root: str, limit: int = MAX_ENTRIES) -> Feed:
    raw = site.snapshot.config.raw
    title = _text(raw.get("title")) or root.split("://", 1)[-1]
    entries = tuple(
        Entry(
            url=page_url(root, doc),
            title=doc.title or doc.slug or doc.id,
            html=site.html(doc),
            summary=doc.description,
            published=_aware(doc.date),
            tags=_tags(doc.data),
        )
        for doc in dated_pages(site, limit)
    )
    author = _author(raw.get("author")) or title
    return Feed(title, root + "/", _text(raw.get("description")), author, entries)


def json_feed(feed: Feed, feed_url: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": feed.title}
    body["home_page_url"] = feed.home
    if feed_url:
        body["feed_url"] = feed_url
    if feed.description:
        body["description"] = feed.description
    body["authors"] = [{"name": feed.author}]
    items = []
    for entry in feed.entries:
        item: dict[str, Any] = {"id": entry.url, "url": entry.url, "title": entry.title}
        item["content_html"] = entry.html
        if entry.summary:
            item["summary"] = entry.summary
        item["date_published"] = rfc3339(entry.published)
        if entry.tags:
            item["tags"] = list(entry.tags)
        items.append(item)
    body["items"] = items
    return body


def atom(feed: Feed, self_url: str | None) -> bytes:
    root = ET.Element("feed", xmlns=ATOM_NS)
    sub(root, "title", feed.title)
    if feed.description:
        sub(root, "subtitle", feed.description)
    sub(root, "id", feed.home)
    sub(root, "link", rel="alternate", type="text/html", href=feed.home)
    if self_url:
        sub(root, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(root, "updated", rfc3339(feed.updated))
    sub(sub(root, "author"), "name", feed.author)
    sub(root, "generator", "content-api", version=__version__)
    for entry in feed.entries:
        element = sub(root, "entry")
        sub(element, "title", entry.title, type="text")
        sub(element, "id", entry.url)
        sub(element, "link", rel="alternate", type="text/html", href=entry.url)
        sub(element, "published", rfc3339(entry.published))
        sub(element, "updated", rfc3339(entry.published))
        if entry.summary:
            sub(element, "summary", entry.summary, type="text")
        sub(element, "content", entry.html, type="html")
        for tag in entry.tags:
            sub(element, "category", term=tag)
    return serialize(root)


def rfc3339(value: datetime) -> str:
    return _aware(value).isoformat().replace("+00:00", "Z")


def _aware(value: datetime | None) -> datetime:
    if value is None:
        return _EPOCH
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _author(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return _text(value)


def _tags(data: dict[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    for key in ("categories", "tags"):
        value = data.get(key)
        values = value.split() if isinstance(value, str) else value
        if isinstance(values, list):
            found += [str(v) for v in values if isinstance(v, str | int) and str(v) not in found]
    return tuple(found)
