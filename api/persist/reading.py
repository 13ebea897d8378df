"""Reading a site through the cache: a file whose bytes were parsed before is not parsed again.

A parsed file is keyed by the code fingerprint, the site configuration (and loader
options), where the file sits (its path, kind and collection) and a hash of its bytes. Every
file is still read and hashed, so an edit is never missed, whatever its modification time.
Each child process (or this process, for small sites) reads its share of the files, looks
their keys up, parses only what it did not find, and sends the values back; this process
checks and unpickles them, and stores what was new in the background.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from api import processes
from api.content.config import SiteConfig
from api.content.diagnostics import Diagnostic
from api.content.discovery import Found
from api.content.documents import Origin
from api.content.frontmatter import SourceError
from api.content.model import Document, Kind
from api.content.reading import (
    BATCH,
    POOL_THRESHOLD,
    FileResult,
    content_hash,
    parse_file,
    read_file,
    read_regular,
)
from api.persist import codec, db
from api.persist.keys import key

log = logging.getLogger("content_api")

KIND = "parse"
#: What a child sends back for a file: (path, content hash, unsettled, key, value, new),
#: or the file's result itself when it is not to be cached (unreadable, mid-save).
Outcome = tuple[str, str, bool, str, bytes, bool] | FileResult
Parsed = tuple[Document | None, tuple[Diagnostic, ...], SourceError | None]
Lookup = Callable[[Sequence[str]], dict[str, bytes]]


class CachedReader:
    """A drop-in for ``read_many`` that reads through a ``CacheFile``."""

    def __init__(self, cache: db.CacheFile) -> None:
        self.cache = cache
        self.hits = 0
        self.misses = 0

    def __call__(self, items: list[Found], config: SiteConfig) -> list[FileResult]:
        context = site_context(config)
        workers = min(processes.cores(), 8)
        taken = _Taken(self.cache, items, config)
        with processes.no_collection():
            if len(items) >= POOL_THRESHOLD and workers >= 2:
                try:
                    for batch in processes.map_in_children(
                        _read_in_child,
                        items,
                        config,
                        context,
                        str(self.cache.path),
                        self.cache.readonly,
                        workers=workers,
                        batch=BATCH,
                    ):
                        taken.add(batch)  # while the children read on
                except processes.ChildFailed:
                    pass  # what the children did not read is read here
            rest = [item for item in items if item.origin.path not in taken.paths]
            if rest:
                taken.add(read_through(rest, config, context, self.cache.get_many))
        self.hits += len(taken.used)
        self.misses += len(taken.fresh)
        taken.finish()
        return taken.results


class _Taken:
    """What the children sent, checked and made into results as it arrives."""

    def __init__(self, cache: db.CacheFile, items: list[Found], config: SiteConfig) -> None:
        self.cache = cache
        self.config = config
        self.by_path = {item.origin.path: item for item in items}
        self.paths: set[str] = set()
        self.results: list[FileResult] = []
        self.fresh: list[db.Row] = []
        self.used: list[str] = []
        self.damaged = 0

    def add(self, outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            if isinstance(outcome, FileResult):
                self.paths.add(outcome.path)
                self.results.append(outcome)
                continue
            path, digest, unsettled, entry, blob, new = outcome
            self.paths.add(path)
            item = self.by_path[path]
            try:
                document, problems, failure = codec.decode(blob, tuple)
                if not _parsed(document, problems, failure):
                    raise codec.Invalid("not a parsed file")
            except (codec.Invalid, ValueError):
                self.damaged += 1
                self.results.append(read_file(item, self.config))
                continue
            stamp = (item.mtime_ns, item.size)
            self.results.append(
                FileResult(path, stamp, digest, document, problems, failure, unsettled=unsettled)
            )
            if new:
                self.fresh.append((entry, KIND, "", blob))
            else:
                self.used.append(entry)

    def finish(self) -> None:
        if self.damaged:
            log.warning(
                "%d cached values in %s were damaged or foreign and were ignored (the files "
                "were read again)",
                self.damaged,
                self.cache.path,
            )
        self.cache.put_many(self.fresh)
        self.cache.touch(self.used)


def site_context(config: SiteConfig) -> str:
    """What besides a file's own bytes and place goes into what it parses to (hashed once:
    the configuration can be long). The same in every process: sets are written sorted, as
    their own order changes with each process's string hashing."""
    return hashlib.blake2b(
        repr(_stable(config)).encode("utf-8", "surrogatepass"), digest_size=20
    ).hexdigest()


