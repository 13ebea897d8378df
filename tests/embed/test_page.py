"""The hosted embed page: TimelineJS from this origin, the timeline's options, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.embed.assets import EmbedAssets, load_assets
from api.embed.page import PageSettings, hosted_page, page_options, proxy_source
from api.settings import DEFAULT_SHEETS_PROXY
from api.timeline import TimelineEmbed, embed_for_local_data, parse_timeline
from api.timeline.hosted import HostedSource, hosted_source
from tests.support.embedassets import fake_install
from tests.support.hostedpage import ANALYTICS, hosts_named, parse_csp, parse_page

DATA_PATH = "/api/v1/pages/about-the-icc/icc-milestones/timeline/data"
V3 = "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html"
SHEET = "1xuY4upIooEeszZ_lCmeNx24eSFWe0rHe9ZdqH2xqVNk"
SETTINGS = PageSettings(DEFAULT_SHEETS_PROXY, "*")


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> EmbedAssets:
    found = load_assets(fake_install(tmp_path_factory.mktemp("assets")))
    assert isinstance(found, EmbedAssets)
    return found


def _local(**options: object) -> TimelineEmbed:
    return embed_for_local_data(None, options, data_path="_data/timelines/x.csv")


def _page(
    embed: TimelineEmbed, assets: EmbedAssets, settings: PageSettings = SETTINGS, title: str = "T"
) -> tuple[str, dict[str, list[str]]]:
    source = hosted_source(embed)
    assert source is not None
    page = hosted_page(
        embed, source, title=title, data_path=DATA_PATH, assets=assets, settings=settings
    )
    return page.html.decode(), parse_csp(page.csp)


def test_local_data_page_names_no_host_and_runs_no_inline_script(assets: EmbedAssets) -> None:
    html, csp = _page(_local(font="georgia-helvetica", initial_zoom=2, height=650), assets)
    page = parse_page(html)
    assert hosts_named(html) == set()
    assert page.urls and all(
        (u.startswith("/") and not u.startswith("//")) or u == "data:," for u in page.urls
    )
    for attrs, text in page.scripts:
        # Either a file from this origin, or a JSON data block, which never runs.
        assert (attrs.get("src") and not text) or attrs.get("type") == "application/json"
    assert page.config() == {
        "script_path": f"/embed/assets/{assets.package_path}/js/",
        "options": {"font": "georgia-helvetica", "initial_zoom": 2},  # the frame sets the size
        "source": {"kind": "local", "path": DATA_PATH},
    }
    assert not ANALYTICS.search(html)
    for directive, sources in csp.items():
        if directive != "frame-ancestors":
            assert set(sources) <= {"'self'", "'none'", "data:"}, directive
    assert csp["default-src"] == ["'none'"] and csp["script-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"] and csp["frame-ancestors"] == ["*"]


def test_scripts_and_styles_carry_their_integrity(assets: EmbedAssets) -> None:
    html, _ = _page(_local(), assets)
    page = parse_page(html)
    loaded = [
        (a.get("src") or a.get("href"), a.get("integrity"))
        for tag, a in page.tags
        if (tag == "script" and a.get("src")) or (tag == "link" and a.get("rel") == "stylesheet")
    ]
    assert len(loaded) == 4
    for url, integrity in loaded:
        assert url is not None
        assert integrity == assets.integrity(url.removeprefix("/embed/assets/"))
    assert f"/embed/assets/{assets.package_path}/js/timeline.js" in html
    assert f"/embed/assets/{assets.package_path}/LICENSE" in page.urls


def test_a_google_sheet_is_read_through_the_configured_proxy(assets: EmbedAssets) -> None:
    embed = parse_timeline(f"{V3}?source={SHEET}&lang=fr&hash_bookmark=true").embed
    assert embed is not None
    proxy = "https://sheets.example.org/proxy/"
    html, csp = _page(embed, assets, PageSettings(proxy, "'self'"))
    config = parse_page(html).config()
    assert config["source"] == {"kind": "sheet", "key": SHEET, "proxy": proxy}
    assert config["options"] == {"lang": "fr", "hash_bookmark": True}
    assert "<html lang='fr'>" in html
    assert hosts_named(html) == {"sheets.example.org"}
    assert csp["connect-src"] == ["'self'", proxy]
    assert csp["frame-ancestors"] == ["'self'"]


def test_the_default_proxy_is_knight_labs(assets: EmbedAssets) -> None:
    embed = parse_timeline(f"{V3}?source=v2:2PACX-1vTwrxBim-ruoMlLP9CnZIevWdP8rIatkV7X").embed
    assert embed is not None
    html, csp = _page(embed, assets)
    assert (
        parse_page(html).config()["source"]["key"]
        == "v2:2PACX-1vTwrxBim-ruoMlLP9CnZIevWdP8rIatkV7X"
    )
    assert csp["connect-src"] == ["'self'", "https://sheets-proxy.knightlab.com/proxy/"]


def test_a_sheet_tab_is_kept(assets: EmbedAssets) -> None:
    url = f"https://docs.google.com/spreadsheets/d/{SHEET}/edit?gid=42"
    embed = parse_timeline(f"{V3}?source={url}").embed
    assert embed is not None
    source = hosted_source(embed)
    assert source == HostedSource(
        "sheet", f"https://docs.google.com/spreadsheets/d/{SHEET}/pubhtml?gid=42"
    )


def test_data_from_another_host_is_not_hosted() -> None:
    for data in ("https://example.org/t.json", "https://example.org/t.csv"):
        embed = parse_timeline(f"{V3}?source={data}").embed
        assert embed is not None and hosted_source(embed) is None


def test_options_that_would_load_from_other_hosts_are_left_out() -> None:
    embed = _local(
        font="https://example.org/f.css",
        theme="contrast",
        lang="https://example.org/l.json",
        width=800,
    )
    assert page_options(embed) == {"theme": "contrast"}


def test_text_cannot_break_out_of_the_page(assets: EmbedAssets) -> None:
    embed = _local()
    evil = embed.options.model_copy(update={"theme": "</script><script>alert(1)</script>"})
    html, _ = _page(embed.model_copy(update={"options": evil}), assets, title="<b>&'\"")
    page = parse_page(html)
    assert [a.get("src") for a, _ in page.scripts if a.get("src")] == [
        f"/embed/assets/{assets.package_path}/js/timeline.js",
        f"/embed/assets/{assets.own['embed.js']}",
    ]
    assert page.config()["options"]["theme"] == "</script><script>alert(1)</script>"
    assert "<title>&lt;b&gt;&amp;'\" · Timeline</title>" in html


def test_a_server_below_a_root_path_gets_its_urls_prefixed(assets: EmbedAssets) -> None:
    html, _ = _page(_local(), assets, PageSettings(DEFAULT_SHEETS_PROXY, "*", root="/api"))
    page = parse_page(html)
    assert all(u.startswith("/api/embed/") for u in page.urls if u != "data:,")
    assert page.config()["source"]["path"] == "/api" + DATA_PATH


@pytest.mark.parametrize(
    ("proxy", "source"),
    [
        ("https://sheets-proxy.knightlab.com/proxy/", "https://sheets-proxy.knightlab.com/proxy/"),
        ("https://p.example.org:8443/fetch?url=", "https://p.example.org:8443/"),
        ("http://127.0.0.1:9000", "http://127.0.0.1:9000/"),
    ],
)
def test_the_proxy_source_in_the_policy(proxy: str, source: str) -> None:
    assert proxy_source(proxy) == source


def test_the_starter_script_sets_no_analytics(assets: EmbedAssets) -> None:
    script = assets.files[assets.own["embed.js"]].body.decode()
    assert not ANALYTICS.search(script)
    # The only mentions of TimelineJS's analytics options turn them off.
    assert script.count("ga_") == 2
    assert "ga_measurement_id: null" in script and "ga_property_id: null" in script
    assert "soundcite: false" in script


def test_a_missing_install_says_how_to_fetch_it(tmp_path: Path) -> None:
    missing = load_assets(tmp_path)
    assert not isinstance(missing, EmbedAssets)
    assert "is not installed" in missing.reason
    assert "content-api assets fetch" in missing.reason
