"""The cache file: one SQLite database in WAL mode in the cache directory.

Why SQLite rather than a file per entry: a page's first view reads its render, one small
value among tens of thousands, which is one indexed query here, and renders are written in
batches, in one transaction instead of as many temporary files and renames. SQLite's
transactions make every write atomic, WAL lets workers read while another writes, and
concurrent writers wait for each other (``busy_timeout``): processes sharing a directory
never corrupt it. The directory must be on a local file system (WAL needs shared memory).

A file that is not a cache of this format (damaged, truncated, another program's) is moved
aside with a warning and a new one is started; a value whose checksum fails is ignored.
Writes go through one background thread per process, batched, so requests never wait on
the disk; the cache is an optimisation, so a write that fails is logged and dropped.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

log = logging.getLogger("content_api")

FILE_NAME = "content-api-cache.sqlite3"
#: Left by a process that found the file damaged while using it: the next start sets the
#: file aside.
DAMAGED = "content-api-cache.damaged"
LOCK = "content-api-cache.lock"
APPLICATION_ID = 0x43415049  # "CAPI"
FORMAT = 2  # 2: whole loads (images) instead of one value per parsed file
#: Keys per ``IN (...)`` query: well under SQLite's limit on parameters.
QUERY_CHUNK = 500
#: Values written per transaction, and queued writes gathered into one.
WRITE_CHUNK = 1000
WRITE_BATCH = 4
#: A writer thread with nothing to write for this long ends (the next write starts one).
WRITER_IDLE_SECONDS = 5.0
#: How long a writer waits for another process's transaction (ms).
BUSY_MS = 10_000
#: Unused values are dropped after this long (seconds).
KEEP_UNUSED = 30 * 86400
#: Values of other content versions (renders, search indexes) are kept this long, so that
#: replicas serving an older version during a rolling deploy still find theirs. (Load
#: images are kept under their content root and options: only disuse drops them.)
KEEP_OTHER_VERSIONS = 3600
#: A value read is marked used at most this often (seconds), to spare writes.
TOUCH_EVERY = 86400

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tag TEXT NOT NULL,
    used INTEGER NOT NULL,
    value BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_tag ON entries (kind, tag);
CREATE INDEX IF NOT EXISTS entries_by_use ON entries (used);
"""

Row = tuple[str, str, str, bytes]  # key, kind, tag, value


