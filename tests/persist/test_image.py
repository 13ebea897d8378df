"""A load restored from the cache's image is the load a fresh read makes, whatever changed."""

from __future__ import annotations

import dataclasses
import logging
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from api import processes
from api.content.config import parse_config
from api.content.documents import Origin, build_document
from api.content.frontmatter import parse_source
from api.content.loader import Loader, LoadOptions
from api.content.model import Kind
from api.content.snapshot import Snapshot
from api.persist import db, image, keys
from api.persist.db import CacheFile
from tests.support.sites import page, write_site

CONFIG = (
    "timezone: America/New_York\ncollections:\n  cases:\n    output: true\n"
    "plugins: [jekyll-redirect-from, jekyll-feed, jekyll-seo-tag]\n"
)
FILES: dict[str, str | bytes] = {
    "_config.yml": CONFIG,
    "Gemfile": 'gem "jekyll"\n',
    "_cases/a.md": page("title: A\ndate: 2021-03-04 10:00:00\ntags: [x]", "Body *a*.\n"),
    "_cases/b.md": page("title: B\norder: 2"),
    "_cases/broken.md": "---\ntitle: [oops\n---\n",
    "_cases/plain.md": "no front matter\n",
    "_cases/files/chart.svg": "<svg/>",
    "_cases/sub/with-include.md": page("title: W", "{% include_relative part.txt %}\n"),
    "_cases/sub/part.txt": "Included text.\n",
    "_drafts/idea.md": page("title: Idea"),
    "_posts/2020-01-01-hello.md": page("title: Hello\nredirect_from: /old/"),
    "_posts/2999-01-01-later.md": page("title: Later"),
    "_data/people.yml": "- name: Ann\n",
    "_data/nested/places.json": '{"x": 1}',
    "_includes/note.html": "<p>{{ include.text }}</p>\n",
    "_layouts/page.html": "{{ content }}\n",
    "about.md": page("title: About\npermalink: /about/"),
    "assets/logo.png": b"\x89PNG\r\n",
    "_site/ignored.md": page("title: Built"),
}
#: Times for the files, so that no test depends on when it runs.
WRITTEN = 1_700_000_000


def make_site(root: Path, files: dict[str, str | bytes] = FILES) -> Path:
    site = write_site(root, files)
    for path in site.rglob("*"):
        os.utime(path, (WRITTEN, WRITTEN))
    return site


def first(root: Path, cache_dir: Path, hidden: bool = False, **options: bool) -> Loader:
    """A first load of ``root`` through the cache, keeping its image as ``serve`` does."""
    cache = CacheFile(cache_dir)
    loader = Loader(root, LoadOptions(**options))
    pending = image.begin(cache, loader, hidden)
    taken = None if pending is None else pending.finish()
    if taken is None:
        public, preview = loader.load_views(hidden=hidden)
        captured = image.capture(loader, public, preview)
        if captured is not None:
            image.keep(cache, loader, captured)
    assert cache.flush(30)
    cache.close()
    return loader


def restore(
    root: Path, cache_dir: Path, hidden: bool = False, now: datetime | None = None, **options: bool
) -> tuple[image.Taken | None, Loader]:
    cache = CacheFile(cache_dir)
    loader = Loader(root, LoadOptions(**options))
    try:
        return image.restore(cache, loader, hidden, now), loader
    finally:
        cache.close()


def fresh(root: Path, hidden: bool = False, **options: bool) -> tuple[Snapshot, Snapshot | None]:
    return Loader(root, LoadOptions(**options)).load_views(hidden=hidden)


FIELDS = (
    "documents",
    "collections",
    "diagnostics",
    "data",
    "content_version",
    "files",
    "static_files",
    "relative_includes",
    "time",
    "config",
    "root",
)


def same(a: Snapshot, b: Snapshot) -> None:
    for name in FIELDS:
        assert getattr(a, name) == getattr(b, name), name


def differs(a: Snapshot, b: Snapshot) -> bool:
    return any(getattr(a, name) != getattr(b, name) for name in FIELDS)


