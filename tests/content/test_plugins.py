"""Which plugins a site turns on: ``plugins:``/``gems:``, the Gemfile, GitHub Pages."""

from __future__ import annotations

from pathlib import Path

from api.content.config import parse_config
from api.content.plugins import (
    GITHUB_PAGES_DEFAULTS,
    configure,
    enabled_plugins,
    gemfile_plugins,
    uses_github_pages,
)
from tests.support.sites import load, write_site

GEMFILE = """\
source "https://rubygems.org"
# gem "github-pages"   (a comment names no gem)
gem "jekyll", "~> 4.3"
platforms :mingw, :x64_mingw do
  gem "tzinfo-data"
end
group :jekyll_plugins do
  gem 'jekyll-feed'  # trailing comment
  gem "jekyll-relative-links", "0.7.0"
end
gem "jekyll-titles-from-headings", group: :jekyll_plugins
gem "webrick"
"""


def test_plugins_and_gems_lists_are_both_read() -> None:
    raw = {"plugins": ["jekyll-feed", "jekyll-relative-links"], "gems": ["jekyll-readme-index"]}
    assert enabled_plugins(raw) == {"jekyll-feed", "jekyll-relative-links", "jekyll-readme-index"}
    assert enabled_plugins({"plugins": "jekyll-default-layout"}) == {"jekyll-default-layout"}
    assert enabled_plugins({"plugins": {"not": "a list"}}) == frozenset()


def test_the_gemfiles_jekyll_plugins_group_turns_plugins_on() -> None:
    assert gemfile_plugins(GEMFILE) == [
        "jekyll-feed",
        "jekyll-relative-links",
        "jekyll-titles-from-headings",
    ]
    assert not uses_github_pages(GEMFILE)
    assert uses_github_pages('gem "github-pages", group: :jekyll_plugins\n')
    assert uses_github_pages("gem 'github-pages', '~> 228'\n")
    assert not uses_github_pages("gem 'github-pages-health-check'\n")
    assert not uses_github_pages(None)


def test_github_pages_adds_every_default_plugin() -> None:
    names = enabled_plugins({"plugins": ["jekyll-redirect-from"]}, github_pages=True)
    assert names == {"jekyll-redirect-from", *GITHUB_PAGES_DEFAULTS}
    assert "jekyll-titles-from-headings" in names and "jekyll-github-metadata" in names


def test_github_pages_defaults_future_unless_the_site_says_otherwise() -> None:
    config, _ = parse_config("title: x\n")
    assert configure(config, None).future is False
    pages = configure(config, None, github_pages=True)
    assert pages.github_pages and pages.future
    assert configure(config, 'gem "github-pages"\n').github_pages
    opted_out, _ = parse_config("future: false\n")
    assert configure(opted_out, None, github_pages=True).future is False


def test_the_loader_reads_the_gemfile(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "Gemfile": 'gem "github-pages", group: :jekyll_plugins\n',
            "_posts/2999-01-01-later.md": "---\ntitle: Later\n---\nSoon.\n",
        },
    )
    snapshot = load(site)
    assert snapshot.config.github_pages
    assert "jekyll-optional-front-matter" in snapshot.config.plugins
    # GitHub Pages builds with `future: true`: a post dated later is served.
    assert [d.id for d in snapshot.documents] == ["posts/2999-01-01-later"]
    assert snapshot.config.plugins == {"github-pages", *GITHUB_PAGES_DEFAULTS}


def test_github_pages_can_be_forced(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.md": "---\n---\nHome.\n"})
    assert not load(site).config.github_pages
    forced = load(site, github_pages=True).config
    assert forced.github_pages and set(GITHUB_PAGES_DEFAULTS) <= forced.plugins
