from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from api.content.loader import Loader, LoadOptions
from tests.support.sites import SEED, load, page, write_site

CONFIG = """
collections:
  cases:
    output: true
    permalink: /:collection/case/:path/
  staff:
    output: false
defaults:
  - scope: {path: ""}
    values: {layout: page, menu: main}
  - scope: {path: "", type: cases}
    values: {layout: case}
  - scope: {path: "_cases/archive"}
    values: {archived: true}
"""


def test_seed_page_is_served_as_jekyll_computes_it(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "_config.yml": (
                "collections:\n  about-the-icc:\n    output: true\n"
                "    permalink: /:collection/:path/\n"
            ),
            "_about-the-icc/the-us-icc-relationship.md": SEED.read_bytes(),
        },
    )
    doc = load(tmp_path).by_id["about-the-icc/the-us-icc-relationship"]
    assert doc.url == "/about-the-icc/the-us-icc-relationship/"
    assert doc.slug == "the-us-icc-relationship"
    assert doc.title == "The US-ICC Relationship"
    assert doc.order == 30
    assert doc.published is True
    assert doc.description is None and doc.featured_image_path is None
    assert doc.data["featured_image_path"] is None


def test_defaults_by_path_and_type_with_jekyll_precedence(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "_config.yml": CONFIG,
            "_cases/lubanga.md": page("title: Lubanga"),
            "_cases/archive/old.md": page("layout:\nmenu: other"),
            "about.md": page("title: About"),
        },
    )
    snap = load(tmp_path)
    lubanga = snap.by_id["cases/lubanga"]
    assert lubanga.data["layout"] == "case"
    assert lubanga.data["menu"] == "main"
    old = snap.by_id["cases/archive/old"]
    # An empty value in front matter does not override a default (Jekyll's deep merge).
    assert old.data["layout"] == "case"
    assert old.data["menu"] == "other"
    assert old.data["archived"] is True
    assert snap.by_id["about"].data["layout"] == "page"


def test_urls_titles_and_ids(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "_config.yml": CONFIG,
            "_cases/sub/dir/fidèle-babala.md": page("published: true"),
            "_staff/jane-doe.md": page("title:"),
            "index.md": page("title: Home"),
            "follow.md": page("title: Follow"),
            "docs/index.md": page("title: Docs"),
            "pretty.md": page("permalink: /nice/"),
        },
    )
    snap = load(tmp_path)
    doc = snap.by_id["cases/sub/dir/fidèle-babala"]
    assert doc.url == "/cases/case/sub/dir/fid%C3%A8le-babala/"
    assert doc.title == "Fidèle Babala"
    staff = snap.by_id["staff/jane-doe"]
    # A declared collection without a permalink follows the site style ("date": .html).
    assert staff.url == "/staff/jane-doe.html"
    assert staff.title == "Jane Doe" and staff.data["title"] == "Jane Doe"
    assert snap.by_id["index"].url == "/"
    assert snap.by_id["follow"].url == "/follow.html"
    assert snap.by_id["docs/index"].url == "/docs/"
    assert snap.by_id["pretty"].url == "/nice/"
    assert snap.by_id["follow"].slug is None


def test_without_config_each_underscore_folder_is_a_collection(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "_events/launch.md": page("title: Launch"),
            "_data/people.yml": "- a\n",
            "_includes/x.md": page("title: not a page"),
        },
    )
    snap = load(tmp_path)
    assert [d.id for d in snap.documents] == ["events/launch"]
    assert snap.by_id["events/launch"].url == "/events/launch/"
    assert [c.name for c in snap.collections] == ["events"]
    assert snap.data == {"people": ["a"]}


def test_ignored_names_and_exclude(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "_config.yml": "exclude: [drafts-notes, '*.tmp.md']\ncollections: [cases]\n",
            "_cases/_defaults.md": page("title: schema"),
            "_cases/.hidden.md": page("title: hidden"),
            "_cases/backup.md~": page("title: backup"),
            "_cases/real.md": page("title: Real"),
            "_cases/x.tmp.md": page("title: tmp"),
            "drafts-notes/a.md": page("title: excluded"),
            "README.md": "no front matter\n",
        },
    )
    assert [d.id for d in load(tmp_path).documents] == ["cases/real"]


def test_published_and_future(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "_posts/2020-01-02-old-news.md": page("title: Old"),
            "_posts/2999-01-01-far-future.md": page("title: Future"),
            "_posts/2020-03-04-hidden.md": page("published: false"),
            "_drafts/idea.md": page("title: Idea"),
        },
    )
    assert [d.id for d in load(tmp_path).documents] == ["posts/2020-01-02-old-news"]
    everything = load(tmp_path, unpublished=True, future=True, drafts=True)
    assert sorted(d.id for d in everything.documents) == [
        "drafts/idea",
        "posts/2020-01-02-old-news",
        "posts/2020-03-04-hidden",
        "posts/2999-01-01-far-future",
    ]
    old = everything.by_id["posts/2020-01-02-old-news"]
    assert old.url == "/2020/01/02/old-news.html"
    assert old.date == datetime(2020, 1, 2, tzinfo=UTC)
    assert old.slug == "old-news"


