"""A page detail with a query string (``expand``, backlink ``sort``): one implementation for
the fast path and the route, cached per distinct query string like the lists."""

from __future__ import annotations

from api.http import representations as rep
from api.http.cache import Cached
from api.http.expansion import Expander, needs_rendering
from api.http.listing import WouldBlock, params_of
from api.http.runtime import Served
from api.query import parse_page_query
from api.query.params import PAGE_PARAMS


def respond(
    served: Served, doc_id: str, query_string: str, *, sanitize: bool = False, inline: bool
) -> Cached | None:
    """The page ``doc_id`` as its query string asks (None: no such page).

    Raises QueryError for a bad ``expand`` or ``sort``. With ``inline`` (on the event loop),
    raises WouldBlock instead of rendering, or when the query holds a parameter only the
    route reads (``sanitize``).
    """
    store, site = served.store, served.site
    key = ("page", doc_id, query_string, sanitize)
    found = store.cached_query(key)
    if found is not None:
        return found
    doc = site.get(doc_id)
    if doc is None:
        return None
    params = params_of(query_string)
    if inline and any(name not in PAGE_PARAMS for name, _ in params):
        raise WouldBlock()
    query = parse_page_query(params)
    wanted = store.plan(query.expand, query.backlink_sort)
    # On the event loop only when the page itself was served already (rendered, sanitized
    # if the server sanitizes): expanded pages are summaries, which need no rendering.
    if inline and (doc_id not in store.by_path or needs_rendering(wanted)):
        raise WouldBlock()
    if not wanted:
        return store.page(doc_id, sanitize)

    def build() -> Cached:
        body = rep.detail(site, site.view(doc), sanitize)
        return store.json(Expander(served, wanted).page(body, doc_id, every_backlink=True))

    return store.query(key, build)
