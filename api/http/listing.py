"""Lists of pages: running a parsed query against the site and shaping the response."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from api.http import representations as rep
from api.http.cache import Cached
from api.http.runtime import Served
from api.query import ListQuery, project


def link_header(path: str, params: Sequence[tuple[str, str]], query: ListQuery, total: int) -> str:
    """RFC 8288 ``Link``: first, prev, next and last pages of the same query."""
    kept = [(k, v) for k, v in params if k != "offset"]
    limit, offset = query.limit, query.offset

    def url(at: int) -> str:
        return f"{path}?{urlencode([*kept, ('offset', str(at))])}"

    last = max(0, (total - 1) // limit * limit) if total else 0
    links = [f'<{url(0)}>; rel="first"']
    if offset > 0:
        links.append(f'<{url(max(0, offset - limit))}>; rel="prev"')
    if offset + limit < total:
        links.append(f'<{url(offset + limit)}>; rel="next"')
    links.append(f'<{url(last)}>; rel="last"')
    return ", ".join(links)


def page_list(
    served: Served,
    query: ListQuery,
    path: str,
    params: Sequence[tuple[str, str]],
    item: Callable[[str], dict[str, Any]],
) -> Cached:
    result = served.site.query_index.run(query)
    data = [item(doc_id) for doc_id in result.ids]
    body = {
        "data": data,
        "meta": {"total": result.total, "limit": query.limit, "offset": query.offset},
    }
    headers = (
        ("link", link_header(path, params, query, result.total)),
        ("x-total-count", str(result.total)),
    )
    return served.store.json(body, extra=headers)


def page_item(served: Served, query: ListQuery) -> Callable[[str], dict[str, Any]]:
    site = served.site
    fields = query.fields
    wanted = [f for f in rep.RENDERED_FIELDS if f in query.include or (fields and f in fields)]

    def item(doc_id: str) -> dict[str, Any]:
        record = served.store.summary(doc_id)
        if wanted:
            rendered = rep.rendered_fields(site, site.snapshot.by_id[doc_id])
            record = {**record, **{name: rendered[name] for name in wanted}}
        return record if fields is None else project(record, fields)

    return item


def timeline_item(served: Served) -> Callable[[str], dict[str, Any]]:
    site = served.site

    def item(doc_id: str) -> dict[str, Any]:
        doc = site.snapshot.by_id[doc_id]
        return {
            "id": doc.id,
            "title": doc.title,
            "url": doc.url,
            "collection": doc.collection,
            "timeline": site.timeline_json(doc_id),
        }

    return item
