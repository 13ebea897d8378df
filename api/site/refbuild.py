"""One run of the references index: a first build, or a reload from the previous state.

The previous state keeps serving while a run works: the run copies each top-level table and
replaces an inner set the first time it writes to it ("owned" below), so nothing the
previous state holds ever changes. A first build owns everything and skips that
bookkeeping: it is the one run that touches every page (about a second at 100,000 pages).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from api.content.diagnostics import Diagnostic
from api.content.model import Document
from api.content.snapshot import Snapshot
from api.site.refmatch import aliases, build_table, values_of
from api.site.refstate import Candidate, Dangling, Links, Pair, Resolved, State, source_of

Diagnose = Callable[[Document, Dangling], tuple[Diagnostic, ...]]


class Finder(Protocol):
    def candidates(self, doc: Document) -> tuple[Candidate, ...]: ...


class Builder:
    """One run: the state of ``snapshot``, from ``base`` (the previous state) if given."""

    def __init__(
        self, snapshot: Snapshot, names: tuple[str, ...], base: State | None, finder: Finder
    ) -> None:
        self.snapshot = snapshot
        self.base = base
        self.finder = finder
        docs = snapshot.by_id
        self.state = State(names, docs) if base is None else base.copy(docs)
        self._groups: dict[str, list[Document]] | None = None
        self._lookups: dict[tuple[tuple[str, ...], str | None], list[dict[str, str]]] = {}
        self._owned: dict[str, set[Any]] = {}  # keys of state tables written to this run

    def run(self, diagnose: Diagnose) -> State:
        state, base, docs = self.state, self.base, self.snapshot.by_id
        if base is None:
            changed, removed = [d.id for d in self.snapshot.documents], []
        else:
            old = base.docs
            changed = [d.id for d in self.snapshot.documents if old.get(d.id) is not d]
            removed = [doc_id for doc_id in old if doc_id not in docs]
        todo = dict.fromkeys(changed)
        if base is not None:
            users = state.users or {}
            for name in self._refresh_tables(base, changed, removed):
                todo.update(dict.fromkeys(i for i in users.get(name, ()) if i in docs))
        touched: set[tuple[str, str]] = set()
        for doc_id in (*removed, *todo):
            if doc_id in state.resolved:
                old_doc = docs.get(doc_id) or base.docs[doc_id]  # type: ignore[union-attr]
                self._count(doc_id, source_of(old_doc), state.resolved.pop(doc_id), -1, touched)
        for doc_id in todo:
            doc = docs[doc_id]
            found = self._resolve(doc)
            if found:
                state.resolved[doc_id] = found
                self._count(doc_id, source_of(doc), found, 1, touched)
        state.resolved_now = len(todo)
        refresh = {*todo, *removed}
        if base is not None:
            flipped = {p for p in touched if _inferred(base, p) != _inferred(state, p)}
            if flipped:
                refresh.update(
                    doc_id
                    for doc_id, found in state.resolved.items()
                    if any((source_of(docs[doc_id]), r[0]) in flipped for r in found)
                )
        if base is None:
            self._link_all(diagnose)
        else:
            for doc_id in refresh:
                self._link(doc_id, diagnose)
        for doc_id in removed:
            state.incoming.pop(doc_id, None)
        return state

    # -- resolving --------------------------------------------------------------------------
    def _resolve(self, doc: Document) -> tuple[Resolved, ...]:
        candidates = self.finder.candidates(doc)
        if not candidates:
            return ()
        found = []
        data, lookups = doc.data, self._lookups
        for key, targets, value_key, declared in candidates:
            raw = data[key]
            if type(raw) is str:  # the usual case: one slug
                if not raw:
                    continue
                values: tuple[str, ...] = (raw,)
            else:
                values = values_of(raw)
                if not values:
                    continue
            tables = lookups.get((targets, value_key)) or self._tables(targets, value_key)
            if len(tables) == 1:
                get = tables[0].get
                pairs = tuple([(v, get(v[1:] if v[:1] == "/" else v)) for v in values])
            else:
                pairs = tuple([(v, _first(tables, v)) for v in values])
            found.append((key, targets, declared, pairs))
        return tuple(found)

    def _tables(self, targets: tuple[str, ...], value_key: str | None) -> list[dict[str, str]]:
        found = self._lookups.get((targets, value_key))
        if found is None:
            found = []
            for collection in targets:
                table = self.state.tables.get((collection, value_key))
                if table is None:
                    table = build_table(self._documents_of(collection), value_key)
                    self.state.tables[(collection, value_key)] = table
                found.append(table)
            self._lookups[(targets, value_key)] = found
        return found

    def _documents_of(self, collection: str) -> list[Document]:
        if self._groups is None:
            self._groups = {}
            for doc in self.snapshot.documents:
                if doc.collection is not None:
                    self._groups.setdefault(doc.collection, []).append(doc)
        return self._groups.get(collection, [])

    def _refresh_tables(
        self, base: State, changed: Iterable[str], removed: Iterable[str]
    ) -> set[tuple[str, str]]:
        """Rebuild the alias tables of collections where a page appeared, went away or
        answers to other names now; the (collection, name) pairs whose page may differ."""
        docs, old = self.snapshot.by_id, base.docs
        moved: dict[tuple[str, str | None], set[str]] = {}
        for doc_id in (*changed, *removed):
            before, after = old.get(doc_id), docs.get(doc_id)
            collection = (after or before).collection  # type: ignore[union-attr]
            for table_key in base.tables:
                if table_key[0] != collection:
                    continue
                kinds_before = _kinds(before, table_key[1])
                kinds_after = _kinds(after, table_key[1])
                if kinds_before != kinds_after:
                    # Names gained, lost, or now a better or worse kind of match.
                    names = moved.setdefault(table_key, set())
                    names.update(kinds_before.keys() ^ kinds_after.keys())
                    names.update(
                        n
                        for n in kinds_before.keys() & kinds_after.keys()
                        if kinds_before[n] != kinds_after[n]
                    )
        for collection, value_key in moved:
            table = build_table(self._documents_of(collection), value_key)
            self.state.tables[(collection, value_key)] = table
        return {(key[0], name) for key, names in moved.items() for name in names}

    # -- bookkeeping ------------------------------------------------------------------------
    def _count(
        self,
        doc_id: str,
        source: str,
        found: tuple[Resolved, ...],
        sign: int,
        touched: set[tuple[str, str]],
    ) -> None:
        state, fresh = self.state, self.base is None
        users = state.users if state.users is not None else None
        for key, targets, declared, pairs in found:
            pair_key = (source, key)
            touched.add(pair_key)
            pair = state.pairs.get(pair_key) if fresh else self._own("pairs", pair_key)
            if pair is None:
                pair = state.pairs[pair_key] = Pair()
            if declared:
                pair.declared += sign
            else:
                pair.nonempty += sign * len(pairs)
                matched = 0
                for _, target in pairs:
                    if target is not None:
                        matched += 1
                pair.matched += sign * matched
            if sign > 0 and len(pair.targets) < len(targets):
                pair.targets.update(dict.fromkeys(targets))
            if users is None:
                continue  # built from ``resolved`` when a reload first needs it
            for value, _ in pairs:
                wanted = value[1:] if value[:1] == "/" else value
                for collection in targets:
                    name = (collection, wanted)
                    if sign > 0:
                        self._own("users", name).add(doc_id)
                    else:
                        self._own("users", name).discard(doc_id)

    def _own(self, name: str, key: Any) -> Any:
        """``state.<name>[key]``, made this run's own (a copy) before it is written to."""
        table: dict[Any, Any] = getattr(self.state, name)
        owned = self._owned.setdefault(name, set())
        if key not in owned:
            owned.add(key)
            existing = table.get(key)
            if name == "pairs":
                table[key] = Pair() if existing is None else existing.copy()
            elif name == "users":
                table[key] = set() if existing is None else set(existing)
            else:
                table[key] = {} if existing is None else {g: set(i) for g, i in existing.items()}
        return table[key]

    def _link_all(self, diagnose: Diagnose) -> None:
        """:meth:`_link` for every page of a first build, where nothing was linked before."""
        state = self.state
        resolved, split, relink = state.resolved, self._split, self._relink
        for doc in self.snapshot.documents:
            found = resolved.get(doc.id)
            if not found:
                continue
            source = source_of(doc)
            links, dangling = split(source, found)
            if links:
                state.links[doc.id] = links
                relink(doc.id, f"{source}.", (), links)
            if dangling:
                state.dangling[doc.id] = dangling
                state.diagnostics[doc.id] = diagnose(doc, dangling)

    def _link(self, doc_id: str, diagnose: Diagnose) -> None:
        """What ``doc_id`` refers to now, its backlinks on the other side, its warnings."""
        state, base = self.state, self.base
        doc = self.snapshot.by_id.get(doc_id)
        links: Links = ()
        dangling: Dangling = ()
        found = state.resolved.get(doc_id) if doc is not None else None
        if doc is not None and found:
            links, dangling = self._split(source_of(doc), found)
        before = base.outgoing(doc_id) if base is not None else ()
        if links:
            state.links[doc_id] = links
        else:
            state.links.pop(doc_id, None)
        if links != before:
            old = doc if doc is not None else base.docs[doc_id]  # type: ignore[union-attr]
            self._relink(doc_id, f"{source_of(old)}.", before, links)
        if not dangling:
            state.dangling.pop(doc_id, None)
            state.diagnostics.pop(doc_id, None)
        elif not (
            base is not None
            and base.docs.get(doc_id) is doc
            and base.dangling.get(doc_id) == dangling
        ):  # the same problems in the same file keep their diagnostics
            state.dangling[doc_id] = dangling
            state.diagnostics[doc_id] = diagnose(doc, dangling)  # type: ignore[arg-type]

    def _split(self, source: str, found: tuple[Resolved, ...]) -> tuple[Links, Dangling]:
        pairs_of = self.state.pairs
        links: list[tuple[str, tuple[str, ...]]] = []
        dangling: list[tuple[str, str, tuple[str, ...]]] = []
        for key, targets, declared, pairs in found:
            if not (declared or pairs_of[(source, key)].inferred()):
                continue
            if len(pairs) == 1:
                value, target = pairs[0]
                if target is None:
                    dangling.append((key, value, targets))
                else:
                    links.append((key, (target,)))
                continue
            ids = tuple(dict.fromkeys(t for _, t in pairs if t is not None))
            if ids:
                links.append((key, ids))
            dangling += [(key, v, targets) for v, t in pairs if t is None]
        return tuple(links), tuple(dangling)

    def _relink(self, doc_id: str, prefix: str, before: Links, after: Links) -> None:
        incoming = self.state.incoming
        if self.base is None:
            for key, ids in after:
                group = prefix + key
                for target in ids:
                    groups = incoming.get(target)
                    if groups is None:
                        incoming[target] = {group: {doc_id}}
                    elif group in groups:
                        groups[group].add(doc_id)
                    else:
                        groups[group] = {doc_id}
            return
        old = {(prefix + key, t) for key, ids in before for t in ids}
        new = {(prefix + key, t) for key, ids in after for t in ids}
        for group, target in old - new:
            groups = self._own("incoming", target)
            ids = groups.get(group)
            if ids is not None:
                ids.discard(doc_id)
                if not ids:
                    del groups[group]
        for group, target in new - old:
            self._own("incoming", target).setdefault(group, set()).add(doc_id)


def _first(tables: list[dict[str, str]], value: str) -> str | None:
    wanted = value[1:] if value[:1] == "/" else value
    for table in tables:
        found = table.get(wanted)
        if found is not None:
            return found
    return None


def _kinds(doc: Document | None, value_key: str | None) -> dict[str, int]:
    return {} if doc is None else {name: kind for kind, name in aliases(doc, value_key)}


def _inferred(state: State, pair: tuple[str, str]) -> bool:
    found = state.pairs.get(pair)
    return found is not None and found.inferred()
