"""Reading files into documents, on one core or several.

Parsing YAML dominates a cold start, and every file is independent, so a large first load
is spread over child processes, one per core; reloads touch few files and stay in-process.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from api import processes
from api.content.config import SiteConfig
from api.content.diagnostics import Diagnostic
from api.content.discovery import Found
from api.content.documents import build_document
from api.content.frontmatter import SourceError, decode, parse_source
from api.content.generators.optional_front_matter import adopt
from api.content.model import Document

#: Below this many files child processes cost more than they save.
POOL_THRESHOLD = 2000
#: Files a child reads before it sends their results back (so the parent unpickles them
#: while the children go on).
BATCH = 250


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file as read: the stat it was read at, its hash, and the outcome.

    ``document`` is None when the file has no front matter (then it is not a page) or when
    it failed (then ``failure`` says why). The parsed source is not kept: it would double
    what crosses the process boundary, and a config change simply re-reads the files.
    ``unsettled``: the file's size changed between listing and reading, so a save was under
    way; the watcher will report the change that completes it.
    """

    path: str
    stamp: tuple[int, int]
    content_hash: str
    document: Document | None = None
    problems: tuple[Diagnostic, ...] = ()
    failure: SourceError | None = None
    unsettled: bool = False


def content_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def read_regular(path: str | Path) -> bytes:
    """The bytes of a regular file. A named pipe or a device would block or never end, so
    anything else is an OSError, even if it replaced the file since it was listed."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{Path(path).name} is not a regular file")
        # Read to the end, however the file has grown since its size was taken.
        chunks = [os.read(fd, info.st_size + 1)]
        while chunks[-1]:
            chunks.append(os.read(fd, max(info.st_size, 1 << 16)))
        return chunks[0] if len(chunks) == 2 else b"".join(chunks)
    finally:
        os.close(fd)


def read_file(found: Found, config: SiteConfig) -> FileResult:
    """Read, parse and build one file. Never raises."""
    stamp = (found.mtime_ns, found.size)
    path = found.origin.path
    try:
        raw = read_regular(found.path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        failure = SourceError("unreadable", f"The file cannot be read: {reason}.")
        return FileResult(path, stamp, "", failure=failure)
    return parse_file(found, raw, config)


def parse_file(found: Found, raw: bytes, config: SiteConfig) -> FileResult:
    """Parse and build one file from the bytes read. Never raises."""
    stamp = (found.mtime_ns, found.size)
    path = found.origin.path
    digest = content_hash(raw)
    # The size changed between listing and reading, or all there is is the start of a
    # front-matter line ("-", "--"): a save under way, which the watcher will see complete.
    unsettled = len(raw) != found.size or _opening_only(raw)
    try:
        origin, source = found.origin, parse_source(raw)
        front_matter = source is not None
        if source is None:
            text, notes = decode(raw)
            adopted = adopt(origin, text, config)
            if adopted is None:
                return FileResult(path, stamp, digest, unsettled=unsettled)
            origin, source = adopted[0], replace(adopted[1], warnings=tuple(notes))
        document, problems = build_document(origin, source, config, digest, front_matter)
    except SourceError as exc:
        return FileResult(path, stamp, digest, failure=exc, unsettled=unsettled)
    return FileResult(path, stamp, digest, document, tuple(problems), unsettled=unsettled)


def _opening_only(raw: bytes) -> bool:
    return 0 < len(raw) < 4 and b"---".startswith(raw.rstrip(b"\r\n"))


def read_many(items: list[Found], config: SiteConfig) -> list[FileResult]:
    """Read files, in parallel when there are many and more than one core.

    Raises ``processes.Cancelled`` when the server stops meanwhile.
    """
    workers = min(processes.cores(), 8)
    if len(items) < POOL_THRESHOLD or workers < 2:
        return [read_file(item, config) for item in items]
    results: dict[str, FileResult] = {}
    with processes.no_collection():
        try:
            batches = processes.map_in_children(
                _read_chunk, items, config, workers=workers, batch=BATCH
            )
            for batch in batches:
                results.update((r.path, r) for r in batch)
        except processes.ChildFailed:
            pass  # what the children did not read is read here
        for item in items:
            if item.origin.path not in results:
                results[item.origin.path] = read_file(item, config)
    return sorted(results.values(), key=lambda r: r.path)


def _read_chunk(items: list[Found], config: SiteConfig) -> list[FileResult]:
    return [read_file(item, config) for item in items]
