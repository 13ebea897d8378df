"""The JSON shapes of the API as plain dicts, built from the core and serialized once.

``schemas.py`` describes the same shapes for OpenAPI; a contract test keeps them equal.
"""

from __future__ import annotations

from typing import Any

from api.content.model import Document
from api.site import PageView, Site

#: Fields a summary leaves out because they need the page rendered.
RENDERED_FIELDS = ("html", "excerpt", "plaintext", "toc", "word_count", "reading_time_minutes")


def summary(site: Site, doc: Document) -> dict[str, Any]:
    """A page without its body: what lists return."""
    return {
        "id": doc.id,
        "collection": doc.collection,
        "slug": doc.slug,
        "url": doc.url,
        "source_path": doc.source_path,
        "title": doc.title,
        "description": doc.description,
        "lang": doc.lang,
        "published": doc.published,
        "order": doc.order,
        "date": doc.date.isoformat() if doc.date is not None else None,
        "layout": doc.layout,
        "featured_image_path": doc.featured_image_path,
        "timeline": site.timeline_json(doc.id),
        "data": doc.data,
    }


def rendered_fields(site: Site, doc: Document, sanitize: bool = False) -> dict[str, Any]:
    page = site.rendered(doc)
    return {
        "html": site.html(doc, sanitize),
        "excerpt": page.excerpt,
        "plaintext": page.plaintext,
        "toc": [{"level": t.level, "id": t.id, "text": t.text} for t in page.toc],
        "word_count": page.word_count,
        "reading_time_minutes": page.reading_time_minutes,
    }


def translations(site: Site, doc: Document) -> list[dict[str, str]]:
    """The page in other languages: ``[{lang, id, url}]``, by language."""
    return [{"lang": t.lang, "id": t.id, "url": t.url} for t in site.translations.of(doc.id)]


def link(doc: Document | None) -> dict[str, Any] | None:
    if doc is None:
        return None
    return {"id": doc.id, "title": doc.title, "url": doc.url}


def detail(site: Site, view: PageView, sanitize: bool = False) -> dict[str, Any]:
    """The whole page: summary, body and derived fields, and its neighbours."""
    body = summary(site, view.document)
    body.update(rendered_fields(site, view.document, sanitize))
    body["translations"] = translations(site, view.document)
    body["previous"] = link(view.previous)
    body["next"] = link(view.next)
    return body