def test_wrong_types_keep_the_raw_value_with_a_warning(tmp_path: Path) -> None:
    write_site(tmp_path, {"_cases/a.md": page("title: [not, text]\norder: first\ndate: someday")})
    snap = load(tmp_path)
    doc = snap.by_id["cases/a"]
    assert doc.title is None and doc.data["title"] == ["not", "text"]
    assert doc.order is None and doc.data["order"] == "first"
    assert doc.date is None and doc.data["date"] == "someday"
    codes = {(d.code, d.line) for d in snap.diagnostics}
    assert ("invalid-type", 2) in codes and ("invalid-type", 3) in codes
    assert ("invalid-date", 4) in codes


def test_broken_files_are_reported_and_the_rest_is_served(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {
            "_cases/good.md": page("title: Good"),
            "_cases/bad-yaml.md": "---\ntitle: [oops\n---\nx\n",
            "_cases/list.md": "---\n- a\n---\nx\n",
            "_cases/unclosed.md": "---\ntitle: x\nno end\n",
            "_cases/binary.md": b"---\ntitle: x\n---\n\x00\x00\xff",
            "_cases/bom.md": b"\xef\xbb\xbf---\r\ntitle: Bom\r\n---\r\nok\r\n",
        },
    )
    snap = load(tmp_path)
    assert sorted(snap.by_id) == ["cases/bom", "cases/good"]
    by_path = {d.source_path: d for d in snap.diagnostics}
    assert by_path["_cases/bad-yaml.md"].code == "front-matter-invalid-yaml"
    assert by_path["_cases/list.md"].code == "front-matter-not-mapping"
    assert by_path["_cases/unclosed.md"].code == "front-matter-unclosed"
    assert by_path["_cases/binary.md"].code == "binary-file"
    assert all(d.severity.value == "error" for d in by_path.values())


def test_alias_bomb_is_bounded(tmp_path: Path) -> None:
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        bomb.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    write_site(
        tmp_path, {"_cases/bomb.md": page("\n".join(bomb)), "_cases/ok.md": page("title: ok")}
    )
    snap = load(tmp_path)
    assert "cases/bomb" not in snap.by_id
    assert any(d.code == "front-matter-too-large" for d in snap.diagnostics)


def test_duplicate_ids_have_a_deterministic_winner(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {"_cases/a.md": page("title: From md"), "_cases/a.markdown": page("title: From markdown")},
    )
    snap = load(tmp_path)
    assert snap.by_id["cases/a"].source_path == "_cases/a.markdown"
    dup = [d for d in snap.diagnostics if d.code == "duplicate-id"]
    assert [d.source_path for d in dup] == ["_cases/a.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlinks_never_leave_the_content_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_site(outside, {"secret.md": page("title: Secret")})
    root = write_site(tmp_path / "site", {"_cases/in.md": page("title: In")})
    (root / "_cases" / "leak.md").symlink_to(outside / "secret.md")
    (root / "_cases" / "dir").symlink_to(outside, target_is_directory=True)
    (root / "_cases" / "inside.md").symlink_to(root / "_cases" / "in.md")
    snap = load(root)
    assert sorted(snap.by_id) == ["cases/in", "cases/inside"]
    leaks = {d.source_path for d in snap.diagnostics if d.code == "symlink-outside-root"}
    assert leaks == {"_cases/leak.md", "_cases/dir"}


def test_large_file_is_served(tmp_path: Path) -> None:
    body = ("A paragraph of text that goes on. " * 30 + "\n\n") * 30_000  # ~30 MB
    write_site(tmp_path, {"_cases/huge.md": page("title: Huge", body)})
    doc = load(tmp_path).by_id["cases/huge"]
    assert len(doc.body) > 25_000_000


def test_incremental_reload_rereads_only_changed_files(tmp_path: Path) -> None:
    write_site(tmp_path, {"_cases/a.md": page("title: A"), "_cases/b.md": page("title: B")})
    loader = Loader(tmp_path, LoadOptions())
    first = loader.load()
    (tmp_path / "_cases" / "b.md").write_text(page("title: B2"), encoding="utf-8")
    os.utime(tmp_path / "_cases" / "b.md", ns=(1, 1))
    second = loader.load(changed=["_cases/b.md"])
    assert second.by_id["cases/a"] is first.by_id["cases/a"]
    assert second.by_id["cases/b"].title == "B2"
    assert first.by_id["cases/b"].title == "B"
    assert first.content_version != second.content_version


def test_broken_edit_keeps_the_last_good_version(tmp_path: Path) -> None:
    write_site(tmp_path, {"_cases/a.md": page("title: Good")})
    loader = Loader(tmp_path, LoadOptions())
    loader.load()
    (tmp_path / "_cases" / "a.md").write_text("---\ntitle: [half-writ\n", encoding="utf-8")
    snap = loader.load(changed=["_cases/a.md"])
    assert snap.by_id["cases/a"].title == "Good"
    (problem,) = [d for d in snap.diagnostics if d.source_path == "_cases/a.md"]
    assert "last good version" in problem.message
    (tmp_path / "_cases" / "a.md").unlink()
    assert "cases/a" not in loader.load().by_id


def test_content_version_is_stable_across_loaders(tmp_path: Path) -> None:
    write_site(tmp_path, {"_cases/a.md": page("title: A")})
    assert load(tmp_path).content_version == load(tmp_path).content_version
