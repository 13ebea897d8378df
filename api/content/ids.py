"""Document ids: derived from the source path, and never shared by two documents.

An id is the path without its extension and without the ``_`` of the folder that makes the
collection: ``about`` (a page), ``countries/sudan`` (``_countries/sudan.md``),
``posts/2020-01-01-hello`` (``_posts/``), ``posts/en/news/2020-01-01-hello``
(``en/news/_posts/``), ``drafts/fr/idee`` (``fr/_drafts/``). So ids are the same on every
reload and every replica, and a post in a language folder never takes another's id.

Only two files that are the same document (``x.md`` beside ``x.markdown``, which Jekyll
writes to the same place) can share one: the first path keeps it, the other is not served
(``duplicate-id``). Two different documents that happen to derive the same id (a page
``posts/2020-01-01-a.md`` and a post ``_posts/2020-01-01-a.md``) are both served: one keeps
the id, the other takes its qualified id (``pages/posts/2020-01-01-a``), with an
``id-qualified`` diagnostic.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from api.content.diagnostics import Diagnostic, warning
from api.content.model import Document, Kind

if TYPE_CHECKING:
    from api.content.documents import Origin


def document_id(origin: Origin, stem: str) -> str:
    """The id: the path without its extension, and without the ``_`` of the folder that makes
    the collection. A page is ``about/index``, a collection document ``countries/sudan``, a
    post ``posts/2020-01-01-hello`` in ``_posts/`` and ``posts/en/news/2020-01-01-hello`` in
    ``en/news/_posts/`` (a draft: ``drafts/...``)."""
    inner_dir = posixpath.dirname(origin.inner)
    path = posixpath.join(inner_dir, stem) if inner_dir else stem
    if origin.kind is Kind.PAGE:
        return path
    label = "drafts" if origin.kind is Kind.DRAFT else origin.label
    if origin.prefix:
        return f"{label}/{origin.prefix}/{path}"
    return f"{label}/{path}"


#: Which document keeps an id that two different files derive: collection documents, then
#: posts, then drafts, then pages (then the first path).
_KIND_RANK = {Kind.DOCUMENT: 0, Kind.POST: 1, Kind.DRAFT: 2, Kind.PAGE: 3}


def unique(documents: list[Document], problems: list[Diagnostic]) -> list[Document]:
    """One document per id. Two files that are the same document (``x.md`` beside
    ``x.markdown``) keep the first path and report a ``duplicate-id``; two different
    documents that happen to derive the same id (a page ``posts/2020-01-01-a.md`` and a post
    ``_posts/2020-01-01-a.md``) are both served, the second under its qualified id."""
    groups: dict[str, list[Document]] = {}
    for doc in documents:
        groups.setdefault(doc.id, []).append(doc)
    taken = set(groups)
    kept: list[Document] = []
    for docs in groups.values():
        docs.sort(key=lambda d: (_KIND_RANK[d.kind], d.source_path))
        first = docs[0]
        kept.append(first)
        for doc in docs[1:]:
            qualified = qualified_id(doc)
            if _same_document(first, doc) or qualified in taken:
                message = (
                    f"Another file, {first.source_path}, has the same id `{doc.id}`; "
                    "that one is served and this one is not."
                )
                problems.append(warning(doc.source_path, "duplicate-id", message))
                continue
            taken.add(qualified)
            kept.append(replace(doc, id=qualified))
            message = (
                f"{first.source_path} has the id `{doc.id}` too; this document is served as "
                f"`{qualified}`."
            )
            problems.append(warning(doc.source_path, "id-qualified", message))
    kept.sort(key=lambda d: d.source_path)
    urls = Counter(doc.url for doc in kept)
    for doc in kept:
        if urls[doc.url] > 1 and doc.output:
            message = f"Other pages have the same URL {doc.url}; /api/v1/find returns the first."
            problems.append(warning(doc.source_path, "duplicate-url", message))
    return kept


def qualified_id(doc: Document) -> str:
    """The id of a document whose plain id another one holds: its kind, then its whole path
    without the extension (``posts/en/_posts/news/2020-01-01-a``, ``pages/posts/a``)."""
    path = posixpath.splitext(doc.source_path)[0]
    if doc.kind is Kind.PAGE:
        return f"pages/{path}"
    label = "drafts" if doc.kind is Kind.DRAFT else doc.collection or "pages"
    return f"{label}/{path}"


def _same_document(first: Document, other: Document) -> bool:
    """Files that differ only by their extension: Jekyll writes them to the same place."""
    return posixpath.splitext(first.source_path)[0] == posixpath.splitext(other.source_path)[0]