def _stable(value: object) -> object:
    """``value`` with every set in sorted order and every dataclass as its fields."""
    if isinstance(value, (set, frozenset)):
        return ("set", sorted((_stable(item) for item in value), key=repr))
    if isinstance(value, dict):
        return ("dict", [(_stable(k), _stable(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_stable(item) for item in value])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [(f.name, _stable(getattr(value, f.name))) for f in dataclasses.fields(value)]
        return (type(value).__name__, fields)
    return value


def origin_part(origin: Origin) -> str:
    """Where a file sits, as far as it changes what the file parses to. The collection's
    settings are the configuration's (in the site context). The modification time matters
    only for drafts, which Jekyll dates by it; keying other files by it would make every
    fresh checkout a cold start (tests/persist/test_reading.py checks that
    ``build_document`` agrees)."""
    label = None if origin.collection is None else origin.collection.label
    mtime = origin.mtime if origin.kind is Kind.DRAFT else 0.0
    return repr(
        (origin.path, str(origin.kind), origin.label, origin.inner, label, origin.categories, mtime)
    )


def read_through(
    items: Sequence[Found], config: SiteConfig, context: str, lookup: Lookup
) -> list[Outcome]:
    """Read ``items``, with the values ``lookup`` finds, parsing the others."""
    raws: list[tuple[Found, bytes, str, str]] = []
    outcomes: list[Outcome] = []
    for item in items:
        try:
            raw = read_regular(item.path)
        except OSError:
            outcomes.append(read_file(item, config))  # the same failure a plain read gives
            continue
        digest = content_hash(raw)
        raws.append((item, raw, digest, key(KIND, context, origin_part(item.origin), digest)))
    found = lookup([entry for _, _, _, entry in raws])
    for item, raw, digest, entry in raws:
        unsettled = len(raw) != item.size
        blob = found.get(entry)
        if blob is not None:
            outcomes.append((item.origin.path, digest, unsettled, entry, blob, False))
            continue
        result = parse_file(item, raw, config)
        if result.unsettled:  # half a save: not worth keeping
            outcomes.append(result)
            continue
        blob = codec.encode((result.document, result.problems, result.failure))
        outcomes.append((item.origin.path, digest, unsettled, entry, blob, True))
    return outcomes


def _parsed(document: object, problems: object, failure: object) -> bool:
    return (
        (document is None or isinstance(document, Document))
        and isinstance(problems, tuple)
        and all(isinstance(p, Diagnostic) for p in problems)
        and (failure is None or isinstance(failure, SourceError))
    )


_child_connection: sqlite3.Connection | None = None


def _read_in_child(
    items: list[Found], config: SiteConfig, context: str, path: str, readonly: bool
) -> list[Outcome]:
    """``read_through`` in a child process, with a connection of its own."""
    global _child_connection
    if _child_connection is None:
        try:
            _child_connection = db.connect(Path(path), readonly=readonly)
            _child_connection.execute("PRAGMA query_only = 1")
        except sqlite3.Error:
            return read_through(items, config, context, _nothing)

    def lookup(keys: Sequence[str]) -> dict[str, bytes]:
        assert _child_connection is not None
        try:
            return db.select(_child_connection, keys)
        except sqlite3.Error:
            return {}  # parsed here instead; the parent notices a damaged file itself

    return read_through(items, config, context, lookup)


def _nothing(keys: Sequence[str]) -> dict[str, bytes]:
    return {}
