"""Which keys of a page's front matter may be references, and to which collections.

A key is a candidate when the site declares it a reference (:mod:`api.content.reference_config`)
or, with inference on, when it is named after a collection (:func:`collections_named`). The
index then decides from the values whether an undeclared candidate is a reference.
"""

from __future__ import annotations

from api.content.model import Document
from api.content.reference_config import NOT_A_REFERENCE, Declarations, Target, inputs_of
from api.site.refmatch import collections_named, singular
from api.site.refstate import Candidate

Rule = tuple[tuple[str, ...], str | None, bool]  # target collections, value_key, declared


class KeyFinder:
    """Finds the candidate reference keys of one page and what their values name."""

    def __init__(self, names: tuple[str, ...], declarations: Declarations) -> None:
        self.declarations = declarations
        self.names = names
        self._rules: dict[tuple[str | None, str], Rule] = {}
        self._candidates: dict[str | None, frozenset[str]] = {}

    def candidates(self, doc: Document) -> tuple[Candidate, ...]:
        """(key, target collections, value_key, declared) for each candidate key of ``doc``,
        in front-matter order."""
        if not self.declarations.enabled:
            return ()
        data = doc.data
        if "_inputs" in data:
            return self._with_inputs(doc, inputs_of(data["_inputs"]))
        keys = self._candidate_keys(doc.collection)
        present = keys.intersection(data) if keys else None
        if not present:
            return ()
        found = []
        for key in data if len(present) > 1 else present:  # front-matter order
            if key in present:
                rule = self._rules.get((doc.collection, key)) or self._rule(doc.collection, key)
                if rule[0]:
                    found.append((key, *rule))
        return tuple(found)

    def _with_inputs(self, doc: Document, inputs: dict[str, Target]) -> tuple[Candidate, ...]:
        found = []
        for key in doc.data:
            if key in inputs:
                target = self.declarations.lookup(doc.collection, key, inputs)
                rule = _declared(target) if target is not None else self._rule(doc.collection, key)
            else:
                rule = self._rule(doc.collection, key)
            if rule[0]:
                found.append((key, *rule))
        return tuple(found)

    def _candidate_keys(self, collection: str | None) -> frozenset[str]:
        found = self._candidates.get(collection)
        if found is None:
            keys = set(self.declarations.declared_keys(collection))
            if self.declarations.infer:
                keys.update(k for k in self._named_keys() if collections_named(k, self.names))
            found = self._candidates[collection] = frozenset(keys)
        return found

    def _named_keys(self) -> set[str]:
        return {*self.names, *(singular(name) for name in self.names)}

    def _rule(self, collection: str | None, key: str) -> Rule:
        found = self._rules.get((collection, key))
        if found is None:
            target = self.declarations.lookup(collection, key, {})
            if target is not None:
                found = _declared(target)
            elif self.declarations.infer:
                found = (collections_named(key, self.names), None, False)
            else:
                found = ((), None, False)
            self._rules[(collection, key)] = found
        return found


def _declared(target: Target) -> Rule:
    if target is NOT_A_REFERENCE:
        return ((), None, True)
    return (target.collections, target.value_key, True)
