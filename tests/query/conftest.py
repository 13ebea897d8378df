"""The aba-icc corpus loaded once, with its query and search indexes."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.content.loader import Loader, LoadOptions
from api.content.snapshot import Snapshot
from api.query import QueryIndex, SearchEntry, SearchIndex, core_resolver


@pytest.fixture(scope="session")
def snapshot(corpus_dir: Path) -> Snapshot:
    return Loader(corpus_dir, LoadOptions(unpublished=True, future=True)).load()


@pytest.fixture(scope="session")
def corpus_index(snapshot: Snapshot) -> QueryIndex:
    return QueryIndex(snapshot.documents, core_resolver())


@pytest.fixture(scope="session")
def corpus_search(snapshot: Snapshot) -> SearchIndex:
    return SearchIndex.build(SearchEntry.of(d, i) for i, d in enumerate(snapshot.documents))
