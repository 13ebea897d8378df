"""Posts in every folder and GitHub Pages sites, served over HTTP."""

from __future__ import annotations

from collections.abc import Callable

from tests.http.conftest import Client
from tests.support.sites import page

MULTILINGUAL = {
    "_config.yml": "permalink: pretty\n",
    "_posts/2020-01-01-hello.md": page(
        "title: Root", "[English]({% post_url en/news/2020-01-01-hello %})\n"
    ),
    "en/news/_posts/2020-01-01-hello.md": page("title: Hello"),
    "ja/news/_posts/2020-01-01-hello.md": page("title: こんにちは"),
}


def test_every_post_is_served_found_and_linked(make_client: Callable[..., Client]) -> None:
    client = make_client(MULTILINGUAL)
    listed = client.get("/api/v1/pages?collection=posts&fields=id,url").json()["data"]
    assert sorted((p["id"], p["url"]) for p in listed) == [
        ("posts/2020-01-01-hello", "/2020/01/01/hello/"),
        ("posts/en/news/2020-01-01-hello", "/en/news/2020/01/01/hello/"),
        ("posts/ja/news/2020-01-01-hello", "/ja/news/2020/01/01/hello/"),
    ]
    japanese = client.get("/api/v1/pages/posts/ja/news/2020-01-01-hello")
    assert japanese.status_code == 200 and japanese.json()["title"] == "こんにちは"
    found = client.get("/api/v1/find?url=/ja/news/2020/01/01/hello/", follow_redirects=False)
    assert found.status_code == 307
    assert found.headers["location"].endswith("/api/v1/pages/posts/ja/news/2020-01-01-hello")
    root = client.get("/api/v1/pages/posts/2020-01-01-hello/html")
    assert 'href="/en/news/2020/01/01/hello/"' in root.text
    codes = {d["code"] for d in client.get("/api/v1/diagnostics").json()["data"]}
    assert "duplicate-id" not in codes


def test_a_github_pages_site_in_github_pages_mode(make_client: Callable[..., Client]) -> None:
    files = {
        "FAQ.md": "# Questions\n\n## Install\n\nSee [home](index.md).\n",
        "index.md": "# Home\n\nRead the [FAQ](FAQ.md#install).\n",
    }
    plain = make_client(files)
    assert plain.get("/api/v1/pages/FAQ").status_code == 404
    pages = make_client(files, github_pages=True)
    faq = pages.get("/api/v1/pages/FAQ").json()
    assert faq["title"] == "Questions" and faq["url"] == "/FAQ.html"
    home = pages.get("/api/v1/pages/index/html").text
    assert 'href="/FAQ.html#install"' in home
