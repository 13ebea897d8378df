"""Redirects over HTTP: ``find`` answering 301, ``/api/v1/redirects``, and redirect documents
left out of everything that lists pages."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import pytest

from api.http import examples
from tests.content.jekyll_sites import NO_URL, REDIRECTS
from tests.http.conftest import Client
from tests.support.sites import CONTENT, page

SEARCH = "/api/v1/search"


@pytest.fixture
def client(make_client: Callable[..., Client]) -> Client:
    files = {
        **REDIRECTS,
        "loop1.md": page("title: Loop 1\nredirect_to: /loop2.html"),
        "loop2.md": page("title: Loop 2\nredirect_to: /loop1.html"),
        "dated.md": page("title: Dated\ndate: 2021-05-01\nredirect_to: /a.html", "needle\n"),
        "needle.md": page("title: Needle\ndate: 2021-04-01", "needle\n"),
    }
    return make_client(files)


def _find(client: Client, url: str) -> tuple[int, str | None]:
    response = client.get("/api/v1/find", params={"url": url}, follow_redirects=False)
    return response.status_code, response.headers.get("location")


@pytest.mark.parametrize(
    "url",
    [
        "/old-a/",
        "/old-a",  # without the trailing slash
        "/old-a/index.html",
        "/old-a.html",
        "/blog/old-a/",  # with the baseurl
        "https://example.org/blog/old-a/",  # with the host and baseurl
        "https://example.org/blog/old-a/?utm=x#top",
        "/café/",
        "/caf%C3%A9",
        "/with space/",
        "/with%20space",
    ],
)
def test_an_alias_answers_301_to_its_page(client: Client, url: str) -> None:
    assert _find(client, url) == (301, "/api/v1/pages/a")


def test_aliases_of_documents_and_posts(client: Client) -> None:
    assert _find(client, "/old-d") == (301, "/api/v1/pages/docs/d")
    assert _find(client, "/old-d/") == (301, "/api/v1/pages/docs/d")
    assert _find(client, "/old-d.html") == (301, "/api/v1/pages/docs/d")  # as Jekyll writes it
    assert _find(client, "/2019/p/") == (301, "/api/v1/pages/posts/2020-01-01-p")
    assert _find(client, "/ü/x.html") == (301, "/api/v1/pages/" + quote("h é"))
    assert _find(client, "/old-n/")[0] == 404  # notes are not written: no redirect


def test_a_pages_own_url_still_answers_307(client: Client) -> None:
    assert _find(client, "/plain.html") == (307, "/api/v1/pages/plain")
    assert _find(client, "/blog/plain") == (307, "/api/v1/pages/plain")


def test_a_redirect_document_leads_where_it_points(client: Client) -> None:
    assert _find(client, "/b.html") == (301, "/api/v1/pages/a")
    assert _find(client, "/b") == (301, "/api/v1/pages/a")
    assert _find(client, "/g.html") == (301, "/api/v1/pages/a")  # the fragment is dropped
    assert _find(client, "/i.html") == (301, "/api/v1/pages/a")  # /docs/../a.html
    assert _find(client, "/c.html") == (301, "https://elsewhere.example/x")
    assert _find(client, "/k.html") == (301, "HTTPS://Elsewhere.Example/K")
    # mailto: is no web page to send an HTTP client to.
    mail = client.get("/api/v1/find", params={"url": "/j.html"})
    assert mail.status_code == 404 and "mailto:x@example.org" in mail.json()["detail"]
    assert _find(client, "/archive/old.html") == (301, "https://archive.example/")  # defaults
    # new e: a site path that is no page, made absolute with the site's url.
    assert _find(client, "/e.html") == (301, "https://example.org/blog/new%20e")


@pytest.mark.parametrize(
    ("url", "status", "doc_id"),
    [("/old-a/", 301, "a"), ("/plain.html", 307, "plain"), ("/c.html", 301, None)],
)
def test_a_redirects_body_says_where_it_leads(
    client: Client, url: str, status: int, doc_id: str | None
) -> None:
    """For clients that do not follow redirects (openapi-python-client's): JSON as the
    schema's ``Found``."""
    response = client.get("/api/v1/find", params={"url": url}, follow_redirects=False)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["location"] == response.headers["location"]
    assert body["id"] == doc_id and body["moved"] is (status == 301)
    if doc_id is None:
        assert body["url"] is None
    else:
        page = client.get(f"/api/v1/pages/{doc_id}").json()
        assert body["url"] == page["url"]


def test_chains_are_followed_to_the_end(client: Client) -> None:
    # /chain-start/ -> docs/chain (redirect_to /b.html) -> b (redirect_to /a.html) -> a
    assert _find(client, "/chain-start/") == (301, "/api/v1/pages/a")
    assert _find(client, "/docs/chain/") == (301, "/api/v1/pages/a")


def test_the_last_claim_wins_and_a_page_beats_an_alias(client: Client) -> None:
    assert _find(client, "/dup/") == (301, "/api/v1/pages/dup2")
    assert _find(client, "/claimed/") == (301, "/api/v1/pages/zz")
    # s.md claims /a.html, which is a.md's own URL: find answers the page.
    assert _find(client, "/a.html") == (307, "/api/v1/pages/a")
    problems = {
        (d["source_path"], d["code"]) for d in client.get("/api/v1/diagnostics").json()["data"]
    }
    assert ("s.md", "redirect-shadowed") in problems
    assert ("dup2.md", "redirect-duplicate") in problems
    assert ("zz.md", "redirect-duplicate") in problems
    assert ("loop1.md", "redirect-loop") in problems


def test_a_loop_is_a_clear_404(client: Client) -> None:
    response = client.get("/api/v1/find", params={"url": "/loop1.html"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "loop" in response.json()["detail"]


def test_find_by_source_path_is_the_documents_own_resource(client: Client) -> None:
    response = client.get("/api/v1/find?source_path=b.md", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (307, "/api/v1/pages/b")


def test_without_a_site_url(make_client: Callable[..., Client]) -> None:
    client = make_client(NO_URL)
    assert _find(client, "/old/") == (301, "/api/v1/pages/a")
    assert _find(client, "/b.html") == (301, "/api/v1/pages/a")
    # /files/report.pdf is no page, and without a url it has no address to send.
    response = client.get("/api/v1/find", params={"url": "/c.html"})
    assert response.status_code == 404
    assert "/files/report.pdf" in response.json()["detail"]
    assert client.get("/api/v1/redirects").json() == {
        "/old/": "/a.html",
        "/b.html": "/a.html",
        "/c.html": "/files/report.pdf",
    }


def test_the_map_is_redirects_json_and_cached(client: Client) -> None:
    response = client.get("/api/v1/redirects")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["/old-a/"] == "https://example.org/blog/a.html"
    assert body["/b.html"] == "https://example.org/blog/a.html"
    assert body["/loop1.html"] == "https://example.org/blog/loop2.html"
    etag = response.headers["etag"]
    again = client.get("/api/v1/redirects", headers={"if-none-match": etag})
    assert again.status_code == 304


def test_the_example_is_the_served_map() -> None:
    from fastapi.testclient import TestClient

    from tests.http.conftest import build_app

    served = TestClient(build_app(CONTENT)).get("/api/v1/redirects").json()
    assert served == examples.example("RedirectMap")


def test_a_redirect_document_is_listed_nowhere(client: Client) -> None:
    ids = [
        item["id"]
        for offset in (0, 20)
        for item in client.get(f"/api/v1/pages?limit=20&offset={offset}&fields=id").json()["data"]
    ]
    assert "a" in ids and "plain" in ids
    for redirect in ("b", "c", "e", "g", "i", "j", "k", "archive/old", "docs/chain", "dated"):
        assert redirect not in ids
    assert client.get("/api/v1/pages?filter[redirect_to][exists]=true").json()["data"] == []
    hits = client.get(SEARCH, params={"q": "needle"}).json()["data"]
    assert [hit["id"] for hit in hits] == ["needle"]
    feed = client.get("/feed.json").json()
    assert [item["title"] for item in feed["items"]] == ["Needle", "P"]
    sitemap = client.get("/sitemap.xml").text
    assert "/blog/plain.html" in sitemap and "/blog/b.html" not in sitemap
    docs = next(c for c in client.get("/api/v1/collections").json()["data"] if c["name"] == "docs")
    assert docs["count"] == 2  # claim and d: chain is a redirect
    chain = client.get("/api/v1/pages/docs/claim").json()
    assert chain["next"]["id"] == "docs/d" and chain["previous"] is None


def test_a_redirect_documents_own_resource(client: Client) -> None:
    """Served by id as Jekyll holds it: the plugin's data, and no body."""
    body = client.get("/api/v1/pages/b").json()
    assert body["layout"] == "redirect"
    assert body["data"]["redirect"] == {"from": "/b.html", "to": "https://example.org/blog/a.html"}
    assert body["data"]["redirect_to"] == "/a.html"
    assert body["html"] == "" and body["previous"] is None and body["next"] is None
    assert body["url"] == "/b.html"


def test_find_with_both_params_follows_the_alias_to_the_page_with_that_source(
    client: Client,
) -> None:
    both = {"url": "/old-a/", "source_path": "a.md"}
    response = client.get("/api/v1/find", params=both, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (301, "/api/v1/pages/a")
    other = client.get("/api/v1/find", params={**both, "source_path": "needle.md"})
    assert other.status_code == 404