def test_a_restart_takes_the_image_and_serves_what_a_fresh_read_serves(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache", drafts=True)
    taken, loader = restore(site, tmp_path / "cache", drafts=True)
    assert taken is not None and taken.hidden is None
    same(taken.public, fresh(site, drafts=True)[0])
    # ...and the loader goes on from it: a reload after an edit reads just that file.
    (site / "_cases" / "b.md").write_text(page("title: B, edited\norder: 2"))
    reloaded = loader.load()
    assert loader.files_read == 1 and reloaded.by_id["cases/b"].title == "B, edited"
    same(reloaded, fresh(site, drafts=True)[0])


def test_the_preview_view_is_kept_and_restored_beside_the_public_one(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache", hidden=True)
    assert restore(site, tmp_path / "cache")[0] is None  # another view: another image
    taken, _ = restore(site, tmp_path / "cache", hidden=True)
    assert taken is not None and taken.hidden is not None
    public, hidden = fresh(site, hidden=True)
    assert hidden is not None
    same(taken.public, public)
    same(taken.hidden, hidden)
    assert len(taken.hidden.documents) > len(taken.public.documents)


def test_only_what_changed_is_parsed_again(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache")
    (site / "_cases" / "b.md").write_text(page("title: B, edited\norder: 2"))
    taken, loader = restore(site, tmp_path / "cache")
    assert taken is None
    edited = loader.load()
    assert loader.files_read == 1
    assert edited.by_id["cases/b"].title == "B, edited"
    same(edited, fresh(site)[0])


def test_an_edit_keeping_size_and_time_is_still_seen(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache")
    path = site / "_cases" / "b.md"
    path.write_text(page("title: C\norder: 2"))  # the same length
    os.utime(path, (WRITTEN, WRITTEN))
    taken, loader = restore(site, tmp_path / "cache")
    assert taken is None
    assert loader.load().by_id["cases/b"].title == "C" and loader.files_read == 1


def test_a_fresh_checkout_is_warm_but_a_touched_draft_is_read_again(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache", drafts=True)
    for path in site.rglob("*.md"):
        os.utime(path, (1_800_000_000, 1_800_000_000))  # as a new clone leaves them
    taken, loader = restore(site, tmp_path / "cache", drafts=True)
    assert taken is None  # the draft is dated by its modification time
    touched = loader.load()
    assert loader.files_read == 1
    same(touched, fresh(site, drafts=True)[0])
    first(site, tmp_path / "cache", drafts=True)
    os.utime(site / "_drafts" / "idea.md", (1_800_000_000, 1_800_000_000))
    for path in site.rglob("*.md"):
        if "_drafts" not in path.parts:
            os.utime(path, (1_900_000_000, 1_900_000_000))
    taken, _ = restore(site, tmp_path / "cache", drafts=True)
    assert taken is not None  # only pages' times changed: the image stands...
    same(taken.public, fresh(site, drafts=True)[0])  # ...with site.time as it is now
    assert taken.public.time == datetime.fromtimestamp(1_900_000_000, UTC)


def test_build_document_reads_the_time_of_drafts_only(tmp_path: Path) -> None:
    # The image's inputs hold the modification time of drafts only: this must hold.
    config, _ = parse_config(CONFIG)
    source = parse_source(page("title: T").encode())
    assert source is not None
    collection = config.collections[0]
    for kind, label, inner, coll in [
        (Kind.DOCUMENT, "cases", "a.md", collection),
        (Kind.POST, "posts", "2020-01-01-a.md", None),
        (Kind.PAGE, None, "a.md", None),
    ]:
        origin = Origin(f"x/{inner}", kind, label, inner, coll, (), mtime=1.0)
        later = dataclasses.replace(origin, mtime=2_000_000_000.0)
        assert build_document(origin, source, config, "h") == build_document(
            later, source, config, "h"
        )
    draft = Origin("_drafts/a.md", Kind.DRAFT, "posts", "a.md", None, (), mtime=1.0)
    later = dataclasses.replace(draft, mtime=2_000_000_000.0)
    assert build_document(draft, source, config, "h") != build_document(later, source, config, "h")


def test_a_new_configuration_reads_everything_again(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache")
    (site / "_config.yml").write_text(
        CONFIG + "defaults:\n  - scope: {path: ''}\n    values: {layout: page}\n"
    )
    taken, loader = restore(site, tmp_path / "cache")
    assert taken is None
    changed = loader.load()
    assert loader.files_read == len(loader.state.results) == 8
    assert changed.by_id["cases/a"].layout == "page"
    same(changed, fresh(site)[0])


def test_a_page_that_comes_of_date_makes_the_image_stale(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache")
    taken, _ = restore(site, tmp_path / "cache", now=datetime(2998, 1, 1, tzinfo=UTC))
    assert taken is not None and "posts/2999-01-01-later" not in taken.public.by_id
    late, loader = restore(site, tmp_path / "cache", now=datetime(3000, 1, 1, tzinfo=UTC))
    assert late is None
    assert "posts/2999-01-01-later" in loader.load(now=datetime(3000, 1, 1, tzinfo=UTC)).by_id
    assert loader.files_read == 0  # nothing changed on disk: the clock did
    taken, _ = restore(site, tmp_path / "cache", future=True)
    assert taken is None  # other options: another image (there is none)


def test_every_change_to_the_site_is_noticed(tmp_path: Path) -> None:
    """Whatever file is edited, removed or added, the restored load is a fresh read's (the
    image stands only where the change makes no difference, a static file's bytes)."""
    site = make_site(tmp_path / "site")
    cache = tmp_path / "cache"
    first(site, cache, drafts=True)
    original = fresh(site, drafts=True)[0]
    noticed = 0
    files = sorted(p for p in site.rglob("*") if p.is_file())
    folders = sorted({p.parent for p in files})
    changes: list[tuple[str, Path, bytes | None]] = []
    for path in files:
        changes.append(("edit", path, path.read_bytes() + b"\nmore: 1\n"))
        changes.append(("remove", path, None))
    for folder in folders:
        for name in ("new.md", "new.txt", "_new.md"):
            changes.append(("add", folder / name, page("title: New").encode()))
    assert len(changes) > 60
    for what, path, content in changes:
        before = path.read_bytes() if path.exists() else None
        if content is None:
            path.unlink()
        else:
            path.write_bytes(content)
        try:
            taken, loader = restore(site, cache, drafts=True)
            expected = fresh(site, drafts=True)[0]
            served = taken.public if taken is not None else loader.load()
            same(served, expected)
            if differs(expected, original):
                assert taken is None, f"{what} {path.relative_to(site)} went unnoticed"
                noticed += 1
        finally:
            if before is None:
                path.unlink()
            else:
                path.write_bytes(before)
                os.utime(path, (WRITTEN, WRITTEN))
    assert noticed > 40


def test_values_of_other_code_are_never_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache")
    monkeypatch.setattr(keys, "fingerprint", lambda: "another version of the code")
    keys._base.cache_clear()
    try:
        taken, loader = restore(site, tmp_path / "cache")
    finally:
        keys._base.cache_clear()
    assert taken is None and loader.state.results == {}


@pytest.mark.parametrize("library", ["tantivy", "python-liquid", "charset-normalizer"])
def test_another_version_of_a_library_that_shapes_values_is_other_code(
    monkeypatch: pytest.MonkeyPatch, library: str
) -> None:
    from importlib import metadata

    before = keys.fingerprint()
    real = metadata.version
    monkeypatch.setattr(
        metadata, "version", lambda name: "0.0.0-other" if name == library else real(name)
    )
    keys.fingerprint.cache_clear()
    try:
        assert keys.fingerprint() != before
    finally:
        monkeypatch.undo()
        keys.fingerprint.cache_clear()
    assert keys.fingerprint() == before


@pytest.mark.parametrize("damage", ["flipped", "text", "truncated"])
def test_a_damaged_image_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache")
    connection = sqlite3.connect(tmp_path / "cache" / db.FILE_NAME)
    if damage == "text":  # a value of another type altogether
        connection.execute("UPDATE entries SET value = substr(value, 1, 30) || 'garbage'")
    elif damage == "truncated":
        connection.execute("UPDATE entries SET value = substr(value, 1, length(value) / 2)")
    else:
        for entry, value in connection.execute("SELECT key, value FROM entries").fetchall():
            flipped = value[:-5] + bytes([value[-5] ^ 0x40]) + value[-4:]
            connection.execute("UPDATE entries SET value = ? WHERE key = ?", (flipped, entry))
    connection.commit()
    connection.close()
    with caplog.at_level(logging.WARNING, logger="content_api"):
        taken, loader = restore(site, tmp_path / "cache")
    assert "load image" in caplog.text and "ignored" in caplog.text
    assert taken is None and loader.state.results == {}
    same(loader.load(), fresh(site)[0])


def test_without_a_child_the_site_is_surveyed_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path / "site")
    first(site, tmp_path / "cache")

    monkeypatch.setattr(image.Check, "__init__", _surveys_here)
    taken, _ = restore(site, tmp_path / "cache")
    assert taken is not None
    same(taken.public, fresh(site)[0])


def _surveys_here(self: image.Check, loader: Loader, hidden: bool) -> None:
    self._args = (loader.root, loader.options, hidden)
    self._call = _Failed()  # type: ignore[assignment]


class _Failed:
    def result(self, limit: float) -> object:
        raise processes.ChildFailed("no processes left")

    def cancel(self) -> None:
        pass


def test_the_inputs_are_the_same_in_every_process(tmp_path: Path) -> None:
    """Sets iterate in an order that changes with each process's string hashing; inputs
    that followed it would make every restart cold."""
    site = make_site(tmp_path / "site")
    script = (
        "import sys; from pathlib import Path;"
        "from api.content.survey import LoadOptions, inspect;"
        "print(inspect(Path(sys.argv[1]), LoadOptions(drafts=True), True).inputs)"
    )
    found = {
        subprocess.run(
            [sys.executable, "-c", script, str(site)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(found) == 1 and next(iter(found)).strip()


def test_an_image_too_large_to_keep_is_refused_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    site = make_site(tmp_path / "site")
    monkeypatch.setattr(image, "MAX_IMAGE_BYTES", 1000)
    with caplog.at_level(logging.WARNING, logger="content_api"):
        first(site, tmp_path / "cache")
    assert "is not kept" in caplog.text
    taken, loader = restore(site, tmp_path / "cache")
    assert taken is None and loader.state.results == {}  # there is none
