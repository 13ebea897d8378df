"""Where preview tokens come from: the environment, and a file re-read when it changes.

The file suits a Kubernetes Secret mounted as a volume: a rotation swaps a symlink, so the
file is polled (its inode, size and modification time, following symlinks) every
``POLL_SECONDS`` by a thread of its own, never on a request. A file that goes missing or
cannot be read revokes its tokens (failing closed) until it is back.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from api.preview.tokens import TokenSet, parse_list, parse_text

log = logging.getLogger("content_api")

POLL_SECONDS = 1.0
#: Largest token file read (a Secret holds at most 1 MiB).
MAX_FILE_BYTES = 1 << 20

Stamp = tuple[int, int, int, int] | None


class TokenSource:
    """The tokens accepted now: those of ``inline`` plus those of ``file``, if given."""

    def __init__(self, inline: str | None, file: Path | None) -> None:
        self.file = file
        self._inline, problems = parse_list(inline or "")
        for problem in problems:
            log.warning("CONTENT_API_PREVIEW_TOKENS %s", problem)
        self._stamp: Stamp = None
        self._read_once = False
        self._current = self._inline
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if file is not None:
            self.refresh()

    @property
    def enabled(self) -> bool:
        """Preview is on when tokens are configured at all (a file may hold none yet)."""
        return self.file is not None or len(self._inline) > 0

    @property
    def current(self) -> TokenSet:
        return self._current

    def refresh(self) -> bool:
        """Re-read the file if it changed; whether the accepted tokens were replaced."""
        if self.file is None:
            return False
        with self._lock:
            stamp = _stamp(self.file)
            if self._read_once and stamp == self._stamp:
                return False
            self._read_once = True
            self._stamp = stamp
            if stamp is None:
                log.warning(
                    "preview tokens file %s is missing or unreadable: its tokens are not "
                    "accepted until it is back",
                    self.file,
                )
                self._current = self._inline
                return True
            tokens, problems = _read(self.file)
            for problem in problems:
                log.warning("preview tokens file %s: %s", self.file, problem)
            self._current = self._inline + tokens
            log.info("preview tokens read from %s: %d accepted", self.file, len(tokens))
            return True

    def start(self) -> None:
        """Poll the file in the background (nothing to do without one)."""
        if self.file is None or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._poll, name="preview-tokens", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def _poll(self) -> None:
        while not self._stop.wait(POLL_SECONDS):
            try:
                self.refresh()
            except Exception:  # a bug here must not end the polling
                log.exception("re-reading the preview tokens file failed")


def _stamp(path: Path) -> Stamp:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


def _read(path: Path) -> tuple[TokenSet, list[str]]:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return TokenSet(), [f"cannot be read ({os.strerror(exc.errno or 0)})"]
    if len(raw) > MAX_FILE_BYTES:
        return TokenSet(), [f"is larger than {MAX_FILE_BYTES} bytes; no token is accepted"]
    return parse_text(raw.decode("utf-8", "replace"))
