"""``/embed/timelines/{id}`` and its assets over HTTP, and the timeline fields that link there."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.embed.pins import TIMELINEJS
from api.export import export_site
from api.http.app import create_app
from api.settings import Settings
from tests.http.conftest import SITE, Client
from tests.support.embedassets import fake_install
from tests.support.hostedpage import ANALYTICS, hosts_named, parse_csp, parse_page
from tests.support.sites import CONTENT, page, write_site

MakeClient = Callable[..., Client]
LOCAL = "about-the-icc/icc-milestones"
SEED = "about-the-icc/the-us-icc-relationship"
PUBLIC = "https://api.example.org"
PACKAGE = f"/embed/assets/timelinejs/{TIMELINEJS.version}"
IMMUTABLE = "public, max-age=31536000, immutable"
V3 = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html"
SHEET = "1xuY4upIooEeszZ_lCmeNx24eSFWe0rHe9ZdqH2xqVNk"
FILES = {
    **SITE,
    "_about-the-icc/icc-milestones.md": (CONTENT / "_about-the-icc/icc-milestones.md").read_text(),
    "_data/timelines/icc-milestones.csv": (
        CONTENT / "_data/timelines/icc-milestones.csv"
    ).read_text(),
    "_cases/json.md": page(
        f"title: From elsewhere\ntimeline: {V3}?source=https://example.org/t.json"
    ),
    "_cases/fonts.md": page(
        f"title: Own font\ntimeline: {V3}?source={SHEET}&font=https://example.org/f.css&lang=fr"
    ),
}


@pytest.fixture
def assets(tmp_path: Path) -> Path:
    return fake_install(tmp_path / "assets")


@pytest.fixture
def hosted(make_client: MakeClient, assets: Path) -> Client:
    return make_client(FILES, public_url=PUBLIC, timelinejs_dir=assets)


def _timeline(client: Client, page_id: str) -> dict[str, object]:
    response = client.get(f"/api/v1/pages/{page_id}/timeline")
    assert response.status_code == 200
    body: dict[str, object] = response.json()
    return body


def test_the_local_data_page_is_served_for_framing(hosted: Client) -> None:
    response = hosted.get(f"/embed/timelines/{LOCAL}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "x-frame-options" not in response.headers
    csp = parse_csp(response.headers["content-security-policy"])
    assert csp["frame-ancestors"] == ["*"]
    assert csp["connect-src"] == ["'self'"] and csp["default-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    html = response.text
    assert hosts_named(html) == set() and not ANALYTICS.search(html)
    config = parse_page(html).config()
    assert config["source"] == {"kind": "local", "path": f"/api/v1/pages/{LOCAL}/timeline/data"}
    assert config["options"] == {"font": "georgia-helvetica", "initial_zoom": 2}
    assert "<title>ICC Milestones · Timeline</title>" in html


def test_the_page_is_cached_like_every_response(hosted: Client) -> None:
    first = hosted.get(f"/embed/timelines/{LOCAL}")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == Settings().cache_control
    again = hosted.get(f"/embed/timelines/{LOCAL}", headers={"If-None-Match": etag})
    assert again.status_code == 304
    head = hosted.head(f"/embed/timelines/{LOCAL}")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-security-policy"] == first.headers["content-security-policy"]


def test_a_sheet_page_lets_in_only_the_sheets_proxy(make_client: MakeClient, assets: Path) -> None:
    proxy = "https://sheets.example.org/p/"
    client = make_client(
        FILES,
        timelinejs_dir=assets,
        sheets_proxy=proxy,
        embed_frame_ancestors="https://example.org  https://*.example.org",
    )
    response = client.get(f"/embed/timelines/{SEED}")
    assert response.status_code == 200
    csp = parse_csp(response.headers["content-security-policy"])
    assert csp["connect-src"] == ["'self'", proxy]
    assert csp["frame-ancestors"] == ["https://example.org", "https://*.example.org"]
    assert hosts_named(response.text) == {"sheets.example.org"}
    source = parse_page(response.text).config()["source"]
    assert source == {
        "kind": "sheet",
        "key": "0AtZ5yV_Pso2idDZQRXNfUzQxd3JTQzhhMXg5UEpVYmc",
        "proxy": proxy,
    }


def test_the_timeline_links_its_hosted_embed(hosted: Client) -> None:
    for page_id in (LOCAL, SEED):
        timeline = _timeline(hosted, page_id)
        url = f"{PUBLIC}/embed/timelines/{page_id}"
        assert timeline["hosted_embed_url"] == url
        (frame,) = [a for tag, a in parse_page(str(timeline["hosted_iframe_html"])).tags]
        assert frame["src"] == url and frame["title"] and frame["allowfullscreen"] is None
    seed = _timeline(hosted, SEED)
    frame = parse_page(str(seed["hosted_iframe_html"])).tags[0][1]
    assert (frame["width"], frame["height"]) == ("100%", "900")  # the embed's own height
    listed = hosted.get("/api/v1/timelines", params={"fields": "id,timeline"}).json()["data"]
    assert {t["id"]: t["timeline"]["hosted_embed_url"] for t in listed}[LOCAL].endswith(LOCAL)


def test_data_from_another_host_has_no_hosted_embed(hosted: Client) -> None:
    timeline = _timeline(hosted, "cases/json")
    assert timeline["hosted_embed_url"] is None and timeline["hosted_iframe_html"] is None
    response = hosted.get("/embed/timelines/cases/json")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "https://example.org/t.json" in response.json()["detail"]


def test_url_options_are_left_out_of_the_hosted_page_and_said_so(hosted: Client) -> None:
    timeline = _timeline(hosted, "cases/fonts")
    assert timeline["options"] == {"font": "https://example.org/f.css", "lang": "fr"}
    warnings = [w for w in timeline["warnings"] if w["param"] == "font"]  # type: ignore[attr-defined]
    assert [w["code"] for w in warnings] == ["option-ignored"]
    assert "hosted embed loads nothing from other hosts" in warnings[0]["message"]
    html = hosted.get("/embed/timelines/cases/fonts").text
    assert parse_page(html).config()["options"] == {"lang": "fr"}
    assert "example.org" not in html
    diagnostics = hosted.get("/api/v1/diagnostics").json()
    assert "hosted embed loads nothing" in str(diagnostics)


def test_without_a_public_url_there_is_no_link_but_the_page_works(
    make_client: MakeClient, assets: Path
) -> None:
    client = make_client(FILES, timelinejs_dir=assets)
    timeline = _timeline(client, LOCAL)
    assert timeline["hosted_embed_url"] is None and timeline["hosted_iframe_html"] is None
    assert client.get(f"/embed/timelines/{LOCAL}").status_code == 200


def test_without_assets_the_page_is_a_503_that_says_how_to_fetch_them(
    make_client: MakeClient, tmp_path: Path
) -> None:
    client = make_client(FILES, public_url=PUBLIC, timelinejs_dir=tmp_path / "empty")
    for path in (f"/embed/timelines/{LOCAL}", f"{PACKAGE}/js/timeline.js"):
        response = client.get(path)
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["cache-control"] == "no-store"
        body = response.json()
        assert body["type"] == "https://content-api.dev/problems/timeline-assets-missing"
        assert "content-api assets fetch" in body["detail"]
    # A link that would answer 503 is not offered; the rest of the API is served.
    assert _timeline(client, LOCAL)["hosted_embed_url"] is None
    assert client.get(f"/api/v1/pages/{LOCAL}").status_code == 200
    assert client.get(f"/embed/timelines/{SEED}x").status_code == 404  # no such page first


def test_an_edited_install_is_not_served(make_client: MakeClient, assets: Path) -> None:
    (assets / "timelinejs" / TIMELINEJS.version / "js/timeline.js").write_text("alert(1)")
    client = make_client(FILES, timelinejs_dir=assets)
    response = client.get(f"/embed/timelines/{LOCAL}")
    assert response.status_code == 503
    assert "changed after it was installed" in response.json()["detail"]


def test_hosted_embeds_can_be_turned_off(make_client: MakeClient, assets: Path) -> None:
    client = make_client(FILES, public_url=PUBLIC, timelinejs_dir=assets, hosted_embeds=False)
    assert _timeline(client, LOCAL)["hosted_embed_url"] is None
    response = client.get(f"/embed/timelines/{LOCAL}")
    assert response.status_code == 404 and "turned off" in response.json()["detail"]


def test_pages_without_a_timeline_or_id_are_404(hosted: Client) -> None:
    for path, detail in (
        ("/embed/timelines/cases/lubanga", "has no timeline"),
        ("/embed/timelines/cases/nope", "No page has the id 'cases/nope'"),
    ):
        response = hosted.get(path)
        assert response.status_code == 404 and detail in response.json()["detail"]


def test_assets_are_immutable_under_their_version(hosted: Client) -> None:
    page = parse_page(hosted.get(f"/embed/timelines/{LOCAL}").text)
    assert sorted(page.urls)[:3] != []
    for url in [
        *page.urls,
        f"{PACKAGE}/css/fonts/font.default.css",
        f"{PACKAGE}/js/locale/en.json",
    ]:
        if url == "data:,":
            continue
        response = hosted.get(url)
        assert response.status_code == 200, url
        assert response.headers["cache-control"] == IMMUTABLE
        assert response.headers["etag"]
        assert parse_csp(response.headers["content-security-policy"]) == {
            "default-src": ["'none'"],
            "sandbox": [],
        }
    assert hosted.get(f"{PACKAGE}/js/timeline.js").headers["content-type"] == (
        "text/javascript; charset=utf-8"
    )
    assert hosted.get(f"{PACKAGE}/css/icons/tl-icons.woff2").headers["content-type"] == "font/woff2"
    licence = hosted.get(f"{PACKAGE}/LICENSE")
    assert licence.headers["content-type"] == "text/plain; charset=utf-8"
    assert "Mozilla Public License Version 2.0" in licence.text


@pytest.mark.parametrize(
    "path",
    [
        f"{PACKAGE}/manifest.json",
        f"{PACKAGE}/../../../pyproject.toml",
        "/embed/assets/timelinejs/0.0.1/js/timeline.js",
        "/embed/assets/embed.js",
        "/embed/assets/",
    ],
)
def test_nothing_else_is_served_as_an_asset(hosted: Client, path: str) -> None:
    response = hosted.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("embed_frame_ancestors", "*; script-src *"),
        ("embed_frame_ancestors", "'none' https://example.org"),
        ("embed_frame_ancestors", ""),
        ("sheets_proxy", "https://proxy.example.org/p/;script-src *"),
        ("sheets_proxy", "javascript:alert(1)"),
        ("sheets_proxy", "https://user@proxy.example.org/"),
        ("oembed_embed", "cdn"),
    ],
)
def test_settings_that_would_break_the_policy_are_refused(name: str, value: str) -> None:
    with pytest.raises(ValidationError):
        Settings(**{name: value})  # type: ignore[arg-type]


def _oembed(client: Client, page_id: str, **params: object) -> dict[str, object]:
    response = client.get("/oembed", params={"url": f"/api/v1/pages/{page_id}", **params})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def _src(body: dict[str, object]) -> str:
    src = parse_page(str(body["html"])).tags[0][1]["src"]
    assert src is not None
    return src


def test_oembed_offers_the_hosted_embed_when_asked(hosted: Client) -> None:
    assert _src(_oembed(hosted, LOCAL)).startswith(V3)  # Knight Lab's, by default
    body = _oembed(hosted, LOCAL, embed="hosted", maxwidth=640, maxheight=480)
    assert _src(body) == f"{PUBLIC}/embed/timelines/{LOCAL}"
    frame = parse_page(str(body["html"])).tags[0][1]
    assert (body["width"], body["height"]) == (640, 480)
    assert (frame["width"], frame["height"]) == ("640", "480")
    assert _src(_oembed(hosted, LOCAL, embed="knightlab")).startswith(V3)


def test_oembed_can_offer_the_hosted_embed_by_default(
    make_client: MakeClient, assets: Path
) -> None:
    client = make_client(FILES, public_url=PUBLIC, timelinejs_dir=assets, oembed_embed="hosted")
    assert _src(_oembed(client, SEED)) == f"{PUBLIC}/embed/timelines/{SEED}"
    assert _src(_oembed(client, SEED, embed="knightlab")).startswith(V3)
    # A timeline with no hosted embed keeps Knight Lab's when nobody asked for hosted.
    assert _src(_oembed(client, "cases/json")).startswith(V3)


def test_oembed_never_answers_hosted_with_a_third_party_embed(
    make_client: MakeClient, assets: Path
) -> None:
    cases = [
        (
            make_client(FILES, public_url=PUBLIC, timelinejs_dir=assets),
            "cases/json",
            "another host",
        ),
        (make_client(FILES, timelinejs_dir=assets), LOCAL, "CONTENT_API_PUBLIC_URL is not set"),
        (
            make_client(FILES, public_url=PUBLIC, timelinejs_dir=assets.parent / "no"),
            SEED,
            "TimelineJS assets are not installed",
        ),
    ]
    for client, page_id, why in cases:
        response = client.get(
            "/oembed", params={"url": f"/api/v1/pages/{page_id}", "embed": "hosted"}
        )
        assert response.status_code == 404, page_id
        assert why in response.json()["detail"]
    # A page without a timeline is still its card.
    client = cases[0][0]
    card = _oembed(client, "cases/lubanga", embed="hosted")
    assert str(card["html"]).startswith('<blockquote class="content-api-card"')
    assert client.get("/oembed", params={"url": "/", "embed": "cdn"}).status_code == 422


def test_a_static_export_links_no_hosted_embed(tmp_path: Path, assets: Path) -> None:
    root = write_site(tmp_path / "site", FILES)
    out = tmp_path / "out"
    export_site(Settings(content_dir=root, public_url=PUBLIC, timelinejs_dir=assets), out)
    written = json.loads((out / f"api/v1/pages/{LOCAL}/timeline/index.json").read_text())
    assert written["embed_url"] and written["hosted_embed_url"] is None
    assert not (out / "embed").exists()


def test_a_server_without_assets_says_so_when_it_starts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_site(tmp_path / "site", FILES)
    settings = Settings(content_dir=root, timelinejs_dir=tmp_path / "empty")
    with caplog.at_level(logging.WARNING, logger="content_api"), TestClient(create_app(settings)):
        pass
    assert "hosted timeline embeds answer 503" in caplog.text
    assert "content-api assets fetch" in caplog.text
