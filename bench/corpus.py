"""Bench content: the aba-icc site replicated, as a Jekyll site and as a Hugo site."""

from __future__ import annotations

import shutil
from pathlib import Path

HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
unsafe = true
"""


def replicate(source: Path, dest: Path, copies: int) -> int:
    """``copies`` copies of every collection of ``source`` (as ``_label/cNN/...``), with its
    ``_config.yml``; returns the number of markdown files written."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(source / "_config.yml", dest / "_config.yml")
    for collection in sorted(p for p in source.iterdir() if p.is_dir() and p.name.startswith("_")):
        for n in range(1, copies + 1):
            shutil.copytree(collection, dest / collection.name / f"c{n:02d}")
    return sum(1 for _ in dest.rglob("*.md"))


def hugo_site(jekyll: Path, dest: Path) -> int:
    """The same documents as a Hugo site with layouts that output just the content."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "layouts" / "_default").mkdir(parents=True)
    (dest / "hugo.toml").write_text(HUGO_CONFIG)
    (dest / "layouts" / "_default" / "single.html").write_text("{{ .Content }}\n")
    (dest / "layouts" / "_default" / "list.html").write_text(
        "{{ range .Pages }}{{ .Title }}{{ end }}\n"
    )
    for collection in sorted(p for p in jekyll.iterdir() if p.is_dir() and p.name.startswith("_")):
        shutil.copytree(collection, dest / "content" / collection.name[1:])
    for schema in (dest / "content").rglob("_defaults.md"):
        schema.unlink()  # CloudCannon's schema files: Jekyll ignores them, Hugo would not
    return sum(1 for _ in (dest / "content").rglob("*.md"))
