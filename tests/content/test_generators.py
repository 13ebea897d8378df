"""The plugins' switches and edge cases (their ordinary behaviour is checked against real
Jekyll on the breadth sites, ``test_breadth_sites``)."""

from __future__ import annotations

from pathlib import Path

from api.content.generators.relative_links import rewrite
from api.content.generators.titles_from_headings import TITLE, strip_markup
from tests.support.sites import load, write_site

PLUGINS = (
    "plugins: [jekyll-optional-front-matter, jekyll-titles-from-headings, "
    "jekyll-relative-links, jekyll-readme-index, jekyll-default-layout]\n"
)


def _ids(root: Path) -> list[str]:
    return sorted(d.id for d in load(root).documents)


def test_optional_front_matter_switches(tmp_path: Path) -> None:
    files = {"a.md": "# A\n", "LICENSE.md": "MIT\n", "notes.txt": "not markdown\n"}
    on = write_site(tmp_path / "on", {"_config.yml": PLUGINS, **files})
    assert _ids(on) == ["a"]
    for switch in ("optional_front_matter: {enabled: false}\n", "require_front_matter: true\n"):
        off = write_site(tmp_path / switch[:8], {"_config.yml": PLUGINS + switch, **files})
        assert _ids(off) == []
    # A listed name is a page when the site includes it.
    included = write_site(tmp_path / "inc", {"_config.yml": PLUGINS + "include: [LICENSE.md]\n"})
    write_site(included, files)
    assert _ids(included) == ["LICENSE", "a"]


def test_readme_index_switch_and_an_existing_index(tmp_path: Path) -> None:
    files = {"guide/README.md": "# Guide\n", "docs/README.md": "# Docs\n", "docs/index.html": "x"}
    site = write_site(tmp_path / "on", {"_config.yml": PLUGINS, **files})
    snapshot = load(site)
    assert [(d.id, d.url) for d in snapshot.documents] == [("guide/README", "/guide/")]
    # The README that is no index is a static file, at its own path.
    assert snapshot.static_files["docs/README.md"] == "/docs/README.md"
    off = write_site(
        tmp_path / "off", {"_config.yml": PLUGINS + "readme_index: {enabled: false}\n"}
    )
    write_site(off, files)
    assert _ids(off) == []


def test_titles_from_headings(tmp_path: Path) -> None:
    def title(body: str) -> str | None:
        match = TITLE.match(body)
        if match is None:
            return None
        text = match.group(1) if match.group(1) is not None else match.group(2)
        return strip_markup(text, lambda t: f"<p>{t}</p>\n")

    assert title("\n\n## Setup *now*  \nText") == "Setup *now*"
    assert title("Title\n=====\n") == "Title"
    assert title("#### Too deep\n") is None
    assert title("Text first\n\n# Late\n") is None
    assert title("# With a note[^1] <b>x</b>\n") == "With a note x"
    site = write_site(
        tmp_path,
        {
            "_config.yml": PLUGINS + "titles_from_headings: {enabled: false}\n",
            "a.md": "# Heading\n",
        },
    )
    assert load(site).by_id["a"].title is None


def test_relative_links_rewrite() -> None:
    targets = {"FAQ.md": "/FAQ.html", "docs/a b.md": "/docs/a%20b.html", "img.png": "/img.png"}
    body = (
        "[faq](FAQ.md#x) [up](../FAQ.md) [space](docs/a+b.md) ![i](/img.png 'no')\n"
        '[t](FAQ.md "Title") [abs](http://x/FAQ.md) [frag](#FAQ.md) [none](gone.md)\n'
        "  [ref]: FAQ.md#y\n"
    )
    assert rewrite(body, "", targets) == (
        # A single-quoted title is never matched as one (the plugin's pattern), so that link
        # keeps its text; `..` out of the site and unknown files are left alone.
        "[faq](/FAQ.html#x) [up](../FAQ.md) [space](/docs/a%20b.html) ![i](/img.png 'no')\n"
        '[t](/FAQ.html "Title") [abs](http://x/FAQ.md) [frag](#FAQ.md) [none](gone.md)\n'
        "\n[ref]: /FAQ.html#y\n"
    )
    # From a folder, paths are relative to it, and `/` starts from the site's root.
    assert rewrite("[a](../FAQ.md) [b](/FAQ.md) [c](FAQ.md)", "docs", targets) == (
        "[a](/FAQ.html) [b](/FAQ.html) [c](FAQ.md)"
    )


def test_relative_links_switches(tmp_path: Path) -> None:
    files = {"a.md": "[b](b.md)\n", "b.md": "# B\n", "skip/c.md": "[b](../b.md)\n"}
    config = PLUGINS + "relative_links: {exclude: ['skip/*']}\n"
    site = write_site(tmp_path / "on", {"_config.yml": config, **files})
    snapshot = load(site)
    assert snapshot.by_id["a"].body == "[b](/b.html)\n"
    assert snapshot.by_id["skip/c"].body == "[b](../b.md)\n"
    off = write_site(
        tmp_path / "off", {"_config.yml": PLUGINS + "relative_links: {enabled: false}\n"}
    )
    write_site(off, files)
    assert load(off).by_id["a"].body == "[b](b.md)\n"


def test_default_layout_keeps_a_given_layout_and_sets_none_when_none_exists(
    tmp_path: Path,
) -> None:
    site = write_site(
        tmp_path / "bare",
        {
            "_config.yml": PLUGINS,
            "a.md": "---\nlayout: null\n---\nA\n",
            "b.md": "---\n---\nB\n",
            "c.html": "---\n---\nC\n",
        },
    )
    snapshot = load(site)
    assert snapshot.by_id["a"].data["layout"] is None
    assert "layout" in snapshot.by_id["b"].data and snapshot.by_id["b"].layout is None
    assert "layout" not in snapshot.by_id["c"].data  # only markdown gets one
    minima = write_site(
        tmp_path / "minima",
        {
            "_config.yml": PLUGINS + "theme: minima\n",
            "index.md": "# Home\n",
            "_posts/2020-01-01-p.md": "P\n",
        },
    )
    snapshot = load(minima)
    assert snapshot.by_id["index"].layout == "home"
    assert snapshot.by_id["posts/2020-01-01-p"].layout == "post"
