"""Renders and search indexes from the cache: reused when nothing changed, never stale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.persist import db
from api.persist.db import CacheFile
from api.persist.site import PersistedSite
from api.site import Site, SiteOptions, indexes
from tests.support.sites import load, page, write_site

FILES = {
    "_config.yml": "title: The site\ncollections:\n  notes:\n    output: true\n",
    "_data/people.yml": "- name: Ann\n",
    "_includes/plain.html": "<b>plain</b>",
    "_notes/static.md": page("title: Static", "Just *text*.\n"),
    "_notes/liquid.md": page("title: Liquid", "{{ site.title }}: {{ site.data.people[0].name }}\n"),
    "_notes/links.md": page("title: Links", "[x]({% link _notes/static.md %})\n"),
    "_notes/include.md": page("title: Include", "{% include plain.html %}\n"),
    "_notes/time.md": page("title: Time", "Built {{ site.time }}.\n"),
    "_notes/now.md": page("title: Now", "{{ 'now' | date: '%Y' }}\n"),
    "_notes/sample.md": page("title: Sample", "{{ site.notes | sample | map: 'title' }}\n"),
    "_notes/relative.md": page("title: Relative", "{% include_relative static.md %}\n"),
}
VOLATILE = {"notes/time", "notes/now", "notes/sample", "notes/relative"}
PAGES = sum(1 for name in FILES if name.startswith("_notes/"))


class Counting:
    """Counts renders and index builds that really happen."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.renders: list[str] = []
        self.indexes = 0
        real_index = indexes.search_index

        def index(documents: Any) -> Any:
            self.indexes += 1
            return real_index(documents)

        monkeypatch.setattr(indexes, "search_index", index)
        self._monkeypatch = monkeypatch

    def site(self, root: Path, cache_dir: Path, **options: Any) -> tuple[Site, CacheFile]:
        cache = CacheFile(cache_dir)
        site = Site(load(root), SiteOptions(**options), cache=PersistedSite(cache))
        real = site.renderer.render

        def render(context: Any) -> Any:
            self.renders.append(context.source_path)
            return real(context)

        self._monkeypatch.setattr(site.renderer, "render", render)
        return site, cache


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Counting:
    return Counting(monkeypatch)


def render_all(site: Site, cache: CacheFile) -> dict[str, str]:
    html = {doc.id: site.rendered(doc).html for doc in site.snapshot.documents}
    assert cache.flush(30)
    return html


def test_renders_are_reused_on_unchanged_content(tmp_path: Path, counting: Counting) -> None:
    root = write_site(tmp_path / "site", FILES)
    first, cache = counting.site(root, tmp_path / "cache")
    before = render_all(first, cache)
    assert len(counting.renders) == PAGES
    counting.renders.clear()
    second, cache = counting.site(root, tmp_path / "cache", public_url="https://api.example")
    after = render_all(second, cache)
    rendered_again = {path.rsplit("/", 1)[-1].removesuffix(".md") for path in counting.renders}
    assert {f"notes/{name}" for name in rendered_again} == VOLATILE
    for doc_id, html in before.items():
        if doc_id not in VOLATILE:
            assert after[doc_id] == html
    assert before["notes/liquid"] == "<p>The site: Ann</p>\n"


@pytest.mark.parametrize(
    ("path", "content", "changed"),
    [
        ("_data/people.yml", "- name: Bob\n", "notes/liquid"),
        ("_config.yml", FILES["_config.yml"].replace("The site", "Another"), "notes/liquid"),
        ("_includes/plain.html", "<i>plain</i>", "notes/include"),
        ("_notes/static.md", page("title: Static", "Other text.\n"), "notes/static"),
        (
            "_notes/static.md",
            page("title: Static\npermalink: /s/", "Just *text*.\n"),
            "notes/links",
        ),
    ],
)
def test_any_change_anywhere_renders_again(
    tmp_path: Path, counting: Counting, path: str, content: str, changed: str
) -> None:
    root = write_site(tmp_path / "site", FILES)
    before = render_all(*counting.site(root, tmp_path / "cache"))
    (root / path).write_text(content, encoding="utf-8")
    counting.renders.clear()
    site, cache = counting.site(root, tmp_path / "cache")
    after = render_all(site, cache)
    assert len(counting.renders) == PAGES  # every page: the content version changed
    assert after[changed] != before[changed]
    fresh = Site(load(root))  # no cache at all
    expected = {doc.id: fresh.rendered(doc).html for doc in fresh.snapshot.documents}
    assert {k: v for k, v in after.items() if k not in VOLATILE} == {
        k: v for k, v in expected.items() if k not in VOLATILE
    }


def test_pages_including_a_volatile_include_are_not_kept(
    tmp_path: Path, counting: Counting
) -> None:
    files = {**FILES, "_includes/clock.html": "{{ site.time | date: '%Y' }}"}
    root = write_site(tmp_path / "site", files)
    render_all(*counting.site(root, tmp_path / "cache"))
    counting.renders.clear()
    render_all(*counting.site(root, tmp_path / "cache"))
    assert "_notes/include.md" in counting.renders  # it might include the clock


def test_the_search_index_is_reused_on_unchanged_content(
    tmp_path: Path, counting: Counting
) -> None:
    root = write_site(tmp_path / "site", FILES)
    first, cache = counting.site(root, tmp_path / "cache")
    results = first.build_search_index().search("text")
    assert cache.flush(30)
    second, _ = counting.site(root, tmp_path / "cache")
    again = second.build_search_index().search("text")
    assert counting.indexes == 1
    assert (again.total, again.hits) == (results.total, results.hits)
    (root / "_notes" / "new.md").write_text(page("title: New", "More text.\n"))
    third, _ = counting.site(root, tmp_path / "cache")
    assert third.build_search_index().search("text").total == results.total + 1
    assert counting.indexes == 2


def test_a_damaged_render_is_rendered_again(tmp_path: Path, counting: Counting) -> None:
    import sqlite3

    root = write_site(tmp_path / "site", FILES)
    before = render_all(*counting.site(root, tmp_path / "cache"))
    connection = sqlite3.connect(tmp_path / "cache" / db.FILE_NAME)
    connection.execute("UPDATE entries SET value = zeroblob(40) WHERE kind = 'render'")
    connection.commit()
    connection.close()
    counting.renders.clear()
    after = render_all(*counting.site(root, tmp_path / "cache"))
    assert len(counting.renders) == PAGES  # every page rendered again
    assert {k: v for k, v in after.items() if k not in VOLATILE} == {
        k: v for k, v in before.items() if k not in VOLATILE
    }
