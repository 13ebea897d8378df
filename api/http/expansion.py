"""``expand=``: page references replaced by the pages themselves, in one response.

An expanded reference is the page's summary (the list item: every field with ``data`` and
its own ``references``), expanded further where the plan says so. A page already being
expanded on the way down (the page itself included) stays a page reference: cycles stop
there, and depth is bounded by the plan. Backlinks are ordered by the plan's ``sort``.
Records come from the store's caches and are never modified: every level is a new dict.
"""

from __future__ import annotations

from typing import Any

from api.http.runtime import Served
from api.query import QueryError
from api.query.expand import MAX_EXPANDED, Node, Plan
from api.site.indexes import RENDERED

Record = dict[str, Any]


def needs_rendering(plan: Plan) -> bool:
    """Whether ordering backlinks as asked renders pages (sorting on ``word_count``...)."""
    return any(key.field in RENDERED for keys in plan.sorts.values() for key in keys)


class Expander:
    """Expands the records of one response. Not thread-safe: one per response."""

    def __init__(self, served: Served, plan: Plan) -> None:
        self.site = served.site
        self.store = served.store
        self.plan = plan
        self.expanded = 0

    def page(self, record: Record, doc_id: str, *, every_backlink: bool) -> Record:
        """``record`` (a summary or a page detail of ``doc_id``) with its expansions.

        ``every_backlink``: the record shows all of its backlinks (the page detail, or a list
        with ``include=referenced_by``), expanded or not; otherwise only expanded groups."""
        ancestors = frozenset({doc_id})
        return self._apply(dict(record), doc_id, self.plan.root, ancestors, every_backlink)

    def hit(self, record: Record, doc_id: str) -> Record:
        """A search hit with the expanded references and backlinks only."""
        out = dict(record)
        root, ancestors = self.plan.root, frozenset({doc_id})
        keys = root.keys()
        chosen = {
            key: [self._expand(t, keys[key], ancestors) for t in ids]
            for key, ids in self.site.references.outgoing(doc_id)
            if key in keys
        }
        if keys:
            out["references"] = chosen
        if root.has_backlinks:
            out["referenced_by"] = self._backlinks(doc_id, root, ancestors, every=False)
        return out

    def _apply(
        self, out: Record, doc_id: str, node: Node, ancestors: frozenset[str], every: bool
    ) -> Record:
        keys = node.keys()
        if keys:
            links = self.site.references.outgoing(doc_id)
            refs = dict(out.get("references", {}))
            for key, ids in links:
                if key in keys:
                    refs[key] = [self._expand(t, keys[key], ancestors) for t in ids]
            out["references"] = refs
        if node.has_backlinks or (every and self.plan.sorts):
            out["referenced_by"] = self._backlinks(doc_id, node, ancestors, every)
        return out

    def _backlinks(
        self, doc_id: str, node: Node, ancestors: frozenset[str], every: bool
    ) -> dict[str, list[Record]]:
        found: dict[str, list[Record]] = {}
        for group, ids in self.site.references.incoming(doc_id):
            child = node.backlinks(group)
            if child is None and not every:
                continue
            ordered = self._ordered(group, ids)
            if child is None:
                found[group] = [self.store.page_ref(s) for s in ordered]
            else:
                found[group] = [self._expand(s, child, ancestors) for s in ordered]
        return found

    def _expand(self, doc_id: str, node: Node, ancestors: frozenset[str]) -> Record:
        if doc_id in ancestors:
            return self.store.page_ref(doc_id)
        self.expanded += 1
        if self.expanded > MAX_EXPANDED:
            raise QueryError(
                "expand",
                f"would expand more than {MAX_EXPANDED} pages in one response; expand fewer "
                "keys or levels, or ask for fewer items (limit)",
            )
        summary = self.store.summary(doc_id)
        if not node.steps:
            return summary
        return self._apply(dict(summary), doc_id, node, ancestors | {doc_id}, False)

    def _ordered(self, group: str, ids: tuple[str, ...]) -> tuple[str, ...]:
        sort = self.plan.sort_of(group)
        if not sort or len(ids) < 2:
            return ids
        index = self.site.query_index
        ranks = index.ranks(sort)

        def rank(source: str) -> int:
            at = index.position(source)  # None for a page no list shows (a redirect)
            return len(ranks) if at is None else int(ranks[at])

        return tuple(sorted(ids, key=rank))
