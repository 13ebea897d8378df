"""jekyll-default-layout: a markdown page or post without a layout gets one that exists.

``home`` for the page at ``/``, ``page`` for other pages, ``post`` for posts, and
``default`` otherwise, the first of them that the site (or its theme) has; when none
exists the plugin still sets ``layout``, to nothing. A layout set in the front matter or by
defaults, even an empty one, is kept.

The layouts that exist are the site's ``_layouts`` (``layouts_dir``) and, for the themes
GitHub Pages supports, the layouts the theme ships (below). A theme outside that list, or a
``remote_theme``, cannot be read offline: only the site's own layouts count then.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from api.content import plugins
from api.content.config import SiteConfig
from api.content.model import Document, Kind

#: Layouts of the themes GitHub Pages supports (github/pages-gem ``plugins.rb``): minima
#: 2.5 ships four, the pages-themes one each.
THEME_LAYOUTS: dict[str, frozenset[str]] = {
    "minima": frozenset({"default", "home", "page", "post"}),
    **{
        f"jekyll-theme-{name}": frozenset({"default"})
        for name in (
            "primer",
            "architect",
            "cayman",
            "dinky",
            "hacker",
            "leap-day",
            "merlot",
            "midnight",
            "minimal",
            "modernist",
            "slate",
            "tactile",
            "time-machine",
        )
    },
}
DEFAULT_GITHUB_PAGES_THEME = "jekyll-theme-primer"


def theme(config: SiteConfig) -> str | None:
    """The gem theme the site is built with: its ``theme``, or GitHub Pages' default."""
    if "theme" in config.raw:
        value = config.raw["theme"]
        return value if isinstance(value, str) and value else None
    if config.github_pages and "remote_theme" not in config.raw:
        return DEFAULT_GITHUB_PAGES_THEME
    return None


def site_layouts(root: Path, config: SiteConfig) -> frozenset[str]:
    """The names of the layouts that exist: the site's own and its theme's."""
    folder = config.raw.get("layouts_dir")
    directory = root / (folder if isinstance(folder, str) and folder else "_layouts")
    names: set[str] = set()
    try:
        files: Iterable[Path] = sorted(directory.rglob("*")) if directory.is_dir() else ()
        for path in files:
            if path.is_file() and not path.name.startswith("."):
                names.add(posixpath.splitext(path.relative_to(directory).as_posix())[0])
    except OSError:
        pass
    return frozenset(names | THEME_LAYOUTS.get(theme(config) or "", frozenset()))


def default_layout(
    documents: list[Document], config: SiteConfig, layouts: frozenset[str]
) -> list[Document]:
    if plugins.DEFAULT_LAYOUT not in config.plugins:
        return documents
    result = []
    for doc in documents:
        if (
            doc.kind in (Kind.PAGE, Kind.POST, Kind.DRAFT)
            and doc.source_path.lower().endswith(config.markdown_ext)
            and "layout" not in doc.data
        ):
            layout = _layout_for(doc, layouts)
            doc = replace(doc, layout=layout, data={**doc.data, "layout": layout})
        result.append(doc)
    return result


def _layout_for(doc: Document, layouts: frozenset[str]) -> str | None:
    if doc.url == "/" and "home" in layouts:
        return "home"
    if doc.kind is Kind.PAGE and "page" in layouts:
        return "page"
    if doc.kind is not Kind.PAGE and "post" in layouts:
        return "post"
    return "default" if "default" in layouts else None