class Unusable(Exception):
    """The cache cannot be used at all (no directory, no permission, no SQLite file)."""


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the cache file (raises sqlite3.Error)."""
    if readonly:
        # Immutable: nobody can write a read-only directory, so SQLite need not lock.
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        connection = sqlite3.connect(
            path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    return connection


class CacheFile:
    """The entries of one cache directory: read in any thread, written in the background."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / FILE_NAME
        self.readonly = False
        self.broken = False
        self._read_lock = threading.Lock()
        self._queue: queue.Queue[tuple[str, object] | None] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._writer_lock = threading.Lock()
        self._pending = 0
        self._idle = threading.Condition()
        self._reader = self._open()

    # -- opening --------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise Unusable(f"the cache directory {self.directory} cannot be made: {exc}") from exc
        can_write = writable(self.directory)
        marker = self.directory / DAMAGED
        if can_write and marker.exists():
            self._set_aside("a process found it damaged")
            marker.unlink(missing_ok=True)
        if not can_write:
            if not self.path.is_file():
                raise Unusable(f"the cache directory {self.directory} is read-only and empty")
            self.readonly = True
            connection = None
            try:
                connection = connect(self.path, readonly=True)
                self._check(connection)
            except (sqlite3.Error, Unusable) as exc:
                if connection is not None:
                    connection.close()
                raise Unusable(f"{self.path} cannot be used: {_reason(exc)}") from None
            return connection
        for attempt in range(2):
            connection = None
            try:
                connection = connect(self.path)
                self._prepare(connection)
                return connection
            except (sqlite3.DatabaseError, Unusable) as exc:
                if connection is not None:
                    connection.close()  # before the file is moved: closing may write to it
                if attempt:
                    raise Unusable(f"{self.path} cannot be used: {_reason(exc)}") from None
                self._set_aside(_reason(exc))
        raise AssertionError("unreachable")  # pragma: no cover

    def _prepare(self, connection: sqlite3.Connection) -> None:
        with self._locked():
            ident = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if ident == 0 and tables == 0:  # a new file
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {FORMAT}")
            elif ident != APPLICATION_ID:
                raise Unusable("it is not a content-api cache")
            elif version != FORMAT:
                raise Unusable(f"it is of another cache format ({version})")
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("the cache %s cannot use WAL (%s); it still works", self.path, mode)
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.executescript(_SCHEMA)
        # Reading what is there finds a damaged file now rather than mid-start.
        connection.execute("SELECT count(*) FROM entries").fetchone()

    def _check(self, connection: sqlite3.Connection) -> None:
        ident = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if ident != APPLICATION_ID or version != FORMAT:
            raise Unusable("it is not a content-api cache of this format")
        connection.execute("SELECT count(*) FROM entries").fetchone()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive lock between the processes that share the directory, for setting up
        or replacing the file."""
        with (self.directory / LOCK).open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _set_aside(self, reason: str) -> None:
        """Move an unusable file out of the way (kept for inspection), so a new one starts."""
        with self._locked():
            if not self.path.exists():
                return
            aside = self.path.with_name(f"{FILE_NAME}.unusable-{int(time.time())}-{os.getpid()}")
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{self.path}{suffix}").replace(f"{aside}{suffix}")
        log.warning(
            "the cache file %s is unusable (%s): moved to %s; starting a new one",
            self.path,
            reason,
            aside.name,
        )

    # -- reading --------------------------------------------------------------------------
    def get_many(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The values present for ``keys``."""
        if self.broken or not keys:
            return {}
        try:
            with self._read_lock:
                return select(self._reader, keys)
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}

    def get(self, key: str) -> bytes | None:
        return self.get_many([key]).get(key)

    def tag_of(self, key: str) -> str | None:
        """The tag an entry was stored with, without reading its value (None: no entry)."""
        if self.broken:
            return None
        try:
            with self._read_lock:
                row = self._reader.execute("SELECT tag FROM entries WHERE key = ?", (key,))
                found = row.fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        return None if found is None else str(found[0])

    # -- writing --------------------------------------------------------------------------
    def put(self, kind: str, tag: str, key: str, value: bytes) -> None:
        self.put_many([(key, kind, tag, value)])

    def put_many(self, rows: Iterable[Row]) -> None:
        """Store values, in the background (in transactions of ``WRITE_CHUNK`` values, so
        that a stop half-way keeps what was written)."""
        if self.readonly or self.broken:
            return
        rows = list(rows)
        for start in range(0, len(rows), WRITE_CHUNK):
            self._send("put", rows[start : start + WRITE_CHUNK])

    def touch(self, keys: Sequence[str]) -> None:
        """Note that values were used (unused ones are dropped after ``KEEP_UNUSED``)."""
        if keys and not (self.readonly or self.broken):
            self._send("touch", list(keys))

    def prune(self, current_tags: Iterable[str]) -> None:
        """Drop values nobody used for long, and other content versions' after a while."""
        if not (self.readonly or self.broken):
            self._send("prune", list(current_tags))

    def flush(self, timeout: float) -> bool:
        """Wait until what was sent is written (at most ``timeout`` seconds)."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._idle.wait(remaining)
        return True

    def close(self, timeout: float = 1.0) -> None:
        """Write what is pending (for at most ``timeout`` seconds), then stop writing."""
        self.flush(timeout)
        with self._writer_lock:
            writer, self._writer = self._writer, None
        if writer is not None:
            self._queue.put(None)
            writer.join(timeout=max(0.1, timeout))

    def compact(self) -> None:
        """Write everything, fold the WAL into the file and leave it in rollback-journal
        mode, so that it can be read from a read-only directory (an image layer). The
        cache is closed afterwards. Only ``cache build`` does this."""
        self.close(timeout=600)
        self._reader.close()
        self.broken = True  # closed: nothing more is read or written through this object
        connection = connect(self.path)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(sqlite3.OperationalError):  # another process has it open
                connection.execute("PRAGMA journal_mode = DELETE")
            connection.execute("VACUUM")
        finally:
            connection.close()

    def _send(self, what: str, payload: object) -> None:
        with self._idle:
            self._pending += 1
        self._queue.put((what, payload))
        with self._writer_lock:
            if self._writer is None:
                self._writer = threading.Thread(
                    target=self._write_loop, name="content-cache-writer", daemon=True
                )
                self._writer.start()

    def _write_loop(self) -> None:
        try:
            connection = connect(self.path)
        except sqlite3.Error as exc:
            self._fail(exc)
            connection = None
        while True:
            try:
                item = self._queue.get(timeout=WRITER_IDLE_SECONDS)
            except queue.Empty:
                with self._writer_lock:  # _send starts another after this one is gone
                    if self._queue.empty():
                        if self._writer is threading.current_thread():
                            self._writer = None
                        break
                continue
            if item is None:  # close() said stop (unless it was meant for an older writer)
                if self._writer is threading.current_thread():
                    continue
                break
            batch = [item]
            with contextlib.suppress(queue.Empty):
                while len(batch) < WRITE_BATCH:
                    more = self._queue.get_nowait()
                    if more is None:
                        self._queue.put(None)
                        break
                    batch.append(more)
            if connection is not None and not self.broken:
                try:
                    _apply(connection, batch)
                except sqlite3.Error as exc:
                    self._fail(exc)
            with self._idle:
                self._pending -= len(batch)
                self._idle.notify_all()
        if connection is not None:
            connection.close()

    def _fail(self, exc: sqlite3.Error) -> None:
        """A read or write failed: stop using the file in this process."""
        if self.broken:
            return
        self.broken = True
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            reason = "it is damaged: it is set aside at the next start"
        else:
            reason = "the cache is not used until the server restarts"
        log.warning("the cache %s failed (%s); %s", self.path, exc, reason)
        with contextlib.suppress(OSError):
            if reason.startswith("it is damaged"):
                (self.directory / DAMAGED).touch()


def select(connection: sqlite3.Connection, keys: Sequence[str]) -> dict[str, bytes]:
    """The values present for ``keys`` (a value stored as text comes back as bytes, to be
    refused by its checksum like any damage)."""
    found: dict[str, bytes] = {}
    for start in range(0, len(keys), QUERY_CHUNK):
        chunk = keys[start : start + QUERY_CHUNK]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT key, CAST(value AS BLOB) FROM entries WHERE key IN ({marks})"
        found.update(connection.execute(query, chunk))
    return found


def writable(directory: Path) -> bool:
    return os.access(directory, os.W_OK)


def _apply(connection: sqlite3.Connection, batch: list[tuple[str, object]]) -> None:
    now = int(time.time())
    connection.execute("BEGIN IMMEDIATE")
    try:
        for what, payload in batch:
            if what == "put":
                rows = [(k, kind, tag, now, value) for k, kind, tag, value in payload]  # type: ignore[attr-defined]
                connection.executemany(
                    "INSERT OR REPLACE INTO entries (key, kind, tag, used, value) "
                    "VALUES (?, ?, ?, ?, ?)",
                    rows,
                )
            elif what == "touch":
                keys: list[str] = payload  # type: ignore[assignment]
                for start in range(0, len(keys), QUERY_CHUNK):
                    chunk = keys[start : start + QUERY_CHUNK]
                    marks = ",".join("?" * len(chunk))
                    connection.execute(
                        f"UPDATE entries SET used = ? WHERE key IN ({marks}) AND used < ?",
                        [now, *chunk, now - TOUCH_EVERY],
                    )
            elif what == "prune":
                tags: list[str] = payload  # type: ignore[assignment]
                marks = ",".join("?" * len(tags)) or "''"
                connection.execute("DELETE FROM entries WHERE used < ?", [now - KEEP_UNUSED])
                connection.execute(
                    f"DELETE FROM entries WHERE kind != 'image' AND tag NOT IN ({marks}) "
                    "AND used < ?",
                    [*tags, now - KEEP_OTHER_VERSIONS],
                )
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
