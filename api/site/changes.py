"""The change feed: which pages were added, changed or removed between content versions.

Each view of the content (the public one, the preview) has its own ``Feed``. A feed is
immutable and travels with the snapshot it describes, so a request reads the feed of the
very content it is served: a version the server answers with is always known to its feed.
It keeps the steps between its last ``MAX_VERSIONS`` versions (not the fingerprints of
each: only the current ones), and composes them for any ``since`` still in that window.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from api.site.fingerprints import Fingerprints, Printer

if TYPE_CHECKING:
    from api.site.site import Site

#: Versions a feed remembers (the issue asks for at least 100).
MAX_VERSIONS = 128

_ADDED, _CHANGED, _REMOVED = "added", "changed", "removed"


@dataclass(frozen=True, slots=True)
class Delta:
    """The pages added, changed and removed from version ``since`` to version ``to``."""

    since: str
    to: str
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The ``/api/v1/changes`` body."""
        return {
            "from": self.since,
            "to": self.to,
            "added": list(self.added),
            "changed": list(self.changed),
            "removed": list(self.removed),
        }

    def notice(self) -> dict[str, Any]:
        """What an event and a webhook say about the version ``to``."""
        return {
            "content_version": self.to,
            "added": list(self.added),
            "changed": list(self.changed),
            "removed": list(self.removed),
        }


class Feed:
    """The history of one view, as of its current version. Immutable (``advance`` makes the
    next); the fingerprints of a first version are taken when first needed, so that taking
    them never delays start-up."""

    __slots__ = ("_lock", "_pending", "_prints", "position", "printer", "steps", "versions")

    def __init__(
        self,
        versions: tuple[str, ...],
        steps: tuple[Delta, ...],
        prints: Fingerprints | None,
        position: Mapping[str, int],
        printer: Printer,
        pending: Site | None = None,
    ) -> None:
        self.versions = versions  # oldest first; the last is the current version
        self.steps = steps  # steps[i] goes from versions[i] to versions[i + 1]
        self.position = position  # page id -> place in the current default order
        self.printer = printer
        self._prints = prints
        self._pending = pending
        self._lock = threading.Lock()

    @classmethod
    def start(cls, site: Site, printer: Printer | None = None) -> Feed:
        """A feed whose history begins with ``site``'s version."""
        printer = printer or Printer()
        return cls((site.version,), (), None, site.snapshot.position, printer, site)

    @property
    def current(self) -> str:
        return self.versions[-1]

    @property
    def prints(self) -> Fingerprints:
        """The fingerprints of the current version's pages."""
        with self._lock:
            if self._prints is None:
                assert self._pending is not None
                self._prints = self.printer.fingerprints(self._pending)
                self._pending = None
            return self._prints

    def advance(self, site: Site) -> Feed:
        """The feed once ``site`` replaces the current version (itself if the version is
        the same: a reload that found nothing new)."""
        if site.version == self.current:
            return self
        old = self.prints
        new = self.printer.fingerprints(site)
        order = site.snapshot.documents
        step = Delta(
            self.current,
            site.version,
            added=tuple(d.id for d in order if d.id not in old),
            changed=tuple(d.id for d in order if d.id in old and old[d.id] != new[d.id]),
            removed=tuple(sorted(doc_id for doc_id in old if doc_id not in new)),
        )
        versions = (*self.versions, site.version)[-MAX_VERSIONS:]
        steps = (*self.steps, step)[-(MAX_VERSIONS - 1) :]
        return Feed(versions, steps, new, site.snapshot.position, self.printer)

    def steps_after(self, version: str) -> tuple[Delta, ...] | None:
        """The steps from ``version`` to the current one (None: not in the history)."""
        try:
            index = _last_index(self.versions, version)
        except ValueError:
            return None
        return self.steps[index:]

    def since(self, version: str) -> Delta | None:
        """Every change from ``version`` to the current one (None: not in the history)."""
        steps = self.steps_after(version)
        if steps is None:
            return None
        if len(steps) == 1:
            return steps[0]
        return compose(version, self.current, steps, self.position)


def compose(since: str, to: str, steps: Iterable[Delta], position: Mapping[str, int]) -> Delta:
    """One delta for several steps: a page added then changed is added, added then removed
    is nothing, removed then added again is changed."""
    state: dict[str, str] = {}
    for step in steps:
        for doc_id in step.added:
            state[doc_id] = _CHANGED if state.get(doc_id) == _REMOVED else _ADDED
        for doc_id in step.changed:
            if state.get(doc_id) != _ADDED:
                state[doc_id] = _CHANGED
        for doc_id in step.removed:
            if state.get(doc_id) == _ADDED:
                del state[doc_id]
            else:
                state[doc_id] = _REMOVED

    def ids(kind: str) -> tuple[str, ...]:
        found = [doc_id for doc_id, what in state.items() if what == kind]
        if kind != _REMOVED:
            found.sort(key=lambda doc_id: position.get(doc_id, 0))
        else:
            found.sort()
        return tuple(found)

    return Delta(since, to, ids(_ADDED), ids(_CHANGED), ids(_REMOVED))


def _last_index(items: tuple[str, ...], value: str) -> int:
    # A version can come back (an edit undone): the last time is the nearest.
    for index in range(len(items) - 1, -1, -1):
        if items[index] == value:
            return index
    raise ValueError(value)
