"""The default order of documents: each collection in its Jekyll order.

Within a collection: the ``sort_by`` key when configured, then the position in the
collection's ``order`` list, then the ``order`` front matter, then the title, then the path
(so ties are stable). Posts (and drafts) are in Jekyll's order for them: by date, then by
path, so a post's ``previous`` is the one before it in time, as Jekyll's ``page.previous``.
Collections follow their order in ``_config.yml``, then posts, then top-level pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from api.content.config import SiteConfig
from api.content.model import Document

SortValue = tuple[int, int, float, str]
_MISSING: SortValue = (1, 0, 0.0, "")


def sort_key_value(value: Any) -> SortValue:
    """A total order over JSON-ish values: numbers, then text, then booleans; missing last."""
    if value is None:
        return _MISSING
    if isinstance(value, bool):
        return (0, 2, float(value), "")
    if isinstance(value, int | float):
        return (0, 0, float(value), "")
    if isinstance(value, datetime | date):
        return (0, 1, 0.0, value.isoformat())
    return (0, 1, 0.0, str(value))


def default_order(documents: Iterable[Document], config: SiteConfig) -> list[Document]:
    rank = {c.label: i for i, c in enumerate(config.collections)}
    by_label = {c.label: c for c in config.collections}
    order_lists = {c.label: {name: i for i, name in enumerate(c.order)} for c in config.collections}

    def key(doc: Document) -> tuple[Any, ...]:
        label = doc.collection
        if label is None:
            group = (2, 0, "")
        elif label in rank:
            group = (0, rank[label], label)
        else:
            group = (1, 0, label)
        collection = by_label.get(label) if label is not None else None
        if label == "posts" and not (collection and (collection.sort_by or collection.order)):
            moment = doc.date.timestamp() if doc.date is not None else float("inf")
            return (group, moment, doc.source_path)
        sort_by = (
            sort_key_value(doc.data.get(collection.sort_by))
            if collection and collection.sort_by
            else _MISSING
        )
        listed = order_lists.get(label or "", {})
        position = listed.get(doc.inner_path, len(listed))
        return (
            group,
            sort_by,
            position,
            (doc.order is None, doc.order or 0),
            (doc.title or "").casefold(),
            doc.source_path,
        )

    return sorted(documents, key=key)
