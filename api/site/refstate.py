"""The state behind :class:`api.site.references.References`, and how a reload updates it.

Everything here is built by one :class:`Builder` run and read-only afterwards. A run that
starts from the previous state copies each top-level table and replaces an inner set or
table the first time it writes to it ("owned" below), so the previous state, still serving
requests, never changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from api.content.diagnostics import Diagnostic
from api.content.model import Document
from api.content.snapshot import Snapshot
from api.site.refmatch import aliases, build_table, lookup_key, values_of

PAGES = "pages"
#: (key, target collections, declared, ((value, target id or None), ...))
Resolved = tuple[str, tuple[str, ...], bool, tuple[tuple[str, str | None], ...]]
Candidate = tuple[str, tuple[str, ...], str | None, bool]  # key, targets, value_key, declared
Dangling = tuple[tuple[str, str, tuple[str, ...]], ...]  # (key, value, target collections)
Diagnose = Callable[[Document, Dangling], tuple[Diagnostic, ...]]


class Finder(Protocol):
    def candidates(self, doc: Document) -> tuple[Candidate, ...]: ...


@dataclass(slots=True)
class Pair:
    """What the pages of one collection hold under one key, counted for inference."""

    nonempty: int = 0  # values under undeclared keys
    matched: int = 0  # of those, the ones that name a page
    declared: int = 0  # pages where the key is declared a reference
    targets: dict[str, None] = field(default_factory=dict)

    def inferred(self) -> bool:
        """Most values name a page: the key is a reference where nothing declares it."""
        return self.matched * 2 > self.nonempty

    def on(self, infer: bool) -> bool:
        return self.declared > 0 or (infer and self.inferred())

    def copy(self) -> Pair:
        return Pair(self.nonempty, self.matched, self.declared, dict(self.targets))


@dataclass(slots=True)
class State:
    names: tuple[str, ...]
    docs: Mapping[str, Document]
    tables: dict[tuple[str, str | None], dict[str, str]] = field(default_factory=dict)
    resolved: dict[str, tuple[Resolved, ...]] = field(default_factory=dict)
    pairs: dict[tuple[str, str], Pair] = field(default_factory=dict)
    users: dict[str, set[str]] = field(default_factory=dict)  # value -> pages holding it
    incoming: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    dangling: dict[str, Dangling] = field(default_factory=dict)
    diagnostics: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)
    resolved_now: int = 0  # pages resolved by the run that built this state

    def copy(self, docs: Mapping[str, Document]) -> State:
        return State(
            self.names,
            docs,
            dict(self.tables),
            dict(self.resolved),
            dict(self.pairs),
            dict(self.users),
            dict(self.incoming),
            dict(self.dangling),
            dict(self.diagnostics),
        )

    def source(self, doc_id: str) -> str:
        collection = self.docs[doc_id].collection
        return collection if collection is not None else PAGES

    def is_on(self, source: str, key: str, declared: bool) -> bool:
        return declared or self.pairs[(source, key)].inferred()

    def outgoing(self, doc_id: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        found = self.resolved.get(doc_id)
        if not found:
            return ()
        source = self.source(doc_id)
        links = []
        for key, _, declared, pairs in found:
            if self.is_on(source, key, declared):
                ids = tuple(dict.fromkeys(t for _, t in pairs if t is not None))
                if ids:
                    links.append((key, ids))
        return tuple(links)

    def dangling_of(self, doc_id: str) -> Dangling:
        found = self.resolved.get(doc_id)
        if not found:
            return ()
        source = self.source(doc_id)
        return tuple(
            (key, value, targets)
            for key, targets, declared, pairs in found
            if self.is_on(source, key, declared)
            for value, target in pairs
            if target is None
        )


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
        self._owned_users: set[str] = set()
        self._owned_incoming: set[str] = set()
        self._owned_pairs: set[tuple[str, str]] = set()

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
            for value in self._refresh_tables(base, changed, removed):
                todo.update(dict.fromkeys(i for i in state.users.get(value, ()) if i in docs))
        touched: set[tuple[str, str]] = set()
        for doc_id in (*removed, *todo):
            if doc_id in state.resolved:
                self._count(doc_id, state.resolved.pop(doc_id), -1, touched)
        for doc_id in todo:
            found = self._resolve(docs[doc_id])
            if found:
                state.resolved[doc_id] = found
                self._count(doc_id, found, 1, touched)
        state.resolved_now = len(todo)
        refresh = {*todo, *removed}
        if base is not None:
            flipped = {p for p in touched if _inferred(base, p) != _inferred(state, p)}
            if flipped:
                refresh.update(
                    doc_id
                    for doc_id, found in state.resolved.items()
                    if any((state.source(doc_id), r[0]) in flipped for r in found)
                )
        for doc_id in refresh:
            before = base.outgoing(doc_id) if base is not None and doc_id in base.docs else ()
            after = state.outgoing(doc_id) if doc_id in docs else ()
            if before != after:
                self._relink(doc_id, before, after)
        for doc_id in removed:
            state.incoming.pop(doc_id, None)
        self._diagnose(refresh, diagnose)
        return state

    # -- resolving --------------------------------------------------------------------------
    def _resolve(self, doc: Document) -> tuple[Resolved, ...]:
        found = []
        for key, targets, value_key, declared in self.finder.candidates(doc):
            values = values_of(doc.data[key])
            if values:
                pairs = tuple((v, self._find(v, targets, value_key)) for v in values)
                found.append((key, targets, declared, pairs))
        return tuple(found)

    def _find(self, value: str, targets: tuple[str, ...], value_key: str | None) -> str | None:
        wanted = lookup_key(value)
        for collection in targets:
            table = self.state.tables.get((collection, value_key))
            if table is None:
                table = build_table(self._documents_of(collection), value_key)
                self.state.tables[(collection, value_key)] = table
            found = table.get(wanted)
            if found is not None:
                return found
        return None

    def _documents_of(self, collection: str) -> list[Document]:
        if self._groups is None:
            self._groups = {}
            for doc in self.snapshot.documents:
                if doc.collection is not None:
                    self._groups.setdefault(doc.collection, []).append(doc)
        return self._groups.get(collection, [])

    def _refresh_tables(
        self, base: State, changed: Iterable[str], removed: Iterable[str]
    ) -> set[str]:
        """Rebuild the alias tables of collections where a page appeared, went away or
        answers to other names now; the names whose page may differ."""
        docs, old = self.snapshot.by_id, base.docs
        moved: dict[tuple[str, str | None], set[str]] = {}
        for doc_id in (*changed, *removed):
            before, after = old.get(doc_id), docs.get(doc_id)
            collection = (after or before).collection  # type: ignore[union-attr]
            for table_key in base.tables:
                if table_key[0] != collection:
                    continue
                names_before = aliases(before, table_key[1]) if before is not None else ()
                names_after = aliases(after, table_key[1]) if after is not None else ()
                if names_before != names_after:
                    names = moved.setdefault(table_key, set())
                    names.update(name for _, name in (*names_before, *names_after))
        for collection, value_key in moved:
            table = build_table(self._documents_of(collection), value_key)
            self.state.tables[(collection, value_key)] = table
        return {name for names in moved.values() for name in names}

    # -- bookkeeping ------------------------------------------------------------------------
    def _source(self, doc_id: str) -> str:
        doc = self.snapshot.by_id.get(doc_id)
        if doc is None and self.base is not None:
            doc = self.base.docs.get(doc_id)
        collection = doc.collection if doc is not None else None
        return collection if collection is not None else PAGES

    def _count(
        self, doc_id: str, found: tuple[Resolved, ...], sign: int, touched: set[tuple[str, str]]
    ) -> None:
        state, source = self.state, self._source(doc_id)
        for key, targets, declared, pairs in found:
            pair_key = (source, key)
            pair = self._own_pair(pair_key)
            touched.add(pair_key)
            if declared:
                pair.declared += sign
            else:
                pair.nonempty += sign * len(pairs)
                pair.matched += sign * sum(1 for _, t in pairs if t is not None)
            if sign > 0:
                pair.targets.update(dict.fromkeys(targets))
            for value, _ in pairs:
                users = self._own(state.users, self._owned_users, lookup_key(value), set)
                (users.add if sign > 0 else users.discard)(doc_id)

    def _own_pair(self, key: tuple[str, str]) -> Pair:
        pairs = self.state.pairs
        if key not in self._owned_pairs:
            self._owned_pairs.add(key)
            pairs[key] = pairs[key].copy() if key in pairs else Pair()
        return pairs[key]

    @staticmethod
    def _own(table: dict[str, Any], owned: set[str], key: str, new: Callable[[], Any]) -> Any:
        if key not in owned:
            owned.add(key)
            existing = table.get(key)
            if existing is None:
                table[key] = new()
            elif isinstance(existing, set):
                table[key] = set(existing)
            else:
                table[key] = {group: set(ids) for group, ids in existing.items()}
        return table[key]

    def _relink(
        self,
        doc_id: str,
        before: tuple[tuple[str, tuple[str, ...]], ...],
        after: tuple[tuple[str, tuple[str, ...]], ...],
    ) -> None:
        prefix = f"{self._source(doc_id)}."
        old = {(prefix + key, t) for key, ids in before for t in ids}
        new = {(prefix + key, t) for key, ids in after for t in ids}
        incoming = self.state.incoming
        for group, target in old - new:
            groups = self._own(incoming, self._owned_incoming, target, dict)
            ids = groups.get(group)
            if ids is not None:
                ids.discard(doc_id)
                if not ids:
                    del groups[group]
        for group, target in new - old:
            groups = self._own(incoming, self._owned_incoming, target, dict)
            groups.setdefault(group, set()).add(doc_id)

    def _diagnose(self, refresh: Iterable[str], diagnose: Diagnose) -> None:
        state, base, docs = self.state, self.base, self.snapshot.by_id
        for doc_id in refresh:
            found = state.dangling_of(doc_id) if doc_id in docs else ()
            if not found:
                state.dangling.pop(doc_id, None)
                state.diagnostics.pop(doc_id, None)
                continue
            unchanged = base is not None and base.docs.get(doc_id) is docs[doc_id]
            if unchanged and base is not None and base.dangling.get(doc_id) == found:
                continue  # the same problems in the same file: the same diagnostics
            state.dangling[doc_id] = found
            state.diagnostics[doc_id] = diagnose(docs[doc_id], found)


def _inferred(state: State, pair: tuple[str, str]) -> bool:
    found = state.pairs.get(pair)
    return found is not None and found.inferred()
