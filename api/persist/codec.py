"""Values in the cache directory: pickled, checksummed, and read back with an allow-list.

A cache file may be truncated by a full disk, damaged, written by another version or be
no cache file at all. Every value carries a magic number and a checksum of its bytes, so
damage is found before anything is used; and it is unpickled by an unpickler that resolves
only the project's own classes and a few standard types, so that a planted file cannot run
code (the cache directory should still be writable by the service alone).
"""

from __future__ import annotations

import enum
import functools
import hashlib
import importlib
import io
import pickle
import zoneinfo
from typing import Any

from api import pickling

MAGIC = b"CAv1"
_DIGEST = 16

#: Standard names a cached value may refer to (module, qualified name).
_STANDARD = frozenset(
    {
        ("builtins", "frozenset"),
        ("builtins", "set"),
        ("builtins", "slice"),
        ("builtins", "complex"),
        ("builtins", "bytearray"),
        ("collections", "OrderedDict"),
        ("copyreg", "_reconstructor"),
        ("builtins", "object"),
        ("datetime", "date"),
        ("datetime", "datetime"),
        ("datetime", "time"),
        ("datetime", "timedelta"),
        ("datetime", "timezone"),
        ("decimal", "Decimal"),
        ("pathlib", "PosixPath"),
        ("pathlib", "PurePosixPath"),
        ("zoneinfo", "ZoneInfo"),
        ("zoneinfo", "ZoneInfo._unpickle"),
        ("zoneinfo._zoneinfo", "ZoneInfo"),
        ("zoneinfo._zoneinfo", "ZoneInfo._unpickle"),
        ("numpy", "dtype"),
        ("numpy", "ndarray"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy._core.numeric", "_frombuffer"),
        ("numpy.core.numeric", "_frombuffer"),
    }
)


class Invalid(ValueError):
    """A cached value that must not be used (damaged, foreign, or not what was expected)."""


def encode(value: Any) -> bytes:
    payload = pickling.dumps(value)
    return MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload


def decode(blob: bytes, expected: type | tuple[type, ...] = object) -> Any:
    """The value ``encode`` made; raises ``Invalid`` for anything else."""
    head = len(MAGIC) + _DIGEST
    if len(blob) < head or blob[: len(MAGIC)] != MAGIC:
        raise Invalid("not a value of this cache format")
    view = memoryview(blob)[head:]
    if hashlib.blake2b(view, digest_size=_DIGEST).digest() != blob[len(MAGIC) : head]:
        raise Invalid("the checksum does not match: the value is damaged")
    try:
        value = _Unpickler(io.BytesIO(view)).load()
    except Invalid:
        raise
    except Exception as exc:  # any damage pickle itself notices
        raise Invalid(f"the value cannot be read: {exc}") from None
    if not isinstance(value, expected):
        raise Invalid(f"a {type(value).__name__} where a {expected} was expected")
    return value


def _member(cls: Any, name: str) -> Any:
    """What ``getattr`` is needed for in a cached value: an enum member by its name, or how
    a time zone is rebuilt."""
    if cls is zoneinfo.ZoneInfo and name == "_unpickle":
        return zoneinfo.ZoneInfo._unpickle  # type: ignore[attr-defined]
    if (
        isinstance(cls, type)
        and issubclass(cls, enum.Enum)
        and cls.__module__.partition(".")[0] == "api"
        and isinstance(name, str)
        and name in cls.__members__
    ):
        return cls[name]
    raise Invalid("the value asks for an attribute that is not an enum member")


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        return _resolve(module, name)


@functools.cache
def _resolve(module: str, name: str) -> Any:
    """What a global in a cached value may be (remembered: the same few, many times)."""
    if (module, name) == ("builtins", "getattr"):
        return _member  # enums and time zones are pickled as getattr(cls, name)
    own = module == "api" or module.startswith("api.")
    if not own and (module, name) not in _STANDARD:
        raise Invalid(f"the value refers to {module}.{name}, which a cache value never does")
    try:
        found: Any = importlib.import_module(module)
        for part in name.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError) as exc:
        raise Invalid(f"the value refers to {module}.{name}, which does not exist") from exc
    if own and not isinstance(found, type):
        raise Invalid(f"the value refers to {module}.{name}, which is not a class")
    return found
