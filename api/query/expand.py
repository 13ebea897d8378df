"""``expand=`` and the backlink entries of ``sort=``, checked against a site's references.

Grammar (``expand`` is a comma list of dotted paths, each step one level, at most
:data:`MAX_DEPTH` levels):

- ``KEY``: the pages a reference key points at (``country``, ``accuseds``), as page summaries;
  a further step applies to those pages: ``accuseds.country``.
- ``referenced_by``: every backlink group; ``referenced_by.COLLECTION``: the groups from that
  collection (``referenced_by.cases-events``); ``referenced_by.COLLECTION.KEY``: one group
  (``referenced_by.cases-events.case``), the only form a further step may follow
  (``referenced_by.cases-events.case.accused``).

A page already being expanded on the way down stays a page reference, so cycles end there.
An unknown key or collection is a :class:`QueryError` naming it.

``sort=referenced_by.COLLECTION.FIELD`` (``-`` for descending, several in order) orders the
backlinks from that collection by a field of theirs, ties and missing values as in lists; a
collection that refers to no page changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from api.query.errors import QueryError
from api.query.params import SortKey

BACKLINKS = "referenced_by"
MAX_DEPTH = 3
#: At most this many pages are expanded in one response.
MAX_EXPANDED = 2000


class Schema(Protocol):
    """What a site's references allow (``api.site.references.ReferenceSchema``)."""

    @property
    def keys(self) -> Mapping[str, tuple[str, ...]]: ...
    @property
    def targets(self) -> Mapping[str, tuple[str, ...]]: ...
    @property
    def groups(self) -> frozenset[str]: ...


@dataclass(frozen=True, slots=True)
class Step:
    """One level: a reference key, or backlinks (all, one collection's, or one group)."""

    key: str | None = None  # a reference key; None for backlinks
    collection: str | None = None  # backlinks from this collection (None: every one)
    group: str | None = None  # the one backlink group ``collection.key``

    def matches(self, group: str) -> bool:
        if self.group is not None:
            return group == self.group
        return self.collection is None or group.startswith(self.collection + ".")


@dataclass(frozen=True, slots=True)
class Node:
    """The steps to take at one level, each with what to take below it."""

    steps: tuple[tuple[Step, Node], ...] = ()

    def keys(self) -> dict[str, Node]:
        return {step.key: child for step, child in self.steps if step.key is not None}

    def backlinks(self, group: str) -> Node | None:
        """What to expand below the pages of a backlink group (None: not expanded)."""
        found = [child for step, child in self.steps if step.key is None and step.matches(group)]
        if not found:
            return None
        return found[0] if len(found) == 1 else Node(tuple(s for n in found for s in n.steps))

    @property
    def has_backlinks(self) -> bool:
        return any(step.key is None for step, _ in self.steps)


@dataclass(frozen=True, slots=True)
class Plan:
    root: Node
    sorts: Mapping[str, tuple[SortKey, ...]]  # source collection -> its backlinks' order

    def __bool__(self) -> bool:
        return bool(self.root.steps or self.sorts)

    def sort_of(self, group: str) -> tuple[SortKey, ...]:
        for collection, keys in self.sorts.items():
            if group.startswith(collection + "."):
                return keys
        return ()


EMPTY = Plan(Node(), {})


def plan(paths: Iterable[str], sorts: Iterable[tuple[str, SortKey]], schema: Schema) -> Plan:
    """The expansion ``paths`` ask for and the backlink orders, or a QueryError."""
    tree: dict[Step, dict[Step, object]] = {}
    sources = _sources(schema)
    for path in paths:
        node = tree
        for step in _steps(path, schema, sources):
            node = node.setdefault(step, {})  # type: ignore[assignment]
    ordered: dict[str, list[SortKey]] = {}
    for collection, key in sorts:
        # As a list's sort by a field no page has, one by a collection that refers to no
        # page changes nothing (and is no error: the same URL serves every content version).
        ordered.setdefault(collection, []).append(key)
    return Plan(_freeze(tree), {c: tuple(keys) for c, keys in ordered.items()})


def _steps(path: str, schema: Schema, sources: dict[str, set[str]]) -> list[Step]:
    parts = path.split(".")
    steps: list[Step] = []
    below: tuple[str, ...] | None = None  # collections of the pages being expanded
    at = 0
    while at < len(parts):
        if len(steps) == MAX_DEPTH:
            raise QueryError("expand", f"{path!r} goes deeper than {MAX_DEPTH} levels")
        part = parts[at]
        if part == BACKLINKS:
            step, at = _backlinks(parts, at, path, sources)
            below = (step.collection,) if step.group is not None and step.collection else None
            if step.group is None and at < len(parts):
                raise QueryError(
                    "expand",
                    f"{path!r}: to expand below backlinks, name one group "
                    "(referenced_by.COLLECTION.KEY)",
                )
        else:
            known = (
                schema.targets.keys()
                if below is None
                else {k for c in below for k in schema.keys.get(c, ())}
            )
            if part not in known:
                where = "" if below is None else f" of the pages of {_listing(below)}"
                raise QueryError(
                    "expand",
                    f"{part!r} is not a reference key{where}; expand one of: "
                    f"{_listing([*sorted(known), BACKLINKS])}",
                )
            step, at = Step(key=part), at + 1
            below = schema.targets[part]
        steps.append(step)
    return steps


def _backlinks(
    parts: list[str], at: int, path: str, sources: dict[str, set[str]]
) -> tuple[Step, int]:
    if at + 1 >= len(parts):
        return Step(), at + 1
    collection = parts[at + 1]
    if collection not in sources:
        raise QueryError(
            "expand",
            f"{path!r}: no page of {collection!r} refers to another; backlinks come from: "
            f"{_listing(sources)}",
        )
    if at + 2 < len(parts) and parts[at + 2] in sources[collection]:
        group = f"{collection}.{parts[at + 2]}"
        return Step(collection=collection, group=group), at + 3
    return Step(collection=collection), at + 2


def _sources(schema: Schema) -> dict[str, set[str]]:
    """Source collection -> the keys its backlink groups are made by."""
    found: dict[str, set[str]] = {}
    for source, keys in schema.keys.items():
        for key in keys:
            if f"{source}.{key}" in schema.groups:
                found.setdefault(source, set()).add(key)
    return found


def _freeze(tree: Mapping[Step, object]) -> Node:
    return Node(tuple((step, _freeze(child)) for step, child in tree.items()))  # type: ignore[arg-type]


def _listing(names: Iterable[str]) -> str:
    found = sorted(set(names)) if not isinstance(names, list) else names
    return ", ".join(found) if found else "(none)"
