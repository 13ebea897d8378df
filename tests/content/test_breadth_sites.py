"""The breadth sites (``tests/sites``): every document as real Jekyll made it, with its plugins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.content.loader import Loader, LoadOptions
from api.site import Site
from tests.support.parity import compare

SITES = Path(__file__).resolve().parents[1] / "sites"
NAMES = sorted(p.name for p in SITES.iterdir() if (p / "jekyll-manifest.json").is_file())


def test_every_breadth_site_has_its_manifest() -> None:
    assert NAMES == ["dates", "github-pages", "multilingual", "plugins"]


@pytest.mark.parametrize("name", NAMES)
def test_breadth_site_matches_jekyll(name: str) -> None:
    rows = json.loads((SITES / name / "jekyll-manifest.json").read_text("utf-8"))
    site = Site(Loader(SITES / name / "site", LoadOptions(unpublished=True, future=True)).load())
    report = compare(rows, site.snapshot.documents, lambda doc: site.rendered(doc).html)
    assert report.metadata == {}
    assert report.html == {}
    assert report.extra == []
    assert report.documents == report.served == len(rows) > 5
    assert report.html_rows == sum(1 for row in rows if row["html"].strip())
    problems = [d for d in site.diagnostics() if d.severity == "error"]
    assert problems == []


def test_the_github_pages_site_is_read_in_github_pages_mode() -> None:
    config = Loader(SITES / "github-pages" / "site").load().config
    assert config.github_pages and config.future
    assert "jekyll-relative-links" in config.plugins


def test_plugins_come_from_plugins_gems_and_the_gemfile() -> None:
    config = Loader(SITES / "plugins" / "site").load().config
    assert not config.github_pages
    assert config.plugins == {
        "jekyll-optional-front-matter",
        "jekyll-titles-from-headings",
        "jekyll-relative-links",
        "jekyll-default-layout",
        "jekyll-readme-index",
    }


def test_data_a_sites_own_plugins_add_can_be_left_out() -> None:
    rows = json.loads((SITES / "dates" / "jekyll-manifest.json").read_text("utf-8"))
    for row in rows:
        row["data"]["markdown_url"] = row["url"] + "index.md"
    site = Site(Loader(SITES / "dates" / "site", LoadOptions(unpublished=True, future=True)).load())
    report = compare(rows, site.snapshot.documents, lambda doc: "")
    assert len(report.metadata) == len(rows)
    assert all("data.markdown_url" in found[0] for found in report.metadata.values())
    ignored = frozenset({"markdown_url"})
    assert compare(rows, site.snapshot.documents, lambda doc: "", ignored).metadata == {}
