"""The orders Jekyll gives ``site.posts``, ``site.pages`` and ``site.<collection>`` in Liquid.

These are Jekyll's, not the API's default list order (``ordering``):

- a collection: the files listed in its ``order`` first; else by its ``sort_by`` key
  (documents without the key last), ties by Jekyll's document order; else by Jekyll's
  document order: by date when both documents have one, then by path;
- ``site.posts``: that document order reversed, so the newest first and, on the same date,
  the path that sorts last first;
- ``site.pages``: the pages read from disk by file name (then path), then the pages
  plugins made of files without front matter, by path, then the READMEs made indexes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from datetime import datetime
from functools import cmp_to_key
from typing import Any

from api.content.config import CollectionConfig
from api.content.model import Document


def _cmp(a: Any, b: Any) -> int | None:
    """Ruby's ``<=>`` over front-matter values: None when they do not compare."""
    if isinstance(a, bool) or isinstance(b, bool):
        return 0 if a is b else None
    if isinstance(a, int | float) and isinstance(b, int | float):
        return (a > b) - (a < b)
    if isinstance(a, str) and isinstance(b, str):
        return (a > b) - (a < b)
    if isinstance(a, datetime) and isinstance(b, datetime):
        return (a > b) - (a < b)
    if isinstance(a, list) and isinstance(b, list):
        for x, y in zip(a, b, strict=False):
            found = _cmp(x, y)
            if found != 0:
                return found
        return (len(a) > len(b)) - (len(a) < len(b))
    return None


def _dated(doc: Document) -> datetime | None:
    # Jekyll compares ``data["date"]``: a post always has one, other documents only when
    # their front matter (or defaults) sets it.
    if doc.kind.value in ("post", "draft") or "date" in doc.data:
        return doc.date
    return None


def document_cmp(a: Document, b: Document) -> int:
    """Jekyll's ``Document#<=>``: by date when both have one, then by path."""
    found = _cmp(_dated(a), _dated(b))
    if found:
        return found
    return (a.source_path > b.source_path) - (a.source_path < b.source_path)


def collection_order(
    documents: Iterable[Document], collection: CollectionConfig | None
) -> list[Document]:
    docs = sorted(documents, key=cmp_to_key(document_cmp))
    if collection is None:
        return docs
    if collection.order:
        by_inner = {doc.inner_path: doc for doc in docs}
        listed = [by_inner[name] for name in dict.fromkeys(collection.order) if name in by_inner]
        chosen = {id(doc) for doc in listed}
        return listed + [doc for doc in docs if id(doc) not in chosen]
    key = collection.sort_by
    if key:

        def by_key(a: Document, b: Document) -> int:
            left, right = a.data.get(key), b.data.get(key)
            if left is None and right is not None:
                return 1
            if left is not None and right is None:
                return -1
            return _cmp(left, right) or document_cmp(a, b)

        return sorted(docs, key=cmp_to_key(by_key))
    return docs


def posts_order(documents: Iterable[Document]) -> list[Document]:
    """``site.posts``: newest first."""
    return sorted(documents, key=cmp_to_key(document_cmp), reverse=True)


def pages_order(documents: Iterable[Document]) -> list[Document]:
    """``site.pages``."""

    def key(doc: Document) -> tuple[int, str, str]:
        if doc.front_matter:
            return (0, posixpath.basename(doc.source_path), doc.source_path)
        readme = posixpath.basename(doc.source_path).lower().startswith("readme.")
        return (2 if readme and doc.url.endswith("/") else 1, "", doc.source_path)

    return sorted(documents, key=key)
