"""Delivering webhook messages: in the background, retried, once per version per endpoint.

Each endpoint has a thread of its own with a queue ordered by when each attempt is due, so a
slow or failing receiver delays no other and never a request. An attempt is a POST (the
standard library's ``http.client``, ``TIMEOUT`` seconds) that succeeds on any 2xx; anything
else (another status, a redirect, which is never followed, a network error) is retried after
``FIRST_RETRY`` seconds, then twice as long each time up to ``MAX_DELAY``, until
``RETRY_FOR`` seconds have passed since the first attempt: then it is given up, and logged.

With several workers, each serving the same versions, a lock file per endpoint and version
(created with ``O_EXCL`` in a folder all of them share) decides which one delivers it; what
became of it is shared there too (``api.publish.delivery_status``).
"""

from __future__ import annotations

import hashlib
import heapq
import http.client
import itertools
import logging
import os
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import orjson

from api import __version__
from api.publish.delivery_status import Book, Status
from api.publish.webhooks import Message, Signer, decode_secret, endpoint_name

if TYPE_CHECKING:
    from api.settings import Settings
    from api.site.changes import Delta

log = logging.getLogger("content_api")

TIMEOUT = 5.0
FIRST_RETRY = 1.0
MAX_DELAY = 300.0
RETRY_FOR = 3600.0
#: How often a worker reads the statuses the others wrote, at most (seconds).
SHARE_EVERY = 2.0
#: Lock files older than this are removed (long after any retry could want them).
LOCK_LIFETIME = 2 * 86400.0
#: Most bytes of a receiver's answer read (the rest is dropped with the connection).
MAX_ANSWER = 64 * 1024


@dataclass(slots=True)
class Attempt:
    message: Message
    version: str
    first: float  # time.monotonic() of the first attempt
    count: int = 0


@dataclass(slots=True)
class Schedule:
    timeout: float = TIMEOUT
    first_retry: float = FIRST_RETRY
    max_delay: float = MAX_DELAY
    retry_for: float = RETRY_FOR

    def delay(self, attempts: int) -> float:
        """How long to wait after the ``attempts``-th failed attempt."""
        return float(min(self.max_delay, self.first_retry * 2 ** (attempts - 1)))


