"""The JSON shapes of the API as plain dicts, built from the core and serialized once.

``schemas.py`` describes the same shapes for OpenAPI; a contract test keeps them equal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from api.content.model import Document
from api.site import PageView, Site

#: Fields a summary leaves out because they need the page rendered.
RENDERED_FIELDS = ("html", "excerpt", "plaintext", "toc", "word_count", "reading_time_minutes")


def summary(
    site: Site, doc: Document, ref: Callable[[str], dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A page without its body: what lists return. ``ref`` gives the page references it
    holds (shared ones, from a cache, say)."""
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
        "references": references(site, doc.id, ref),
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
    """The whole page: summary, body and derived fields, its neighbours and backlinks."""
    body = summary(site, view.document)
    body.update(rendered_fields(site, view.document, sanitize))
    body["translations"] = translations(site, view.document)
    body["previous"] = link(view.previous)
    body["next"] = link(view.next)
    body["referenced_by"] = referenced_by(site, view.document.id)
    return body


# -- references between pages ----------------------------------------------------------------
def page_ref(doc: Document) -> dict[str, Any]:
    """How a page names another it refers to (or is referred to by)."""
    return {"id": doc.id, "collection": doc.collection, "title": doc.title, "url": doc.url}


def references(
    site: Site, doc_id: str, ref: Callable[[str], dict[str, Any]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """``{KEY: [PageRef, ...]}`` in front-matter order; keys that name no page left out."""
    by_id = site.snapshot.by_id

    def fresh(target: str) -> dict[str, Any]:
        return page_ref(by_id[target])

    make = ref or fresh
    return {key: [make(t) for t in ids] for key, ids in site.references.outgoing(doc_id)}


def referenced_by(site: Site, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """``{"<collection>.<key>": [PageRef, ...]}``, each in the source collection's order."""
    by_id = site.snapshot.by_id
    return {
        group: [page_ref(by_id[source]) for source in ids]
        for group, ids in site.references.incoming(doc_id)
    }
