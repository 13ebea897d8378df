"""The runtime's threads, in-process: the watcher outlives failed reloads, threads stay few,
and a snapshot some request still holds gets its search index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from api.content.snapshot import Snapshot
from api.http.runtime import Runtime
from api.settings import Settings
from tests.live.server import VISIBLE_WITHIN, poll
from tests.support.sites import page, write_site

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("live")]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"_notes/a.md": page("title: A1")})


@pytest.fixture
def runtime(site: Path) -> Iterator[Runtime]:
    runtime = Runtime(Settings(content_dir=site, watch=True))
    runtime.start()
    poll(lambda: runtime.served, 30, "the first load")
    yield runtime
    runtime.stop()


def title(runtime: Runtime) -> str | None:
    served = runtime.served
    doc = None if served is None else served.site.get("notes/a")
    return None if doc is None else doc.title


def edit(site: Path, runtime: Runtime, value: str) -> None:
    (site / "_notes/a.md").write_text(page(f"title: {value}"), encoding="utf-8")
    poll(lambda: title(runtime) == value, VISIBLE_WITHIN, f"title {value}")


def test_a_failed_reload_does_not_stop_the_watcher(
    site: Path, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = runtime.loader.load
    calls: list[int] = []

    def fails_once(changed: Iterable[str] = (), now: datetime | None = None) -> Snapshot:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug in the loader")
        return real(changed, now)

    monkeypatch.setattr(runtime.loader, "load", fails_once)
    (site / "_notes/a.md").write_text(page("title: A2"), encoding="utf-8")
    poll(lambda: runtime.reload_failures, VISIBLE_WITHIN, "the failed reload")
    assert title(runtime) == "A1"  # still serving the previous content
    edit(site, runtime, "A3")
    assert [t.name for t in runtime.threads] == ["content-warm", "content-watch"]


def test_threads_stay_few_whatever_the_reloads(site: Path, runtime: Runtime) -> None:
    for n in range(2, 22):
        edit(site, runtime, f"A{n}")
    assert runtime.reloads >= 21
    assert len(runtime._threads) <= 3  # the first load (finished), the warmer, the watcher
    runtime.stop()
    assert runtime.threads == []


def test_a_superseded_snapshot_in_use_is_still_warmed(site: Path, runtime: Runtime) -> None:
    held = runtime.load()  # a request holds this one...
    runtime._warm_later(held)
    newer = runtime.load()  # ...while a reload replaces it before the warmer gets to it
    runtime._warm_later(newer)
    assert newer.store.search_index(timeout=30) is not None
    assert held.store.search_index(timeout=30) is not None


def test_a_failed_first_load_is_retried(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = Runtime(Settings(content_dir=site))
    real = runtime.loader.load_views
    calls: list[int] = []

    def fails_once(
        changed: Iterable[str] = (), now: datetime | None = None, **views: Any
    ) -> tuple[Snapshot, Snapshot | None]:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("the disk hiccuped")
        return real(changed, now, **views)

    monkeypatch.setattr(runtime.loader, "load_views", fails_once)
    runtime.start()
    try:
        poll(lambda: runtime.served, 10, "ready after a retry")
        assert len(calls) == 2
    finally:
        runtime.stop()
