"""What a cached value is keyed by: everything that could change it, hashed.

Every key starts from the fingerprint of the code that made the value: the project's
version, the source of the ``api`` package itself (so a development checkout never reads
values an older edit made), the Python and SQLite versions and those of the libraries that
parse, render and index. Values made by other code are never found, so never served.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from api import __version__

#: Libraries whose version changes what is parsed, rendered or indexed.
LIBRARIES = (
    "PyYAML",
    "python-frontmatter",
    "markdown-it-py",
    "mdit-py-plugins",
    "python-liquid",
    "Pygments",
    "nh3",
    "numpy",
    "regex",
    "charset-normalizer",
    "langcodes",
    "inflection",
    "tantivy",
)


@functools.cache
def fingerprint() -> str:
    """The code that makes cached values, as a hash (computed once per process)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"content-api {__version__}\n{sys.version}\n{sqlite3.sqlite_version}\n".encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\n".encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def _base() -> Any:
    return hashlib.blake2b(fingerprint().encode(), digest_size=20)


def key(*parts: str) -> str:
    """A cache key from the fingerprint and ``parts`` (none of which holds a NUL)."""
    digest = _base().copy()
    digest.update("\0".join(parts).encode("utf-8", "surrogatepass"))
    return str(digest.hexdigest())
