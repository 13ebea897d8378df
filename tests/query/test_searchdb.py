from __future__ import annotations

import pickle
import tempfile
from pathlib import Path

import pytest

from api.query import SearchEntry, SearchIndex, searchdb
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
