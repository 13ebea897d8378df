"""Metadata parity with Jekyll on the aba-icc site (the rule is in shared/corpora/README.md)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from api.content.loader import Loader, LoadOptions
from api.content.model import Document

#: Keys Jekyll adds to every document's data; they are not front matter.
JEKYLL_ADDED = frozenset({"draft", "categories", "tags", "ext", "slug"})
TARGET = 0.99


def same(ours: Any, theirs: Any) -> bool:
    if isinstance(ours, str) and isinstance(theirs, str):
        if ours == theirs:
            return True
        try:  # date-times compare by instant
            return datetime.fromisoformat(ours) == datetime.fromisoformat(theirs)
        except ValueError:
            return False
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(
            same(a, b) for a, b in zip(ours, theirs, strict=True)
        )
    return type(ours) is type(theirs) and ours == theirs


def differences(doc: Document | None, row: dict[str, Any]) -> list[str]:
    if doc is None:
        return ["not served"]
    found = []
    expected = row["data"]
    for name, ours, theirs in (
        ("url", doc.url, row["url"]),
        ("slug", doc.slug, row["slug"]),
        ("title", doc.title, expected.get("title")),
        ("published", doc.published, expected.get("published", True)),
    ):
        if ours != theirs:
            found.append(f"{name}: {ours!r} != {theirs!r}")
    for key, theirs in expected.items():
        if key in JEKYLL_ADDED:
            continue
        if key not in doc.data or not same(doc.data[key], theirs):
            found.append(f"data.{key}: {doc.data.get(key, '<absent>')!r} != {theirs!r}")
    return found


@pytest.mark.corpus
def test_metadata_matches_jekyll(corpus_dir: Path, jekyll_manifest: list[dict[str, Any]]) -> None:
    snapshot = Loader(corpus_dir, LoadOptions(unpublished=True, future=True)).load()
    failures = {}
    for row in jekyll_manifest:
        found = differences(snapshot.by_source_path.get(row["relative_path"]), row)
        if found:
            failures[row["relative_path"]] = found
    share = 1 - len(failures) / len(jekyll_manifest)
    print(f"\nmetadata parity: {share:.2%} of {len(jekyll_manifest)} documents match Jekyll")
    for path, found in sorted(failures.items()):
        print(f"  {path}: {'; '.join(found)}")
    assert share >= TARGET
    served = {d.source_path for d in snapshot.documents}
    assert served == {row["relative_path"] for row in jekyll_manifest}
