"""PyYAML's safe loader, building the usual documents without its generic machinery.

libyaml parses and composes in C, but PyYAML then builds the values in Python, node by node,
through a state table and a generator for every mapping and list: most of the time a front
matter takes to load. Most documents are plain trees of mappings, lists and scalars with
the standard tags; ``Loader`` builds those directly, calling PyYAML's own constructor for
every scalar that is not a string (so ints, floats, booleans, nulls and timestamps resolve
exactly as PyYAML resolves them). Anything else (an alias or anchor used twice, a merge key,
an unhashable key, another tag) is left to PyYAML's constructor, from the start.

Resolving a plain scalar's tag (is ``yes`` a boolean, ``1:20`` a number?) tries PyYAML's
patterns on every scalar, keys included; the answer depends on the text alone, so short
texts (keys, and values such as ``page`` or ``true``) are resolved once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # libyaml's C loader is several times faster; fall back where it is not compiled in.
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

_PREFIX = "tag:yaml.org,2002:"
STR, MAP, SEQ = f"{_PREFIX}str", f"{_PREFIX}map", f"{_PREFIX}seq"
#: Scalar tags built by PyYAML's own (non-generator) constructors.
SCALARS = frozenset(f"{_PREFIX}{name}" for name in ("null", "bool", "int", "float", "timestamp"))


class _Unusual(Exception):
    """A document of a shape left to PyYAML's own constructor."""


#: Short scalars whose tag is remembered, and how many at most.
SHORT = 40
REMEMBERED = 50_000
_resolved: dict[tuple[str, tuple[bool, bool]], str] = {}


class Loader(_Base):
    """``CSafeLoader`` (``SafeLoader`` without libyaml), faster on the usual documents."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode or len(value) > SHORT or self.yaml_path_resolvers:
            return self._tag(kind, value, implicit)
        entry = (value, implicit)
        tag = _resolved.get(entry)
        if tag is None:
            tag = self._tag(kind, value, implicit)
            if len(_resolved) < REMEMBERED:
                _resolved[entry] = tag
        return tag

    def _tag(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]

    def construct_document(self, node: Node) -> Any:
        try:
            return _Builder(self).build(node)
        except _Unusual:
            return super().construct_document(node)


class _Builder:
    __slots__ = ("_loader", "_scalar", "_seen")

    def __init__(self, loader: Loader) -> None:
        constructors: dict[Any, Callable[[Loader, Node], Any]] = loader.yaml_constructors
        self._scalar = {tag: constructors[tag] for tag in SCALARS if tag in constructors}
        self._seen: set[int] = set()
        self._loader = loader

    def build(self, node: Node) -> Any:
        tag = node.tag
        if type(node) is ScalarNode:  # immutable: an alias to one may build it again
            if tag == STR:
                return node.value
            construct = self._scalar.get(tag)
            if construct is None:
                raise _Unusual
            return construct(self._loader, node)
        seen = self._seen
        if id(node) in seen:  # an alias: PyYAML shares the value, and guards against cycles
            raise _Unusual
        seen.add(id(node))
        if type(node) is MappingNode and tag == MAP:
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                # A scalar key (so hashable); not a merge key (``<<``), a ``=``, a collection.
                if type(key_node) is not ScalarNode or (
                    key_node.tag != STR and key_node.tag not in self._scalar
                ):
                    raise _Unusual
                mapping[self.build(key_node)] = self.build(value_node)
            return mapping
        if type(node) is SequenceNode and tag == SEQ:
            return [self.build(item) for item in node.value]
        raise _Unusual
