"""Reading through the cache gives what reading the files gives, whatever changed since."""

from __future__ import annotations

import dataclasses
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from api import processes
from api.content.config import parse_config
from api.content.documents import Origin, build_document
from api.content.frontmatter import parse_source
from api.content.loader import Loader, LoadOptions
from api.content.model import Kind
from api.content.snapshot import Snapshot
from api.persist import db, keys
from api.persist import reading as cached
from api.persist.db import CacheFile
from api.persist.reading import CachedReader
from tests.support.sites import page, write_site

FILES = {
    "_config.yml": "timezone: America/New_York\ncollections:\n  cases:\n    output: true\n",
    "_cases/a.md": page("title: A\ndate: 2021-03-04 10:00:00\ntags: [x]", "Body *a*.\n"),
    "_cases/b.md": page("title: B\norder: 2"),
    "_cases/broken.md": "---\ntitle: [oops\n---\n",
    "_cases/plain.md": "no front matter\n",
    "_drafts/idea.md": page("title: Idea"),
    "_posts/2020-01-01-hello.md": page("title: Hello"),
    "about.md": page("title: About\npermalink: /about/"),
}


def load(root: Path, cache_dir: Path, **options: bool) -> tuple[Snapshot, CachedReader]:
    cache = CacheFile(cache_dir)
    reader = CachedReader(cache)
    snapshot = Loader(root, LoadOptions(**options), reader).load()
    assert cache.flush(30)
    cache.close()
    return snapshot, reader


def plain(root: Path, **options: bool) -> Snapshot:
    return Loader(root, LoadOptions(**options)).load()


def same(a: Snapshot, b: Snapshot) -> None:
    assert a.documents == b.documents
    assert a.diagnostics == b.diagnostics
    assert a.content_version == b.content_version


def test_a_warm_read_equals_a_cold_one(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", FILES)
    first, cold = load(site, tmp_path / "cache", drafts=True)
    second, warm = load(site, tmp_path / "cache", drafts=True)
    same(first, plain(site, drafts=True))
    same(second, first)
    assert cold.hits == 0 and cold.misses == 7
    assert warm.hits == 7 and warm.misses == 0


def test_only_what_changed_is_parsed_again(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", FILES)
    load(site, tmp_path / "cache")
    (site / "_cases" / "b.md").write_text(page("title: B, edited\norder: 2"), encoding="utf-8")
    edited, reader = load(site, tmp_path / "cache")
    assert (reader.hits, reader.misses) == (5, 1)
    assert edited.by_id["cases/b"].title == "B, edited"
    same(edited, plain(site))


def test_an_edit_keeping_size_and_time_is_still_seen(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", FILES)
    load(site, tmp_path / "cache")
    path = site / "_cases" / "b.md"
    stat = path.stat()
    path.write_text(page("title: C\norder: 2"), encoding="utf-8")  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    edited, _ = load(site, tmp_path / "cache")
    assert edited.by_id["cases/b"].title == "C"


def test_a_fresh_checkout_is_warm_but_a_touched_draft_is_read_again(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", FILES)
    load(site, tmp_path / "cache", drafts=True)
    for path in site.rglob("*.md"):
        os.utime(path, (1_700_000_000, 1_700_000_000))  # as a new clone leaves them
    touched, reader = load(site, tmp_path / "cache", drafts=True)
    assert reader.misses == 1  # the draft: Jekyll dates it by its modification time
    same(touched, plain(site, drafts=True))


def test_build_document_reads_the_time_of_drafts_only(tmp_path: Path) -> None:
    # The cache keys a file by its modification time only for drafts: this must hold.
    config, _ = parse_config(FILES["_config.yml"])
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
    site = write_site(tmp_path / "site", FILES)
    load(site, tmp_path / "cache")
    (site / "_config.yml").write_text(
        FILES["_config.yml"] + "defaults:\n  - scope: {path: ''}\n    values: {layout: page}\n"
    )
    changed, reader = load(site, tmp_path / "cache")
    assert reader.hits == 0
    assert changed.by_id["cases/a"].layout == "page"
    same(changed, plain(site))


def test_values_of_other_code_are_never_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = write_site(tmp_path / "site", FILES)
    load(site, tmp_path / "cache")
    monkeypatch.setattr(keys, "fingerprint", lambda: "another version of the code")
    keys._base.cache_clear()
    try:
        _, reader = load(site, tmp_path / "cache")
    finally:
        keys._base.cache_clear()
    assert reader.hits == 0


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


@pytest.mark.parametrize("damage", ["flipped", "text"])
def test_a_damaged_value_is_ignored_and_the_file_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    site = write_site(tmp_path / "site", FILES)
    load(site, tmp_path / "cache")
    connection = sqlite3.connect(tmp_path / "cache" / db.FILE_NAME)
    if damage == "text":  # a value of another type altogether
        connection.execute("UPDATE entries SET value = substr(value, 1, 30) || 'garbage'")
    else:
        for entry, value in connection.execute("SELECT key, value FROM entries").fetchall():
            flipped = value[:-5] + bytes([value[-5] ^ 0x40]) + value[-4:]
            connection.execute("UPDATE entries SET value = ? WHERE key = ?", (flipped, entry))
    connection.commit()
    connection.close()
    with caplog.at_level(logging.WARNING, logger="content_api"):
        snapshot, reader = load(site, tmp_path / "cache")
    assert "damaged or foreign" in caplog.text
    assert reader.hits == 0
    same(snapshot, plain(site))


def test_children_read_through_the_cache_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"_config.yml": FILES["_config.yml"]}
    files.update({f"_cases/c{i:03d}.md": page(f"title: C{i}\nn: {i}") for i in range(60)})
    site = write_site(tmp_path / "site", files)
    monkeypatch.setattr(cached, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(cached, "BATCH", 7)
    monkeypatch.setattr(processes, "cores", lambda: 2)
    cold, first = load(site, tmp_path / "cache")
    warm, second = load(site, tmp_path / "cache")
    assert (first.misses, second.hits, second.misses) == (60, 60, 0)
    same(cold, plain(site))
    same(warm, cold)


def test_the_site_context_is_the_same_in_every_process() -> None:
    """Sets in the configuration (its plugins) iterate in an order that changes with each
    process's string hashing; a key that followed it would make every restart cold."""
    script = (
        "import dataclasses;"
        "from api.content.config import parse_config;"
        "from api.persist.reading import site_context;"
        "config = parse_config('title: x')[0];"
        "names = frozenset(f'jekyll-plugin-{n}' for n in range(12));"
        "print(site_context(dataclasses.replace(config, plugins=names)))"
    )
    contexts = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(contexts) == 1 and next(iter(contexts)).strip()
