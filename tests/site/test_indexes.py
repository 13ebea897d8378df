from __future__ import annotations

from pathlib import Path

import pytest

from api.content.model import Document
from api.query import SearchIndex
from api.query.search import SearchImage
from api.site import indexes
from tests.support.sites import load, page, write_site


@pytest.fixture
def documents(tmp_path: Path) -> tuple[Document, ...]:
    snapshot = load(
        write_site(
            tmp_path,
            {
                "_cases/a.md": page("title: Rome Statute", "The treaty of the court.\n"),
                "_cases/b.md": page("title: Other", "## Rome\n\nA statute, elsewhere.\n"),
                "_cases/hidden.md": page("title: Rome hidden\nexclude_from_search: true"),
            },
        )
    )
    return snapshot.documents


def test_index_built_in_a_child_answers_like_one_built_here(
    documents: tuple[Document, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexes, "LOCAL_BELOW_CHARS", 0)
    built_in_child = indexes._build_in_child
    children: list[int] = []

    def counted(docs: tuple[Document, ...]) -> SearchImage | None:
        children.append(len(docs))
        return built_in_child(docs)

    monkeypatch.setattr(indexes, "_build_in_child", counted)
    child = indexes.search_index(documents)
    assert children == [len(documents)]
    local = SearchIndex.build(indexes._entries(documents))
    for query in ("rome", "statute", '"rome statute"', "stat*"):
        assert child.search(query) == local.search(query)
    assert [hit.id for hit in child.search("rome").hits] == ["cases/a", "cases/b"]


def test_excluded_pages_are_not_found(documents: tuple[Document, ...]) -> None:
    assert all(
        hit.id != "cases/hidden" for hit in indexes.search_index(documents).search("rome").hits
    )


def test_without_fork_the_index_is_built_here(
    documents: tuple[Document, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexes, "LOCAL_BELOW_CHARS", 0)
    monkeypatch.setattr(indexes, "_build_in_child", lambda _docs: None)
    assert indexes.search_index(documents).search("treaty").total == 1


def test_a_small_site_is_indexed_here_without_a_child(
    documents: tuple[Document, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_child(_docs: tuple[Document, ...]) -> None:
        raise AssertionError("a small site started a child")

    monkeypatch.setattr(indexes, "_build_in_child", no_child)
    assert indexes.search_index(documents).search("treaty").total == 1