class Endpoint:
    """One receiver URL and its queue of attempts."""

    def __init__(
        self, url: str, index: int, signer: Signer, lock_dir: Path | None, schedule: Schedule
    ) -> None:
        self.url = url
        self.name = endpoint_name(url, index)
        self.key = hashlib.sha256(url.encode()).hexdigest()[:16]
        self.signer = signer
        self.lock_dir = lock_dir
        self.schedule = schedule
        self.book = Book(self.name, self.key, lock_dir)
        self.skipped = 0  # versions another worker delivers
        self._queue: list[tuple[float, int, Attempt]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._stop = False
        self._thread: threading.Thread | None = None
        self._cleaned = 0.0

    def put(self, message: Message, version: str) -> None:
        now = time.monotonic()
        with self._wake:
            heapq.heappush(self._queue, (now, next(self._order), Attempt(message, version, now)))
            self._wake.notify()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="webhooks", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        with self._wake:
            self._stop = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(timeout=1)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._stop and (not self._queue or self._queue[0][0] > time.monotonic()):
                    wait = self._queue[0][0] - time.monotonic() if self._queue else SHARE_EVERY
                    if not self._wake.wait(min(wait, SHARE_EVERY)):
                        self.book.refresh()  # the other workers' deliveries
                if self._stop:
                    return
                _, _, attempt = heapq.heappop(self._queue)
            try:
                self._attempt(attempt)
            except Exception:  # a bug must not end the deliveries of every later version
                log.exception("webhook delivery to %s failed unexpectedly", self.name)

    def _attempt(self, attempt: Attempt) -> None:
        if attempt.count == 0 and not self._claim(attempt.version):
            self.skipped += 1
            return
        attempt.count += 1
        error = self._post(attempt.message)
        wall = datetime.now(UTC)
        version = attempt.version
        if error is None:
            self.book.record(Status(version, attempt.count, True, None, wall, None))
            if attempt.count > 1:
                log.info(
                    "webhook: version %s delivered to %s at attempt %d",
                    version[:12],
                    self.name,
                    attempt.count,
                )
            return
        now = time.monotonic()
        delay = self.schedule.delay(attempt.count)
        if now + delay - attempt.first > self.schedule.retry_for:
            log.error(
                "webhook: gave up delivering version %s to %s after %d attempts: %s",
                version[:12],
                self.name,
                attempt.count,
                error,
            )
            self.book.record(Status(version, attempt.count, False, error, wall, None))
            return
        log.warning(
            "webhook: delivering version %s to %s failed (%s); retrying in %gs",
            version[:12],
            self.name,
            error,
            delay,
        )
        next_at = datetime.fromtimestamp(wall.timestamp() + delay, UTC)
        self.book.record(Status(version, attempt.count, False, error, wall, next_at))
        with self._wake:
            heapq.heappush(self._queue, (now + delay, next(self._order), attempt))

    def _post(self, message: Message) -> str | None:
        """One attempt: None when the receiver took it, else why not."""
        parts = urlsplit(self.url)
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {**self.signer.headers(message), "user-agent": f"content-api/{__version__}"}
        connection = cls(parts.hostname or "", parts.port, timeout=self.schedule.timeout)
        try:
            connection.request("POST", target, body=message.body, headers=headers)
            answer = connection.getresponse()
            answer.read(MAX_ANSWER)
            status = answer.status
        except (OSError, http.client.HTTPException) as exc:
            return _describe(exc, self.schedule.timeout)
        finally:
            connection.close()
        if 200 <= status < 300:
            return None
        if 300 <= status < 400:
            return f"HTTP {status}: a redirect, which webhooks do not follow"
        return f"HTTP {status}"

    def _claim(self, version: str) -> bool:
        """Whether this process delivers ``version`` (another worker may have claimed it)."""
        folder = self.lock_dir
        if folder is None:
            return True
        self._clean(folder)
        try:
            fd = os.open(folder / f"{self.key}-{version}", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return False
        except OSError as exc:
            # Better twice than never: deliver, and say why the lock could not be taken.
            log.warning("webhook: cannot take the lock in %s (%s)", folder, _describe(exc, 0))
            return True
        os.write(fd, f"{os.getpid()}\n".encode())
        os.close(fd)
        return True

    def _clean(self, folder: Path) -> None:
        now = time.time()
        if now - self._cleaned < 3600:
            return
        self._cleaned = now
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            try:
                if entry.name.startswith(self.key) and now - entry.stat().st_mtime > LOCK_LIFETIME:
                    Path(entry.path).unlink()
            except OSError:
                continue


class Deliveries:
    """Every endpoint's deliveries of the public view's versions."""

    def __init__(
        self,
        urls: tuple[str, ...],
        key: bytes,
        lock_dir: Path | None = None,
        schedule: Schedule | None = None,
    ) -> None:
        signer = Signer(key)
        schedule = schedule or Schedule()
        self.endpoints = [
            Endpoint(url, i, signer, lock_dir, schedule) for i, url in enumerate(urls)
        ]

    @classmethod
    def from_settings(cls, settings: Settings) -> Deliveries | None:
        if not settings.webhooks or settings.webhook_secret is None:
            return None
        key = decode_secret(settings.webhook_secret.get_secret_value())
        folder = settings.webhook_lock_dir
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        return cls(settings.webhooks, key, folder)

    def announce(self, step: Delta) -> None:
        """Queue the notice of version ``step.to`` for every endpoint."""
        message = Message(f"msg_{step.to}", orjson.dumps(step.notice()))
        for endpoint in self.endpoints:
            endpoint.put(message, step.to)

    def start(self) -> None:
        for endpoint in self.endpoints:
            endpoint.start()

    def stop(self) -> None:
        for endpoint in self.endpoints:
            endpoint.stop()

    def report(self) -> dict[str, Any]:
        """For ``/api/v1/diagnostics``: counts, and the deliveries that have not succeeded
        (of every worker, when they share a lock folder)."""
        statuses = [(e.book, s) for e in self.endpoints for s in e.book.statuses()]
        failing = [(book, s) for book, s in statuses if not s.delivered]
        return {
            "endpoints": len(self.endpoints),
            "delivered": sum(1 for _, s in statuses if s.delivered),
            "failed_attempts": sum(s.attempts - (1 if s.delivered else 0) for _, s in statuses),
            "retrying": sum(1 for _, s in failing if not s.given_up),
            "given_up": sum(1 for _, s in failing if s.given_up),
            "failures": [book.failure(s) for book, s in sorted(failing, key=lambda f: f[1].at)],
        }


def _describe(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout:g}s"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__
