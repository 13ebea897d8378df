"""Posts and drafts in any folder: ids that never collide, categories from folders."""

from __future__ import annotations

from pathlib import Path

from api.content.loader import Loader, LoadOptions
from tests.support.sites import load, page, write_site


def _codes(snapshot: object, code: str) -> list[str]:
    return [d.source_path for d in snapshot.diagnostics if d.code == code]  # type: ignore[attr-defined]


def test_posts_in_language_folders_are_distinct_documents(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_config.yml": "permalink: pretty\n",
            "_posts/2020-01-01-hello.md": page("title: Root"),
            "en/news/_posts/2020-01-01-hello.md": page("title: English"),
            "ja/news/_posts/2020-01-01-hello.md": page("title: Japanese"),
            "en/news/index.md": page("title: News"),
        },
    )
    snapshot = load(site)
    by_id = {d.id: d for d in snapshot.documents}
    assert set(by_id) == {
        "posts/2020-01-01-hello",
        "posts/en/news/2020-01-01-hello",
        "posts/ja/news/2020-01-01-hello",
        "en/news/index",
    }
    english = by_id["posts/en/news/2020-01-01-hello"]
    assert english.url == "/en/news/2020/01/01/hello/"
    assert english.categories == ("en", "news")
    assert english.collection == "posts" and english.slug == "hello"
    assert by_id["posts/ja/news/2020-01-01-hello"].url == "/ja/news/2020/01/01/hello/"
    assert by_id["posts/2020-01-01-hello"].url == "/2020/01/01/hello/"
    assert not _codes(snapshot, "duplicate-id") and not _codes(snapshot, "duplicate-url")
    japanese = by_id["posts/ja/news/2020-01-01-hello"]
    assert snapshot.find_url("/ja/news/2020/01/01/hello/") is japanese


def test_a_subfolder_of_posts_is_part_of_the_id_but_not_a_category(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_posts/2019/2019-05-06-old.md": page("title: Old"),
            "blog/_posts/2019/2019-05-06-old.md": page("title: Blog\ncategories: [Tech, tech]"),
        },
    )
    by_id = {d.id: d for d in load(site).documents}
    root = by_id["posts/2019/2019-05-06-old"]
    assert root.categories == () and root.url == "/2019/05/06/old.html"
    blog = by_id["posts/blog/2019/2019-05-06-old"]
    assert blog.categories == ("blog", "Tech", "tech")
    # :categories is lower-cased and each one appears once.
    assert blog.url == "/blog/tech/2019/05/06/old.html"


def test_category_and_categories_are_both_kept(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_posts/2020-02-02-a.md": page("categories: one two\ncategory: three four"),
            "_posts/2020-02-03-b.md": page("category: solo"),
        },
    )
    by_id = {d.id: d for d in load(site).documents}
    # A `category` is one category, spaces and all; `categories` text splits on spaces.
    assert by_id["posts/2020-02-02-a"].categories == ("one", "two", "three four")
    assert by_id["posts/2020-02-02-a"].url == "/one/two/three%20four/2020/02/02/a.html"
    assert by_id["posts/2020-02-03-b"].categories == ("solo",)


def test_drafts_in_any_folder(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "fr/_drafts/idee.md": page("title: Idée"),
            "_drafts/idea.md": page("title: Idea"),
        },
    )
    assert load(site).documents == ()
    by_id = {d.id: d for d in load(site, drafts=True).documents}
    assert set(by_id) == {"drafts/idea", "drafts/fr/idee"}
    assert by_id["drafts/fr/idee"].categories == ("fr",)
    assert by_id["drafts/fr/idee"].url.startswith("/fr/")


def test_files_in_posts_without_a_date_are_not_posts(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_posts/notes.md": page("title: Notes"),
            "en/_posts/README.md": page("title: Readme"),
            "_posts/2021-03-04-dated.md": page("title: Dated"),
        },
    )
    assert [d.id for d in load(site).documents] == ["posts/2021-03-04-dated"]


def test_posts_in_excluded_or_special_folders_are_not_read(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_config.yml": "exclude: [old]\n",
            "old/_posts/2020-01-01-gone.md": page("title: Gone"),
            "_hidden/_posts/2020-01-01-gone.md": page("title: Gone"),
            "kept/_posts/2020-01-01-kept.md": page("title: Kept"),
        },
    )
    assert [d.id for d in load(site).documents] == ["posts/kept/2020-01-01-kept"]


def test_only_the_same_document_is_a_duplicate_id(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_posts/2020-01-01-a.md": page("title: Markdown"),
            "_posts/2020-01-01-a.markdown": page("title: Also markdown"),
            # A post and a page that derive the same plain id are different documents.
            "posts/2020-01-01-a.md": page("title: A page"),
            # As are a root post in a subfolder and a post in that language's folder.
            "_posts/en/2020-01-01-b.md": page("title: Root"),
            "en/_posts/2020-01-01-b.md": page("title: English"),
        },
    )
    snapshot = load(site)
    assert _codes(snapshot, "duplicate-id") == ["_posts/2020-01-01-a.md"]
    ids = {d.id: d.source_path for d in snapshot.documents}
    assert ids == {
        "posts/2020-01-01-a": "_posts/2020-01-01-a.markdown",
        "pages/posts/2020-01-01-a": "posts/2020-01-01-a.md",
        "posts/en/2020-01-01-b": "_posts/en/2020-01-01-b.md",
        "posts/en/_posts/2020-01-01-b": "en/_posts/2020-01-01-b.md",
    }
    assert sorted(_codes(snapshot, "id-qualified")) == [
        "en/_posts/2020-01-01-b.md",
        "posts/2020-01-01-a.md",
    ]
    # Every one of them can be found by its URL.
    for doc in snapshot.documents:
        assert snapshot.find_url(doc.url) is not None


def test_ids_are_stable_across_reloads(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "en/news/_posts/2020-01-01-hello.md": page("title: Hello"),
            "ja/news/_posts/2020-01-01-hello.md": page("title: Konnichiwa"),
        },
    )
    loader = Loader(site, LoadOptions())
    first = sorted(d.id for d in loader.load().documents)
    (site / "ja/news/_posts/2020-01-01-hello.md").write_text(page("title: Changed"), "utf-8")
    again = loader.load(changed=["ja/news/_posts/2020-01-01-hello.md"])
    assert sorted(d.id for d in again.documents) == first
    assert sorted(d.id for d in load(site).documents) == first
    assert again.by_id["posts/ja/news/2020-01-01-hello"].title == "Changed"


def test_posts_are_listed_in_jekylls_order_by_date_then_path(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_posts/2021-01-01-zebra.md": page("title: A zebra"),
            "_posts/2020-01-01-apple.md": page("title: Z apple"),
            "en/_posts/2020-01-01-apple.md": page("title: English apple"),
        },
    )
    assert [d.id for d in load(site).documents] == [
        "posts/2020-01-01-apple",
        "posts/en/2020-01-01-apple",
        "posts/2021-01-01-zebra",
    ]


def test_a_post_without_front_matter_in_a_legacy_encoding_keeps_its_text(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"_posts/2020-01-01-cafe.md": "Café au lait.\n".encode("cp1252")})
    snapshot = load(site)
    assert [(d.id, d.body, d.front_matter) for d in snapshot.documents] == [
        ("posts/2020-01-01-cafe", "Café au lait.\n", False)
    ]
    assert [d.code for d in snapshot.diagnostics] == ["invalid-utf8"]
