from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from api.http.schemas import JsonFeed
from tests.http.conftest import Client
from tests.support.sites import page

MakeClient = Callable[..., Client]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

SITE = {
    "_config.yml": (
        "url: https://example.org\nbaseurl: /blog\ntitle: 'News & <Views>'\n"
        "description: All the news\n"
        "collections:\n"
        "  events:\n    output: true\n    permalink: /:collection/:path/\n"
        "  notes:\n    output: false\n"
    ),
    "_posts/2021-03-04-spring.md": page(
        "title: 'Spring <&> \"quotes\"'\ntags: [season, weather]", "Warm \x0c days & <b>bold</b>.\n"
    ),
    "_posts/2020-01-02-winter.md": page("title: Winter\ndescription: Cold."),
    "_posts/2022-07-08-summer.md": page("title: Summer\nsitemap: false"),
    "_events/launch.md": page("title: Launch\ndate: 2021-06-01 10:00:00 +0200"),
    "_events/undated.md": page("title: Undated"),
    "_notes/hidden.md": page("title: Hidden\ndate: 2023-01-01"),
    "about.md": page("title: About"),
}
NEWEST_FIRST = [
    "https://example.org/blog/2022/07/08/summer.html",
    "https://example.org/blog/events/launch/",
    "https://example.org/blog/2021/03/04/spring.html",
    "https://example.org/blog/2020/01/02/winter.html",
]


def test_json_feed(make_client: MakeClient) -> None:
    client = make_client(SITE, public_url="https://api.example.org")
    response = client.get("/feed.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/feed+json"
    feed = response.json()
    JsonFeed.model_validate(feed)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "News & <Views>"
    assert feed["home_page_url"] == "https://example.org/blog/"
    assert feed["feed_url"] == "https://api.example.org/feed.json"
    # Dated pages only, newest first; the output: false collection has no page to link to.
    assert [item["url"] for item in feed["items"]] == NEWEST_FIRST
    spring = feed["items"][2]
    assert spring["id"] == spring["url"]
    assert spring["title"] == 'Spring <&> "quotes"'
    assert spring["date_published"] == "2021-03-04T00:00:00Z"
    assert spring["tags"] == ["season", "weather"]
    assert "<b>bold</b>" in spring["content_html"]
    assert feed["items"][3]["summary"] == "Cold."
    assert feed["items"][1]["date_published"] == "2021-06-01T10:00:00+02:00"


def test_atom_feed_is_well_formed_and_escaped(make_client: MakeClient) -> None:
    response = make_client(SITE).get("/feed.xml")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # raises on anything ill-formed
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "News & <Views>"
    assert root.findtext(f"{ATOM}updated") == "2022-07-08T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == NEWEST_FIRST
    spring = entries[2]
    assert spring.findtext(f"{ATOM}title") == 'Spring <&> "quotes"'
    content = spring.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    assert "<b>bold</b>" in (content.text or "") and "\x0c" not in (content.text or "")
    assert [c.get("term") for c in spring.findall(f"{ATOM}category")] == ["season", "weather"]


def test_sitemap_lists_every_output_page(make_client: MakeClient) -> None:
    response = make_client(SITE).get("/sitemap.xml")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    locs = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root}
    assert locs == {
        "https://example.org/blog/events/launch/": "2021-06-01",
        "https://example.org/blog/events/undated/": None,
        "https://example.org/blog/2021/03/04/spring.html": "2021-03-04",
        "https://example.org/blog/2020/01/02/winter.html": "2020-01-02",
        "https://example.org/blog/about.html": None,
    }


def test_feeds_cap_at_fifty_entries(make_client: MakeClient) -> None:
    posts = {
        f"_posts/2020-01-{day:02d}-p{n}.md": page(f"title: P{n}")
        for n, day in enumerate([*range(1, 29), *range(1, 29)])
    }
    files = {"_config.yml": "url: https://example.org\n", **posts}
    client = make_client(files)
    assert len(client.get("/feed.json").json()["items"]) == 50
    assert len(ET.fromstring(client.get("/feed.xml").content).findall(f"{ATOM}entry")) == 50


def test_without_a_site_url_they_are_404_problems(make_client: MakeClient) -> None:
    client = make_client({"_posts/2020-01-01-a.md": page("title: A")})
    for path in ("/feed.json", "/feed.xml", "/sitemap.xml"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert "`url`" in response.json()["detail"]


def test_they_have_etags(make_client: MakeClient) -> None:
    client = make_client(SITE)
    for path in ("/feed.json", "/feed.xml", "/sitemap.xml"):
        etag = client.get(path).headers["etag"]
        assert client.get(path, headers={"if-none-match": etag}).status_code == 304
        # Built once per content version: the same bytes on every request and replica.
        assert make_client(SITE).get(path).headers["etag"] == etag


def test_a_client_that_prefers_text_gets_the_xml_as_text_xml(make_client: MakeClient) -> None:
    client = make_client(SITE)
    for path, own in (("/feed.xml", "application/atom+xml"), ("/sitemap.xml", "application/xml")):
        default = client.get(path)
        assert default.headers["content-type"] == f"{own}; charset=utf-8"
        assert "Accept" in default.headers["vary"]
        for accept, expected in [
            ("text/xml", "text/xml"),
            ("text/*", "text/xml"),
            (f"text/xml;q=0.9, {own}", own),
            (f"{own};q=0.5, text/xml", "text/xml"),
            ("*/*", own),
            ("application/json", own),  # nothing else is offered: the XML as itself
        ]:
            answer = client.get(path, headers={"Accept": accept})
            assert answer.status_code == 200, accept
            assert answer.headers["content-type"] == f"{expected}; charset=utf-8", accept
            assert answer.content == default.content
            assert answer.headers["vary"] == default.headers["vary"]
        etag = default.headers["etag"]
        revalidated = client.get(path, headers={"Accept": "text/xml", "If-None-Match": etag})
        assert revalidated.status_code == 304
