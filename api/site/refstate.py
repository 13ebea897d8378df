"""The state behind :class:`api.site.references.References`: what each page's candidate
keys name, what was counted for inference, and the links both ways. Built by one
:mod:`api.site.refbuild` run and read-only afterwards."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from api.content.diagnostics import Diagnostic
from api.content.model import Document

PAGES = "pages"  # the source "collection" of top-level pages, in backlink group names
#: (key, target collections, declared, ((value, target id or None), ...))
Resolved = tuple[str, tuple[str, ...], bool, tuple[tuple[str, str | None], ...]]
Candidate = tuple[str, tuple[str, ...], str | None, bool]  # key, targets, value_key, declared
Links = tuple[tuple[str, tuple[str, ...]], ...]
Dangling = tuple[tuple[str, str, tuple[str, ...]], ...]  # (key, value, target collections)


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
    #: (target collection, value) -> the pages that look it up there; None until a reload
    #: needs it (a server that never reloads never pays for it)
    users: dict[tuple[str, str], set[str]] | None = None
    links: dict[str, Links] = field(default_factory=dict)  # page -> what it refers to
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
            _users(self.resolved, self.docs) if self.users is None else dict(self.users),
            dict(self.links),
            dict(self.incoming),
            dict(self.dangling),
            dict(self.diagnostics),
        )

    def outgoing(self, doc_id: str) -> Links:
        return self.links.get(doc_id, ())


def source_of(doc: Document) -> str:
    return doc.collection if doc.collection is not None else PAGES


def _users(
    resolved: Mapping[str, tuple[Resolved, ...]], docs: Mapping[str, Document]
) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for doc_id, entries in resolved.items():
        for _, targets, _, pairs in entries:
            for value, _ in pairs:
                wanted = value[1:] if value[:1] == "/" else value
                for collection in targets:
                    holders = found.get((collection, wanted))
                    if holders is None:
                        found[(collection, wanted)] = {doc_id}
                    else:
                        holders.add(doc_id)
    return found
