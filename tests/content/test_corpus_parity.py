"""Metadata parity with Jekyll on the aba-icc site (the rule is in shared/corpora/README.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.content.loader import Loader, LoadOptions
from tests.support.parity import differences

TARGET = 0.99


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
