"""Which Jekyll plugins a site turns on, and whether it is built as GitHub Pages builds it.

A plugin is on when the site names it under ``plugins:`` (or ``gems:``, its name before Jekyll
3.5) in ``_config.yml``, or in the ``jekyll_plugins`` group of its ``Gemfile`` (Jekyll
requires that group by itself). A GitHub Pages site (a ``Gemfile`` that uses the
``github-pages`` gem, or ``CONTENT_API_GITHUB_PAGES=true``) also gets every plugin GitHub
Pages always adds. ``enabled_plugins`` is the one answer to "is plugin X on?": the readers
of every plugin ask it, through ``SiteConfig.plugins``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from api.content.config import SiteConfig

OPTIONAL_FRONT_MATTER = "jekyll-optional-front-matter"
TITLES_FROM_HEADINGS = "jekyll-titles-from-headings"
RELATIVE_LINKS = "jekyll-relative-links"
README_INDEX = "jekyll-readme-index"
DEFAULT_LAYOUT = "jekyll-default-layout"
REDIRECT_FROM = "jekyll-redirect-from"
GITHUB_METADATA = "jekyll-github-metadata"

#: What GitHub Pages adds to every site's plugins (github/pages-gem, ``plugins.rb``).
GITHUB_PAGES_DEFAULTS: tuple[str, ...] = (
    "jekyll-coffeescript",
    "jekyll-commonmark-ghpages",
    "jekyll-gist",
    GITHUB_METADATA,
    "jekyll-paginate",
    RELATIVE_LINKS,
    OPTIONAL_FRONT_MATTER,
    README_INDEX,
    DEFAULT_LAYOUT,
    TITLES_FROM_HEADINGS,
)

#: GitHub Pages' kramdown defaults, and what it forces (``configuration.rb``).
GITHUB_PAGES_KRAMDOWN = {"input": "GFM", "hard_wrap": False, "gfm_quirks": "paragraph_end"}
GITHUB_PAGES_KRAMDOWN_FORCED = {
    "template": "",
    "math_engine": "mathjax",
    "syntax_highlighter": "rouge",
}

#: The plugins whose effect on documents the content API reproduces.
SUPPORTED = frozenset(
    {
        OPTIONAL_FRONT_MATTER,
        TITLES_FROM_HEADINGS,
        RELATIVE_LINKS,
        README_INDEX,
        DEFAULT_LAYOUT,
        REDIRECT_FROM,
    }
)

_GEM = re.compile(r"""^\s*gem\s*\(?\s*["']([A-Za-z0-9_.-]+)["'](.*)$""")
_BLOCK_OPEN = re.compile(r"^\s*(\w+)\b(.*?)\bdo\s*(\|[^|]*\|)?\s*$")
_END = re.compile(r"^\s*end\b")
_JEKYLL_PLUGINS = re.compile(r":jekyll_plugins\b|[\"']jekyll_plugins[\"']")


def uses_github_pages(gemfile: str | None) -> bool:
    """Whether a ``Gemfile`` builds the site with the ``github-pages`` gem."""
    return any(name == "github-pages" for name, _ in _gems(gemfile or ""))


def gemfile_plugins(gemfile: str | None) -> list[str]:
    """The gems a ``Gemfile`` puts in its ``jekyll_plugins`` group."""
    return [name for name, plugin in _gems(gemfile or "") if plugin]


def enabled_plugins(
    raw_config: Mapping[str, Any], gemfile: str | None = None, github_pages: bool = False
) -> frozenset[str]:
    """Every plugin the site turns on (names as gems spell them)."""
    names: list[str] = []
    for key in ("plugins", "gems"):
        names += _names(raw_config.get(key))
    names += gemfile_plugins(gemfile)
    if github_pages:
        names += GITHUB_PAGES_DEFAULTS
    return frozenset(names)


def configure(config: SiteConfig, gemfile: str | None, github_pages: bool = False) -> SiteConfig:
    """``config`` with its plugins, and GitHub Pages' defaults when it is a GitHub Pages site
    (``github_pages`` forces that): ``future: true`` unless the site says otherwise, and
    kramdown as GitHub Pages sets it (Rouge and MathJax, whatever the site says)."""
    pages = github_pages or uses_github_pages(gemfile)
    future = config.future or (pages and config.raw.get("future") is not False)
    plugins = enabled_plugins(config.raw, gemfile, pages)
    kramdown = config.kramdown
    if pages:
        kramdown = {**GITHUB_PAGES_KRAMDOWN, **kramdown, **GITHUB_PAGES_KRAMDOWN_FORCED}
    return replace(config, plugins=plugins, github_pages=pages, future=future, kramdown=kramdown)


def plugin_option(raw_config: Mapping[str, Any], section: str, key: str) -> Any:
    """A plugin's own switch (``titles_from_headings: {strip_title: true}``), or None."""
    options = raw_config.get(section)
    return options.get(key) if isinstance(options, Mapping) else None


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if isinstance(v, str | int) and str(v).strip()]
    return []


def _gems(gemfile: str) -> Iterable[tuple[str, bool]]:
    """Each ``gem "name"`` of a Gemfile, and whether it is in the ``jekyll_plugins`` group."""
    groups: list[bool] = []
    for line in gemfile.splitlines():
        code = line.split("#", 1)[0]
        opened = _BLOCK_OPEN.match(code)
        if opened:
            is_plugins = opened.group(1) == "group" and _JEKYLL_PLUGINS.search(opened.group(2))
            groups.append(bool(is_plugins))
            continue
        gem = _GEM.match(code)
        if gem:
            inline = bool(re.search(r"group[s]?\s*(?::|=>)[^#]*jekyll_plugins", gem.group(2)))
            yield gem.group(1), inline or any(groups)
            continue
        if groups and _END.match(code):
            groups.pop()
