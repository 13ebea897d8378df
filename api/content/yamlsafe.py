"""YAML as Jekyll reads it, made safe for a server: libyaml's C loader (with the usual
documents built fast, ``yamlbuild``), bounded expansion.

PyYAML shares the object an alias points to, so an alias bomb costs little to *load*; the
blow-up comes later, when the value is walked or serialized. ``to_json_safe`` walks each value
once into plain JSON types under a node budget, so a bomb becomes a clear error instead.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

import yaml

from api.content.yamlbuild import Loader as SafeLoader

#: Most nodes one front-matter block (or data file) may expand to once aliases are followed.
MAX_NODES = 200_000
#: Deepest nesting accepted; deeper values are almost certainly hostile.
MAX_DEPTH = 100


_INT_MIN, _INT_MAX = -(2**63), 2**64 - 1  # what orjson can write


class YamlError(ValueError):
    """YAML that cannot be used. ``line`` is 0-based within the YAML text, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def load_yaml(text: str) -> Any:
    """Parse one YAML document safely. Raises YamlError with a readable message."""
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        # The construct that was left open (a bracket, a quote) is the likelier culprit
        # than the place where the parser gave up, usually a line later.
        mark = exc.context_mark or exc.problem_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(problem, mark.line if mark is not None else None) from None
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        raise YamlError(str(exc) or exc.__class__.__name__) from None


class _Walk:
    __slots__ = ("budget", "tz")

    def __init__(self, tz: tzinfo | None) -> None:
        self.budget = MAX_NODES
        self.tz = tz

    def value(self, value: Any, depth: int, stack: set[int]) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise YamlError(
                f"expands to more than {MAX_NODES:,} values (an alias bomb, or far too large)"
            )
        if depth > MAX_DEPTH:
            raise YamlError(f"is nested more than {MAX_DEPTH} levels deep")
        if type(value) is str:  # most values: checked first
            return value
        if isinstance(value, dict | list):
            key = id(value)
            if key in stack:
                raise YamlError("refers to itself through an alias (a cycle)")
            stack.add(key)
            try:
                if isinstance(value, dict):
                    return {
                        k if type(k) is str else _key(k): self.value(v, depth + 1, stack)
                        for k, v in value.items()
                    }
                return [self.value(v, depth + 1, stack) for v in value]
            finally:
                stack.discard(key)
        return self.scalar(value)

    def scalar(self, value: Any) -> Any:
        if value is None or isinstance(value, bool | str):
            return value
        if isinstance(value, int):
            # JSON encoders (orjson, JavaScript's) stop at 64 bits: keep larger ones as text.
            return value if _INT_MIN <= value <= _INT_MAX else str(value)
        if isinstance(value, float):
            # JSON has no NaN or infinity: keep what the author wrote, as text.
            return value if math.isfinite(value) else str(value)
        if isinstance(value, datetime):
            return iso_datetime(value, self.tz)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, bytes):  # !!binary
            return value.decode("utf-8", "replace")
        if isinstance(value, set | tuple):
            return [self.scalar(v) for v in value]
        return str(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if key is None:
        return ""
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, date):
        return key.isoformat()
    return str(key)


def to_json_safe(value: Any, tz: tzinfo | None = None) -> Any:
    """A copy of a YAML value in JSON types: dates become ISO 8601 strings.

    Date-times without a zone are UTC, as Ruby's YAML reads them, and shown in ``tz`` (the
    site's timezone), as Jekyll shows them.
    Raises YamlError on cycles, too deep nesting or too many nodes.
    """
    return _Walk(tz).value(value, 0, set())


def iso_datetime(value: datetime, tz: tzinfo | None) -> str:
    return aware(value, tz).isoformat()


def aware(value: datetime, tz: tzinfo | None) -> datetime:
    """A YAML timestamp as Ruby's YAML reads it: one without a zone is UTC, shown in ``tz``."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC).astimezone(tz or UTC)
    return value


def midnight(value: date, tz: tzinfo | None) -> datetime:
    return datetime.combine(value, time(), tzinfo=tz or UTC)


__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "SafeLoader",
    "YamlError",
    "aware",
    "iso_datetime",
    "load_yaml",
    "midnight",
    "to_json_safe",
]
