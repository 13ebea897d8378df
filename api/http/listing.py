"""The list resources (pages, timelines, search): one implementation for the fast path and
the routes.

The query string is validated once, by ``api.query``'s parsers (the OpenAPI schema declares
the same rules); the response is built once per distinct query string and content version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import Scope

from api.http import representations as rep
from api.http.cache import Cached
from api.http.expansion import Expander, needs_rendering
from api.http.runtime import Served
from api.query import (
    LIST_PARAMS,
    ListQuery,
    parse_list_query,
    parse_search_query,
    project,
    query_pairs,
)
from api.query.languages import rank

Params = list[tuple[str, str]]
TIMELINE_PARAMS = LIST_PARAMS - {"has_timeline", "include", "expand"}
TRANSLATIONS = "translations"
FALLBACK = "lang_fallback"
#: How long a request in a worker thread may wait for a new site's search index.
INDEX_WAIT_SECONDS = 30.0


class WouldBlock(Exception):
    """The response needs slow work (rendering, waiting for the search index): the caller
    on the event loop should hand it to a worker thread instead."""


class IndexNotReady(Exception):
    """The search index is still being built after the wait."""


def params_of(query_string: str) -> Params:
    """``query_string`` as it came off the wire, each byte one latin-1 character."""
    return query_pairs(query_string)


def raw_query(scope: Scope) -> str:
    """The request's query string, each byte one latin-1 character: what the fast path
    reads too, so both paths parse, and cache, the same text."""
    raw: bytes = scope.get("query_string", b"")
    return raw.decode("latin-1")


def respond(served: Served, kind: str, path: str, query_string: str, *, inline: bool) -> Cached:
    """The response for ``kind`` ("pages", "timelines" or "search").

    Raises QueryError for a bad parameter. With ``inline`` (on the event loop), raises
    WouldBlock instead of rendering pages or waiting for the search index.
    """
    store = served.store
    key = (kind, query_string)
    found = store.cached_query(key)
    if found is not None:
        return found
    params = params_of(query_string)
    if kind == "search":
        build = _search(served, params, path, inline)
    else:
        build = _list(served, kind, params, path, inline)
    return store.query(key, build)


async def respond_async(served: Served, kind: str, request: Request) -> Cached:
    """``respond`` for a route: on the event loop when that is quick, else in a thread."""
    path, query = request.url.path, raw_query(request.scope)
    try:
        return respond(served, kind, path, query, inline=True)
    except WouldBlock:
        return await run_in_threadpool(respond, served, kind, path, query, inline=False)


def _list(
    served: Served, kind: str, params: Params, path: str, inline: bool
) -> Callable[[], Cached]:
    if kind == "timelines":
        allowed = TIMELINE_PARAMS | {"has_timeline"}
        query = parse_list_query([*params, ("has_timeline", "true")], allowed=allowed)
        item = _timeline_item(served, query)
    else:
        query = parse_list_query(params)
        item = _page_item(served, query, inline)
    if query.lang_fallback and inline and not served.site.translations_ready:
        raise WouldBlock()  # the translation groups are built once, off the event loop
    return lambda: _page_list(served, query, path, params, item)


def _search(served: Served, params: Params, path: str, inline: bool) -> Callable[[], Cached]:
    query = parse_search_query(params)
    if not query.has_words:
        # Nothing to search for: no page matches, and no index is needed to say so.
        return lambda: _envelope(served, [], 0, query.limit, query.offset, path, params)
    wanted = served.store.plan(query.expand, ())
    index = served.store.search_index(0.0 if inline else INDEX_WAIT_SECONDS)
    if index is None:
        if inline:
            raise WouldBlock()
        raise IndexNotReady()

    def build() -> Cached:
        result = index.search(
            query.q,
            collections=query.collections,
            langs=query.langs,
            limit=query.limit,
            offset=query.offset,
        )
        data = [asdict(hit) for hit in result.hits]
        if wanted:
            expander = Expander(served, wanted)
            data = [expander.hit(hit, hit["id"]) for hit in data]
        return _envelope(served, data, result.total, query.limit, query.offset, path, params)

    return build


def link_header(
    path: str, params: Sequence[tuple[str, str]], limit: int, offset: int, total: int
) -> str:
    """RFC 8288 ``Link``: first, prev, next and last pages of the same query."""
    kept = urlencode([(k, v) for k, v in params if k != "offset"])
    prefix = f"{path}?{kept}&offset=" if kept else f"{path}?offset="
    last = (total - 1) // limit * limit if total else 0
    links = [f'<{prefix}0>; rel="first"']
    if offset > 0:
        links.append(f'<{prefix}{max(0, min(offset, total) - limit)}>; rel="prev"')
    if offset + limit < total:
        links.append(f'<{prefix}{offset + limit}>; rel="next"')
    links.append(f'<{prefix}{last}>; rel="last"')
    return ", ".join(links)


def _page_list(
    served: Served,
    query: ListQuery,
    path: str,
    params: Sequence[tuple[str, str]],
    item: Callable[[str], dict[str, Any]],
) -> Cached:
    result = served.site.query_index.run(query)
    data = [item(doc_id) for doc_id in result.ids]
    return _envelope(served, data, result.total, query.limit, query.offset, path, params)


def _envelope(
    served: Served,
    data: list[dict[str, Any]],
    total: int,
    limit: int,
    offset: int,
    path: str,
    params: Sequence[tuple[str, str]],
) -> Cached:
    """``{data, meta}`` with the paging headers (``Link``, ``X-Total-Count``)."""
    body = {"data": data, "meta": {"total": total, "limit": limit, "offset": offset}}
    headers = (
        ("link", link_header(path, params, limit, offset, total)),
        ("x-total-count", str(total)),
    )
    return served.store.json(body, extra=headers)


def _page_item(served: Served, query: ListQuery, inline: bool) -> Callable[[str], dict[str, Any]]:
    site = served.site
    fields = query.fields
    wanted = [f for f in rep.RENDERED_FIELDS if f in query.include or (fields and f in fields)]
    with_translations = TRANSLATIONS in query.include or bool(fields and TRANSLATIONS in fields)
    backlinks = "referenced_by" in query.include
    expanding = served.store.plan(query.expand, query.backlink_sort)
    renders = (
        wanted
        or any(_rendered(f.field) for f in query.filters)
        or any(_rendered(s.field) for s in query.sort)
        or needs_rendering(expanding)
    )
    if (renders or (with_translations and not site.translations_ready)) and inline:
        raise WouldBlock()
    expander = Expander(served, expanding) if expanding else None

    def item(doc_id: str) -> dict[str, Any]:
        record = served.store.summary(doc_id)
        if wanted:
            rendered = rep.rendered_fields(site, site.snapshot.by_id[doc_id])
            record = {**record, **{name: rendered[name] for name in wanted}}
        if with_translations:
            record = {**record, TRANSLATIONS: rep.translations(site, site.snapshot.by_id[doc_id])}
        if expander is not None:
            record = expander.page(record, doc_id, every_backlink=backlinks)
        elif backlinks:
            record = {**record, "referenced_by": rep.referenced_by(site, doc_id)}
        record = record if fields is None else project(record, fields)
        return _mark_fallback(record, site.snapshot.by_id[doc_id].lang, query)

    return item


def _mark_fallback(record: dict[str, Any], lang: str | None, query: ListQuery) -> dict[str, Any]:
    """With ``lang_fallback``, whether the page stands in for one missing in the first
    language asked for."""
    if not query.lang_fallback:
        return record
    return {**record, FALLBACK: rank(lang, query.langs) != 0}


def _rendered(field: str) -> bool:
    return field in rep.RENDERED_FIELDS


def _timeline_item(served: Served, query: ListQuery) -> Callable[[str], dict[str, Any]]:
    site = served.site
    fields = query.fields

    def item(doc_id: str) -> dict[str, Any]:
        doc = site.snapshot.by_id[doc_id]
        record = {
            "id": doc.id,
            "title": doc.title,
            "url": doc.url,
            "collection": doc.collection,
            "lang": doc.lang,
            "timeline": site.timeline_json(doc_id),
        }
        record = record if fields is None else project(record, fields)
        return _mark_fallback(record, doc.lang, query)

    return item
