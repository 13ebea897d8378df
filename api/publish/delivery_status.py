"""What became of each delivery, for ``/api/v1/diagnostics``, shared by the workers.

One endpoint's ``Book`` holds the status of its recent deliveries: those this process made,
and, when the workers share a lock folder, those the others made (each worker writes the
status of the deliveries it owns beside their lock file, ``<key>-<version>.json``, and
reads the others' now and then, in the delivery thread: never on a request). So whichever
worker answers ``/api/v1/diagnostics``, it reports every worker's deliveries.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

#: Deliveries remembered per endpoint (the newest).
KEPT = 200
#: Largest status file read (they are a few hundred bytes).
MAX_STATUS_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Status:
    version: str
    attempts: int
    delivered: bool
    error: str | None  # of the last failed attempt
    at: datetime  # of the last attempt
    next_at: datetime | None  # of the next attempt; None when delivered or given up

    @property
    def given_up(self) -> bool:
        return not self.delivered and self.next_at is None

    def as_json(self) -> bytes:
        return orjson.dumps(
            {
                "version": self.version,
                "attempts": self.attempts,
                "delivered": self.delivered,
                "error": self.error,
                "at": self.at.isoformat(),
                "next_at": self.next_at.isoformat() if self.next_at else None,
            }
        )

    @classmethod
    def from_json(cls, raw: bytes) -> Status | None:
        try:
            found = orjson.loads(raw)
            return cls(
                str(found["version"]),
                int(found["attempts"]),
                bool(found["delivered"]),
                None if found["error"] is None else str(found["error"]),
                datetime.fromisoformat(found["at"]),
                None if found["next_at"] is None else datetime.fromisoformat(found["next_at"]),
            )
        except (ValueError, KeyError, TypeError):
            return None  # a file being written, or not ours


class Book:
    """The statuses of one endpoint's deliveries. Thread-safe."""

    def __init__(self, name: str, key: str, folder: Path | None) -> None:
        self.name = name
        self.key = key
        self.folder = folder
        self._statuses: dict[str, Status] = {}
        self._seen: dict[str, int] = {}  # status file name -> mtime_ns read
        self._lock = threading.Lock()

    def record(self, status: Status) -> None:
        """The outcome of an attempt this process made (written for the other workers)."""
        self._keep(status)
        if self.folder is not None:
            path = self.folder / f"{self.key}-{status.version}.json"
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            with contextlib.suppress(OSError):  # diagnostics only: never fail a delivery
                temporary.write_bytes(status.as_json())
                temporary.replace(path)

    def refresh(self) -> None:
        """Read what the other workers wrote since the last time."""
        if self.folder is None:
            return
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        prefix = f"{self.key}-"
        for entry in entries:
            if not entry.name.startswith(prefix) or not entry.name.endswith(".json"):
                continue
            try:
                stamp = entry.stat().st_mtime_ns
                if self._seen.get(entry.name) == stamp:
                    continue
                with open(entry.path, "rb") as handle:  # noqa: PTH123 - a DirEntry's path
                    raw = handle.read(MAX_STATUS_BYTES)
            except OSError:
                continue
            self._seen[entry.name] = stamp
            status = Status.from_json(raw)
            if status is not None:
                self._keep(status)
        if len(self._seen) > 4 * KEPT:
            self._seen.clear()

    def _keep(self, status: Status) -> None:
        with self._lock:
            known = self._statuses.get(status.version)
            if known is not None and (known.attempts, known.at) > (status.attempts, status.at):
                return
            self._statuses[status.version] = status
            if len(self._statuses) > KEPT:
                oldest = min(self._statuses.values(), key=lambda s: s.at)
                del self._statuses[oldest.version]

    def statuses(self) -> list[Status]:
        with self._lock:
            return sorted(self._statuses.values(), key=lambda s: s.at)

    def failure(self, status: Status) -> dict[str, Any]:
        return {
            "endpoint": self.name,
            "content_version": status.version,
            "attempts": status.attempts,
            "last_error": status.error,
            "last_attempt": status.at.isoformat(),
            "next_attempt": status.next_at.isoformat() if status.next_at else None,
            "gave_up": status.given_up,
        }
