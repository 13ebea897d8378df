"""Pickling the project's values faster than the default: dataclasses by their fields.

A frozen slots dataclass pickles, by default, as its class plus a state that
``__setstate__`` sets field by field in Python; at tens of thousands of documents that is
most of the cost of moving a site between processes. Pickled as a call of the constructor
with the field values instead, it is rebuilt by the generated ``__init__`` in one call.
(Only dataclasses whose fields the constructor takes, all of them: the others pickle as
usual.) ``pickle.loads`` reads what ``dumps`` writes.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import pickle
from typing import Any


def dumps(value: Any) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        cls: type = type(obj)
        names = _init_fields(cls)
        if names is None:
            return NotImplemented
        return cls, tuple([getattr(obj, name) for name in names])


@functools.cache
def _init_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of one of the project's dataclasses, when its constructor takes them all."""
    if not (dataclasses.is_dataclass(cls) and cls.__module__.partition(".")[0] == "api"):
        return None
    every = getattr(cls, "__dataclass_fields__", {}).values()
    if any(not f.init for f in every):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))
