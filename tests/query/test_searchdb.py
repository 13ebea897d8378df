from __future__ import annotations

import pickle
import tempfile
from pathlib import Path

import pytest

from api.query import SearchEntry, SearchIndex, search, searchdb
from api.query.searchdb import clean

PAGES = [
    SearchEntry("a", None, "Court", "", "The court met.", "/a", 0, "en"),
    SearchEntry("b", None, "東京", "", "東京都", "/b", 1, "ja"),
]


def leftovers(root: Path) -> list[Path]:
    return list(root.glob("content-api-search-*"))


@pytest.mark.parametrize("in_memory", [True, False])
def test_no_directory_is_left_behind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, in_memory: bool
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(searchdb, "_SHM", tmp_path if in_memory else tmp_path / "none")
    index = SearchIndex.build(PAGES)
    again = SearchIndex.from_image(pickle.loads(pickle.dumps(index.image())))
    assert leftovers(tmp_path) == []
    assert [hit.id for hit in again.search("courts").hits] == ["a"]  # still mapped
    assert [hit.id for hit in again.search("東京").hits] == ["b"]


def test_the_image_is_bytes_and_plain_data() -> None:
    image = SearchIndex.build(PAGES).image()
    assert all(isinstance(data, bytes) for data in image.files.files.values())
    assert not any(name.endswith(".lock") for name in image.files.files)
    assert image.files.analyzers == ("english", "plain")
    assert len(pickle.dumps(image)) < 200_000


def test_clean_text() -> None:
    assert clean("a\x00b\x1f") == "ab"
    assert clean("ｶﾀ") == "\u200bカ\u200b\u200bタ\u200b"
    assert clean("\u200bé") == "é"  # zero-width spaces of the source are not kept
    assert clean("x\ud800") == "x"


def test_an_index_is_opened_by_its_first_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """An open index holds a thread of the engine's: indexes of snapshots that a reload
    replaced before anyone searched them never take one."""
    image = SearchIndex.build(PAGES).image()
    opened: list[object] = []

    def counted(files: searchdb.Files) -> object:
        opened.append(files)
        return searchdb.open_files(files)

    monkeypatch.setattr(search, "open_files", counted)
    unsearched = [SearchIndex.from_image(image) for _ in range(5)]
    assert opened == [] and len(unsearched[0]) == 2
    assert unsearched[0].search("court").total == 1
    assert unsearched[0].search("東京").total == 1
    assert len(opened) == 1
