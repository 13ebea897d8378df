"""The query and search indexes of a site, over its documents in the default order."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from api.site.references import References

#: Fields the renderer derives; asking for them in a filter or sort renders the pages.
RENDERED = frozenset({"excerpt", "plaintext", "word_count", "reading_time_minutes"})


def query_index(
    documents: tuple[Document, ...],
    timelines: frozenset[str],
    rendered: Callable[[Document], RenderedPage],
    groups: Callable[[], Sequence[int]] | None = None,
    references: References | None = None,
) -> QueryIndex:
    """``groups``: each document's translation group, for ``lang`` with fallback;
    ``references``: the site's, for ``filter[references]`` and the like."""
    core = core_resolver(timelines)
    linked = _reference_fields(references)

    def resolve(doc: Document, field: str) -> Any:
        if field in RENDERED:
            value = getattr(rendered(doc), field)
            return MISSING if value is None else value
        if field in linked:
            ids = linked[field](doc.id)
            return list(ids) if ids else MISSING
        return core(doc, field)

    resolver: FieldResolver = resolve
    fields = CORE_FIELDS | RENDERED | frozenset(linked)
    return QueryIndex(documents, resolver, timelines, fields=fields, groups=groups)


#: Fields of page ids, for ``filter[references]=<id>`` and the like.
REFERENCES = "references"
REFERENCED_BY = "referenced_by"


def _reference_fields(references: References | None) -> dict[str, Callable[[str], Any]]:
    """``references`` (the pages a page points at, whatever the key), ``references.KEY``
    (through one key) and ``referenced_by`` (the pages that point at it)."""
    if references is None:
        return {}
    fields: dict[str, Callable[[str], Any]] = {
        REFERENCES: references.targets,
        REFERENCED_BY: references.sources,
    }
    for key in references.schema.all_keys:
        fields[f"{REFERENCES}.{key}"] = _through(references, key)
    return fields


def _through(references: References, key: str) -> Callable[[str], tuple[str, ...]]:
    def targets(doc_id: str) -> tuple[str, ...]:
        return dict(references.outgoing(doc_id)).get(key, ())

    return targets


#: CloudCannon's convention, used by Jekyll sites' own search: such pages are not found.
EXCLUDE_KEY = "exclude_from_search"
#: How long a child may take to build the index before it is given up for a local build.
CHILD_LIMIT_SECONDS = 900.0
#: Below this much page text (characters) the index is built here: about a tenth of a second
#: per million characters, less than a child takes to start and import the search engine.
LOCAL_BELOW_CHARS = 2_000_000

log = logging.getLogger("content_api")


def search_index(documents: tuple[Document, ...]) -> SearchIndex:
    """Full-text search over titles, headings and body text taken from the markdown source
    (rendering every page just to index it would make a large site slow to become
    searchable), each page analysed in its language. Documents with
    ``exclude_from_search: true`` are left out.

    The index is built in a child process and handed over as bytes (its image): the
    work (seconds of CPU on a large site) then runs on another core and never competes
    with requests for this process's GIL. A small site (most reloads of most sites) is
    indexed here, faster than a child starts; so is any site where no child can be started.
    """
    if sum(len(doc.body) for doc in documents) >= LOCAL_BELOW_CHARS:
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
