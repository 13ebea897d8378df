"""Reading TimelineJS JSON and YAML text, with the line where each value starts.

YAML is read with the safe loader (the C one when PyYAML has it) and is measured before it is
built: aliases can make a small file stand for an enormous document ("billion laughs"), so the
document is refused when, with every alias expanded, it would be too large or too deep.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, Final

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from api.timeline.data.result import DataProblem
from api.timeline.urls import unicode_text

Loc = tuple[str | int, ...]
LineMap = dict[Loc, int]

MAX_NODES: Final = 200_000  # with aliases expanded; a 10,000-event timeline is ~150,000
MAX_DEPTH: Final = 40  # TimelineJS JSON is 4 levels deep
_LOADER: Final[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def decode_json(text: str) -> tuple[object, LineMap | None] | DataProblem:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        return DataProblem("data-syntax", f"not valid JSON: {error.msg}", error.lineno)
    except (ValueError, RecursionError) as error:  # huge integers, absurd nesting
        return DataProblem("data-syntax", f"not usable JSON: {type(error).__name__}")
    # JSON is YAML, and the YAML composer knows lines; if it disagrees, we just have no lines.
    composed = _compose(text)
    return _jsonable(value, 0), composed[1] if isinstance(composed, tuple) else None


def decode_yaml(text: str) -> tuple[object, LineMap] | DataProblem:
    composed = _compose(text)
    if isinstance(composed, DataProblem):
        return composed
    node, lines = composed
    if node is None:
        return DataProblem("data-shape", "the YAML file is empty", 1)
    loader = _LOADER("")
    try:
        value = loader.construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        return DataProblem("data-syntax", f"not usable YAML: {_first_line(error)}")
    finally:
        loader.dispose()
    return _jsonable(value, 0), lines


def _compose(text: str) -> tuple[Node | None, LineMap] | DataProblem:
    loader = _LOADER(text)
    try:
        node: Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark is not None else None
        return DataProblem(
            "data-syntax", f"not valid YAML: {error.problem or 'syntax error'}", line
        )
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        return DataProblem("data-syntax", f"not valid YAML: {_first_line(error)}")
    finally:
        loader.dispose()
    if node is None:
        return None, {}
    problem = _measure(node)
    if problem is not None:
        return problem
    return node, dict(_lines(node))


def _measure(root: Node) -> DataProblem | None:
    """Expanded size and depth, without expanding: each node is measured once (aliases share
    node objects), iteratively, so neither a bomb nor deep nesting costs much."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in size:
            continue
        children = list(_children(node))
        if not children_done:
            if key in open_nodes:
                return DataProblem(
                    "data-too-complex", "the YAML refers to itself (a recursive alias)"
                )
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in size)
            continue
        open_nodes.discard(key)
        size[key] = 1 + sum(size.get(id(c), 0) for c in children)
        depth[key] = 1 + max((depth.get(id(c), 0) for c in children), default=0)
        if size[key] > MAX_NODES or depth[key] > MAX_DEPTH:
            message = (
                f"the YAML is too large or too deeply nested once its aliases are expanded "
                f"(limits: {MAX_NODES:,} values, {MAX_DEPTH} levels)"
            )
            return DataProblem("data-too-complex", message, node.start_mark.line + 1)
    return None


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, SequenceNode):
        yield from node.value
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _lines(root: Node) -> Iterator[tuple[Loc, int]]:
    stack: list[tuple[Loc, Node]] = [((), root)]
    while stack:  # bounded by the measurement above
        path, node = stack.pop()
        yield path, node.start_mark.line + 1
        if isinstance(node, SequenceNode):
            stack.extend(((*path, i), child) for i, child in enumerate(node.value))
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    stack.append(((*path, str(key.value)), value))


def _jsonable(value: object, depth: int) -> object:
    """Plain JSON values: YAML dates become ISO strings, keys strings, sets lists, and no
    string keeps a lone surrogate (a "\\ud800" escape), which could not be sent as JSON."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, str):
        return unicode_text(value)
    if isinstance(value, dict):
        return {unicode_text(str(k)): _jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v, depth + 1) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value


def _first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0][:120]
