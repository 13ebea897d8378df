"""A first load begun before the app exists is taken over by its runtime, or redone."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from api import processes
from api.content.loader import Loader
from api.content.snapshot import Snapshot
from api.earlyload import EarlyLoad
from api.http.app import create_app
from api.settings import Settings
from tests.support.sites import page, write_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"_notes/a.md": page("title: A")})


def test_the_runtime_takes_the_early_snapshot_over(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(content_dir=site)
    early = EarlyLoad(settings)
    early.take()
    loads: list[object] = []
    real = Loader.load_views

    def counted(
        self: Loader, changed: object = (), now: datetime | None = None, **views: Any
    ) -> tuple[Snapshot, Snapshot | None]:
        loads.append(changed)
        return real(self, changed, now, **views)  # type: ignore[arg-type]

    monkeypatch.setattr(Loader, "load_views", counted)
    app = create_app(settings, start=False, early=early)
    runtime = app.state.runtime
    assert runtime.loader is early.loader
    served = runtime.load()
    assert loads == [] and served.site.get("notes/a") is not None  # no second read
    runtime.load()
    assert len(loads) == 1  # later loads are the runtime's own (incremental)


def test_with_preview_tokens_the_early_load_reads_the_hidden_pages_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_site(
        tmp_path / "site",
        {"_notes/a.md": page("title: A"), "_notes/b.md": page("title: B\npublished: false")},
    )
    settings = Settings(content_dir=root, preview_tokens="a" * 43)
    early = EarlyLoad(settings)
    loaded = early.take()
    public, hidden = loaded.public, loaded.hidden
    assert hidden is not None and len(hidden.documents) == len(public.documents) + 1
    reads: list[object] = []
    monkeypatch.setattr(Loader, "load_views", lambda *args, **kwargs: reads.append(args))
    app = create_app(settings, start=False, early=early)
    served = app.state.runtime.load()
    assert reads == []  # taken over, not read again
    assert served.preview is not None and served.preview.get().site.get("notes/b") is not None
    assert served.site.get("notes/b") is None


def test_a_failed_early_load_is_done_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Loader, *args: object, **kwargs: object) -> Snapshot:
        raise OSError("the disk went away")

    real = Loader.load_views
    monkeypatch.setattr(Loader, "load_views", broken)
    early = EarlyLoad(Settings(content_dir=site))
    with pytest.raises(OSError, match="went away"):
        early.take()
    monkeypatch.setattr(Loader, "load_views", real)
    runtime = create_app(Settings(content_dir=site), start=False, early=early).state.runtime
    with pytest.raises(OSError):
        runtime.load()  # the early failure is reported once (the first load retries)...
    assert runtime.load().site.get("notes/a") is not None  # ...then it loads itself


def test_an_early_load_for_other_settings_is_not_taken(site: Path) -> None:
    early = EarlyLoad(Settings(content_dir=site, drafts=True))
    runtime = create_app(Settings(content_dir=site), start=False, early=early).state.runtime
    assert runtime.loader is not early.loader


def test_stopping_cancels_an_early_load(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def held(self: Loader, *args: object, **kwargs: object) -> Snapshot:
        assert release.wait(30)
        raise processes.Cancelled()  # what a load whose children were killed raises

    monkeypatch.setattr(Loader, "load_views", held)
    early = EarlyLoad(Settings(content_dir=site))
    early.children.stop()
    try:
        with pytest.raises(processes.Cancelled):
            early.take()  # at once, though the load has not returned yet
    finally:
        release.set()
