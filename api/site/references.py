"""References between the pages of one snapshot, found once, and the backlinks they make.

A key of a page's front matter is a reference when the site declares it so (see
:mod:`api.content.reference_config`), or, undeclared, when it is named after a collection
(:func:`collections_named`) and most of its values in that page's collection name pages
there. Values that name nothing are *dangling*: each gets a ``dangling-reference`` warning.
Only the pages of the snapshot count, so an unpublished or future page is missing unless the
snapshot shows it: a view that shows hidden pages builds its own index, and resolves them.

A reload builds on the previous index: only the pages whose files changed are resolved
again, with the pages whose values name something that appeared, went away or was renamed,
and (rarely) those whose key stops or starts being inferred. Backlinks are updated from the
difference. Every structure readers see is replaced, never changed in place, so the previous
index keeps serving the requests that still hold it.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from api.content.config import CONFIG_FILE
from api.content.diagnostics import Diagnostic, warning
from api.content.reference_config import Declarations
from api.content.snapshot import Snapshot
from api.site.refbuild import Builder
from api.site.refdiag import dangling_diagnostics
from api.site.refkeys import KeyFinder
from api.site.refstate import PAGES, Links, Pair, State


@dataclass(frozen=True, slots=True)
class ReferenceSchema:
    """What can be expanded: reference keys by source collection, where each key points,
    and the backlink groups (``<collection>.<key>``) that exist."""

    keys: Mapping[str, tuple[str, ...]]
    targets: Mapping[str, tuple[str, ...]]
    groups: frozenset[str]

    @property
    def all_keys(self) -> frozenset[str]:
        return frozenset(self.targets)

    def keys_of(self, collections: tuple[str, ...]) -> frozenset[str]:
        return frozenset(key for c in collections for key in self.keys.get(c, ()))


@dataclass(frozen=True, slots=True)
class KeptReferences:
    """An index as the cache keeps it, beside its snapshot: its state without the pages."""

    content_version: str
    digest: str  # of the declarations it was built with
    state: State


class References:
    """The references of one snapshot. Immutable once built; safe to read from any thread."""

    def __init__(self, snapshot: Snapshot, declarations: Declarations, state: State) -> None:
        self._snapshot = snapshot
        self._state = state
        self.declarations = declarations
        self.resolved = state.resolved_now
        self.digest = declarations.digest
        self.schema = _schema(snapshot, declarations, state.pairs)
        found = [d for diagnostics in state.diagnostics.values() for d in diagnostics]
        self.diagnostics: tuple[Diagnostic, ...] = (
            *declarations.problems,
            *_unknown_collections(declarations, state.names),
            *found,
        )
        self._incoming: dict[str, Links] = {}

    @classmethod
    def build(
        cls,
        snapshot: Snapshot,
        declarations: Declarations,
        previous: References | None = None,
        kept: KeptReferences | None = None,
    ) -> References:
        """The index of ``snapshot``, reusing what ``previous`` (the snapshot before it, with
        the same loader) found for the pages that did not change; or ``kept``, the index of
        this very snapshot built by an earlier process, if the declarations are the same."""
        if (
            kept is not None
            and kept.content_version == snapshot.content_version
            and kept.digest == declarations.digest
            and kept.state.names == _names(snapshot)
        ):
            return cls(snapshot, declarations, replace(kept.state, docs=snapshot.by_id))
        base = None
        if (
            previous is not None
            and previous.digest == declarations.digest
            and previous._state.names == _names(snapshot)
        ):
            base = previous._state
        finder = KeyFinder(_names(snapshot), declarations)
        builder = Builder(snapshot, _names(snapshot), base, finder)
        # The run makes hundreds of thousands of small tuples and sets, none in a cycle:
        # the cycle collector, run again and again meanwhile, would more than double its time.
        paused = gc.isenabled()
        gc.disable()
        try:
            state = builder.run(lambda doc, res: dangling_diagnostics(snapshot.root, doc, res))
        finally:
            if paused:
                gc.enable()
        return cls(snapshot, declarations, state)

    def kept(self) -> KeptReferences:
        """This index as the cache keeps it."""
        state = replace(self._state, docs={})
        return KeptReferences(self._snapshot.content_version, self.digest, state)

    # -- reading ----------------------------------------------------------------------------
    def outgoing(self, doc_id: str) -> Links:
        """The pages ``doc_id`` refers to, key by key in front-matter order; keys that name
        no page are left out."""
        return self._state.outgoing(doc_id)

    def incoming(self, doc_id: str) -> Links:
        """The pages that refer to ``doc_id``, by group ``<collection>.<key>`` (in the site's
        collection order, then by key), each group in the default order."""
        found = self._incoming.get(doc_id)
        if found is None:
            groups = self._state.incoming.get(doc_id, {})
            position = self._snapshot.position
            rank = {name: i for i, name in enumerate(self._state.names)}
            ordered = sorted(groups, key=lambda g: (rank.get(g.rsplit(".", 1)[0], len(rank)), g))
            found = tuple(
                (group, tuple(sorted(groups[group], key=position.__getitem__))) for group in ordered
            )
            self._incoming[doc_id] = found
        return found

    def targets(self, doc_id: str) -> tuple[str, ...]:
        """Every page ``doc_id`` refers to, whatever the key."""
        return tuple(dict.fromkeys(t for _, ids in self.outgoing(doc_id) for t in ids))

    def sources(self, doc_id: str) -> tuple[str, ...]:
        """Every page that refers to ``doc_id``, whatever the key, in the default order."""
        found = {s for _, ids in self.incoming(doc_id) for s in ids}
        return tuple(sorted(found, key=self._snapshot.position.__getitem__))


def _unknown_collections(declarations: Declarations, names: tuple[str, ...]) -> list[Diagnostic]:
    found = []
    for key, target in declarations.api.items():
        for name in target.collections:
            if name not in names:
                message = (
                    f"`content_api.references.keys.{key}` names the collection `{name}`, which "
                    "the site does not have"
                )
                found.append(warning(CONFIG_FILE, "reference-config-invalid", message))
    return found


def _names(snapshot: Snapshot) -> tuple[str, ...]:
    return tuple(c.name for c in snapshot.collections)


def _schema(
    snapshot: Snapshot, declarations: Declarations, pairs: Mapping[tuple[str, str], Pair]
) -> ReferenceSchema:
    keys: dict[str, dict[str, None]] = {}
    targets: dict[str, dict[str, None]] = {}
    groups: set[str] = set()
    sources = [c.name for c in snapshot.collections]
    if any(d.collection is None for d in snapshot.documents):
        sources.append(PAGES)
    for source in sources:
        collection = None if source == PAGES else source
        for key, target in declarations.declared_keys(collection).items():
            keys.setdefault(source, {})[key] = None
            targets.setdefault(key, {}).update(dict.fromkeys(target.collections))
    for (source, key), pair in pairs.items():
        if pair.on(declarations.infer):
            keys.setdefault(source, {})[key] = None
            targets.setdefault(key, {}).update(dict.fromkeys(pair.targets))
            if pair.matched:
                groups.add(f"{source}.{key}")
    return ReferenceSchema(
        keys=MappingProxyType({s: tuple(k) for s, k in keys.items()}),
        targets=MappingProxyType({k: tuple(t) for k, t in targets.items()}),
        groups=frozenset(groups),
    )


__all__ = ["PAGES", "Links", "ReferenceSchema", "References"]
