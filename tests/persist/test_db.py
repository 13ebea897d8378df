"""The cache file: values round-trip, processes share it safely, and a file that is not a
usable cache is set aside with a warning, never read."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from api.persist import db, open_cache
from api.persist.db import FILE_NAME, CacheFile, Unusable


def test_values_round_trip_and_survive_a_restart(tmp_path: Path) -> None:
    cache = CacheFile(tmp_path)
    cache.put_many([(f"k{i}", "parse", "", f"v{i}".encode()) for i in range(1200)])
    assert cache.flush(10)
    assert cache.get("k7") == b"v7" and cache.get("nope") is None
    assert len(cache.get_many([f"k{i}" for i in range(1500)])) == 1200  # beyond one IN (...)
    cache.close()
    again = CacheFile(tmp_path)
    assert again.get("k1199") == b"v1199"
    assert _integrity(tmp_path) == "ok"


def _writer(directory: str, worker: int, count: int) -> None:
    cache = CacheFile(Path(directory))
    for start in range(0, count, 50):
        rows = [(f"w{worker}-{i}", "parse", "", os.urandom(2000)) for i in range(start, start + 50)]
        cache.put_many(rows)
        cache.get_many([f"w{1 - worker}-{i}" for i in range(start)])  # reading the other's
    assert cache.flush(60)
    cache.close()


def test_two_processes_sharing_a_directory_never_corrupt_it(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(tmp_path), w, 1000)) for w in (0, 1)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(120)
        assert process.exitcode == 0
    cache = CacheFile(tmp_path)
    keys = [f"w{w}-{i}" for w in (0, 1) for i in range(1000)]
    assert len(cache.get_many(keys)) == 2000
    assert _integrity(tmp_path) == "ok"


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database at all" * 100,  # foreign
        b"",  # empty file (a crash before the first write is harmless, but still)
        "sqlite-other-app",
        "truncated",
        "other-format",
    ],
)
def test_an_unusable_file_is_set_aside_with_a_warning(
    tmp_path: Path, content: bytes | str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / FILE_NAME
    if content == "sqlite-other-app":
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE mine (x)")
        other.execute("INSERT INTO mine VALUES ('precious')")
        other.commit()
        other.close()
    elif content == "truncated":
        cache = CacheFile(tmp_path)
        cache.put_many([(f"k{i}", "parse", "", os.urandom(4000)) for i in range(500)])
        cache.compact()
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif content == "other-format":
        CacheFile(tmp_path).close()
        other = sqlite3.connect(path)
        other.execute(f"PRAGMA user_version = {db.FORMAT + 1}")
        other.close()
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    before = path.read_bytes()
    with caplog.at_level(logging.WARNING, logger="content_api"):
        cache = CacheFile(tmp_path)
        cache.put("parse", "", "fresh", b"value")
        assert cache.flush(10)
        assert cache.get("fresh") == b"value"
        assert cache.get("k1") is None  # nothing of the old file is read
    if before == b"":  # SQLite reads an empty file as a new database: nothing to set aside
        assert "unusable" not in caplog.text
        return
    assert "is unusable" in caplog.text, caplog.text
    aside = [p for p in tmp_path.iterdir() if ".unusable-" in p.name]
    assert any(p.read_bytes() == before for p in aside)  # kept, for whoever wants it
    if content == "other-format":
        assert "another cache format" in caplog.text


def test_a_read_only_directory_is_read_but_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = CacheFile(tmp_path)
    cache.put("parse", "", "baked", b"value")
    cache.compact()  # as `cache build` leaves it
    # An image layer under readOnlyRootFilesystem (faked: root may write anywhere).
    monkeypatch.setattr(db, "writable", lambda directory: False)
    before = sorted(p.name for p in tmp_path.iterdir())
    readonly = CacheFile(tmp_path)
    assert readonly.readonly and readonly.get("baked") == b"value"
    readonly.put("parse", "", "new", b"x")
    readonly.touch(["baked"])
    assert readonly.flush(1) and readonly.get("new") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(Unusable, match="read-only"):
        CacheFile(empty)


def test_a_file_damaged_while_in_use_stops_being_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = CacheFile(tmp_path)
    cache.put_many([(f"k{i}", "parse", "", os.urandom(3000)) for i in range(300)])
    assert cache.flush(10)
    cache.close()
    cache = CacheFile(tmp_path)
    # Someone overwrites the pages of the file under the open connection.
    with (tmp_path / FILE_NAME).open("r+b") as handle:
        handle.seek(4096)
        handle.write(os.urandom(64 * 1024))
    with (tmp_path / f"{FILE_NAME}-wal").open("r+b") as handle:
        handle.truncate(0)
    with caplog.at_level(logging.WARNING, logger="content_api"):
        found = cache.get_many([f"k{i}" for i in range(300)])
        found = cache.get_many([f"k{i}" for i in range(300)])
    assert cache.broken and found == {}
    assert "failed" in caplog.text
    CacheFile(tmp_path).close()  # the next start sets it aside and begins anew
    assert any(".unusable-" in p.name for p in tmp_path.iterdir())


def test_a_directory_that_cannot_be_made_means_no_cache(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with caplog.at_level(logging.WARNING, logger="content_api"):
        assert open_cache(blocker / "cache") is None
    assert "not using a cache" in caplog.text
    with pytest.raises(Unusable):
        CacheFile(blocker / "cache")


def _integrity(directory: Path) -> str:
    connection = sqlite3.connect(directory / FILE_NAME)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()
