"""The query and search indexes of a site, over its documents in the default order."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from api import processes
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
from api.query.search import SearchImage
from api.render.result import RenderedPage

#: Fields the renderer derives; asking for them in a filter or sort renders the pages.
RENDERED = frozenset({"excerpt", "plaintext", "word_count", "reading_time_minutes"})


def query_index(
    documents: tuple[Document, ...],
    timelines: frozenset[str],
    rendered: Callable[[Document], RenderedPage],
    groups: Callable[[], Sequence[int]] | None = None,
) -> QueryIndex:
    """``groups``: each document's translation group, for ``lang`` with fallback."""
    core = core_resolver(timelines)

    def resolve(doc: Document, field: str) -> Any:
        if field in RENDERED:
            value = getattr(rendered(doc), field)
            return MISSING if value is None else value
        return core(doc, field)

    resolver: FieldResolver = resolve
    return QueryIndex(documents, resolver, timelines, fields=CORE_FIELDS | RENDERED, groups=groups)


#: CloudCannon's convention, used by Jekyll sites' own search: such pages are not found.
EXCLUDE_KEY = "exclude_from_search"
#: How long a child may take to build the index before it is given up for a local build.
CHILD_LIMIT_SECONDS = 900.0

log = logging.getLogger("content_api")


def search_index(documents: tuple[Document, ...]) -> SearchIndex:
    """FTS5 over titles, headings and body text taken from the markdown source (rendering
    every page just to index it would make a large site slow to become searchable).
    Documents with ``exclude_from_search: true`` are left out.

    The index is built in a child process and handed over as a serialized database: the
    work (seconds of CPU on a large site) then runs on another core and never competes
    with requests for this process's GIL. Where no child can be started, it is built here.
    """
    image = _build_in_child(documents)
    if image is not None:
        return SearchIndex.from_image(image)
    return SearchIndex.build(_entries(documents))


def _entries(documents: tuple[Document, ...]) -> Iterator[SearchEntry]:
    for position, doc in enumerate(documents):
        if doc.data.get(EXCLUDE_KEY) is not True:
            yield SearchEntry.of(doc, position)


def _build_in_child(documents: tuple[Document, ...]) -> SearchImage | None:
    try:
        image: SearchImage | None = processes.call_in_child(
            _child, documents, limit=CHILD_LIMIT_SECONDS
        )
    except TimeoutError:
        log.warning("building the search index in a child took too long; building it here")
        return None
    except processes.ChildFailed:
        return None
    return image


def _child(documents: tuple[Document, ...]) -> SearchImage | None:
    try:
        return SearchIndex.build(_entries(documents)).image()
    except Exception:  # the parent builds the index itself
        return None
