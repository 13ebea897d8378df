"""What Liquid sees as ``page`` and ``site``, built from the snapshot as Jekyll builds them."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from api.content.model import Document, Kind
from api.content.snapshot import Snapshot


def page_vars(doc: Document) -> dict[str, Any]:
    """``page.*``: the front matter after defaults, plus what Jekyll adds to a document."""
    page: dict[str, Any] = dict(doc.data)
    name = posixpath.basename(doc.source_path)
    page.update(
        url=doc.url,
        path=doc.source_path,
        relative_path=doc.source_path,
        name=name,
        ext=posixpath.splitext(name)[1],
        title=doc.title if doc.title is not None else page.get("title"),
    )
    if doc.kind is not Kind.PAGE:
        page.update(
            id=doc.url.removesuffix(".html").rstrip("/") or "/",
            slug=doc.slug,
            collection=doc.collection,
            draft=doc.kind is Kind.DRAFT,
            output=doc.output,
        )
        page.setdefault("categories", [])
        page.setdefault("tags", [])
    if doc.date is not None:
        page["date"] = doc.date
    return page


def site_vars(snapshot: Snapshot) -> dict[str, Any]:
    """``site.*`` without the documents (those are added lazily)."""
    site = dict(snapshot.config.raw)
    site.update(
        url=snapshot.config.url,
        baseurl=snapshot.config.baseurl,
        time=datetime.now(UTC),
    )
    return site


def documents_by_label(snapshot: Snapshot) -> Mapping[str, Sequence[Mapping[str, Any]]]:
    """``site.<label>``, ``site.pages`` and ``site.posts``: each document's page variables."""
    groups: dict[str, list[Mapping[str, Any]]] = {"pages": [], "posts": []}
    for doc in snapshot.documents:
        label = "pages" if doc.kind is Kind.PAGE else doc.collection or "pages"
        groups.setdefault(label, []).append(page_vars(doc))
    return groups
