"""The query and search indexes of a site, over its documents in the default order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from api.content.model import Document
from api.query import (
    CORE_FIELDS,
    MISSING,
    FieldResolver,
    QueryIndex,
    SearchEntry,
    SearchIndex,
    core_resolver,
)
from api.render.result import RenderedPage

#: Fields the renderer derives; asking for them in a filter or sort renders the pages.
RENDERED = frozenset({"excerpt", "plaintext", "word_count", "reading_time_minutes"})


def query_index(
    documents: tuple[Document, ...],
    timelines: frozenset[str],
    rendered: Callable[[Document], RenderedPage],
) -> QueryIndex:
    core = core_resolver(timelines)

    def resolve(doc: Document, field: str) -> Any:
        if field in RENDERED:
            value = getattr(rendered(doc), field)
            return MISSING if value is None else value
        return core(doc, field)

    resolver: FieldResolver = resolve
    return QueryIndex(documents, resolver, timelines, fields=CORE_FIELDS | RENDERED)


#: CloudCannon's convention, used by Jekyll sites' own search: such pages are not found.
EXCLUDE_KEY = "exclude_from_search"


def search_index(documents: tuple[Document, ...]) -> SearchIndex:
    """FTS5 over titles, headings and body text taken from the markdown source: rendering
    every page just to index it would make a large site slow to become searchable.
    Documents with ``exclude_from_search: true`` are left out."""
    return SearchIndex.build(
        SearchEntry.of(doc, position)
        for position, doc in enumerate(documents)
        if doc.data.get(EXCLUDE_KEY) is not True
    )
