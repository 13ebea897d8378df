"""Clients that keep a server busy from threads, and what counts as a failed request.

A request fails on a transport error, a 5xx, or a malformed body: JSON that does not parse,
a problem that is not RFC 9457, or a page whose parts come from two versions of its file
(``data.load_version`` says which version the front matter is; the body must say the same).
"""

from __future__ import annotations

import itertools
import json
import random
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

import httpx

#: Pages the load tests edit carry ``load_version: N`` and a body line ``load marker N``.
VERSION_KEY = "load_version"


def marker(version: int) -> str:
    return f"load marker {version}"


def check(path: str, response: httpx.Response) -> str | None:
    """Why ``response`` is a failed request, or None."""
    status = response.status_code
    if status >= 500:
        return f"{status} on {path}: {response.text[:300]}"
    if response.request.method == "HEAD" or status == 304:
        return None if not response.content else f"{status} {path} has a body"
    kind = response.headers.get("content-type", "")
    if "json" not in kind:
        return None if status < 400 or "problem" in kind else f"{status} {path}: {kind}"
    try:
        body: Any = json.loads(response.content)
    except ValueError:
        return f"{status} {path}: malformed JSON {response.content[:200]!r}"
    if status >= 400:
        shape = isinstance(body, dict) and {"type", "title", "status", "detail"} <= body.keys()
        if not shape or body["status"] != status or "problem+json" not in kind:
            return f"{status} {path}: not a problem: {response.text[:200]}"
        return None
    if isinstance(body, dict) and isinstance(body.get("data"), dict):
        version = body["data"].get(VERSION_KEY)
        if version is not None and marker(version) not in body.get("html", ""):
            return f"{path}: front matter of version {version} with another version's body"
    return None


class Load:
    """``clients`` threads sending GET (and some HEAD) requests for ``paths()`` until the
    ``with`` block ends. ``paths`` is called now and then, so the set can follow the site."""

    def __init__(
        self,
        base_url: str,
        paths: Callable[[], Sequence[str]],
        *,
        clients: int = 4,
        seed: int = 7,
    ) -> None:
        self.base_url = base_url
        self.paths = paths
        self.clients = clients
        self.seed = seed
        self.requests = 0
        self.statuses: Counter[int] = Counter()
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> Load:
        for n in range(self.clients):
            thread = threading.Thread(target=self._client, args=(n,), name=f"load-{n}")
            self._threads.append(thread)
            thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def _client(self, n: int) -> None:
        rng = random.Random(self.seed + n)
        with httpx.Client(base_url=self.base_url, timeout=30) as client:
            for count in itertools.count():
                if self._stop.is_set():
                    return
                if count % 50 == 0:
                    paths = list(self.paths())
                path = rng.choice(paths)
                method = "HEAD" if count % 7 == 3 else "GET"
                try:
                    response = client.request(method, path)
                    failure = check(path, response)
                    status = response.status_code
                except httpx.HTTPError as exc:
                    failure, status = f"{method} {path}: {type(exc).__name__}: {exc}", 0
                with self._lock:
                    self.requests += 1
                    self.statuses[status] += 1
                    if failure is not None:
                        self.failures.append(failure)
