"""Parity with Jekyll on a real site: the aba-icc corpus and Jekyll's own output of it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from api.render import PageContext, Renderer, SiteContext
from tests.support.htmlcompare import diff, same_html

TARGET = 0.99
# Jekyll's YAML_FRONT_MATTER_REGEXP; the body is what follows the closing line.
_FRONT_MATTER = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.S | re.M)


def split_front_matter(text: str) -> tuple[str, int]:
    """The body of a source file and the 1-based line it starts on."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, 1
    return text[match.end() :], text.count("\n", 0, match.end()) + 1


def _site(corpus_dir: Path) -> SiteContext:
    config: dict[str, Any] = yaml.safe_load((corpus_dir / "_config.yml").read_text("utf-8"))
    return SiteContext(config=config, kramdown=config.get("kramdown") or {})


@pytest.mark.corpus
def test_corpus_matches_jekyll(corpus_dir: Path, jekyll_manifest: list[dict[str, Any]]) -> None:
    renderer = Renderer(_site(corpus_dir))
    rows = [row for row in jekyll_manifest if row["html"].strip()]
    differing: list[tuple[str, str]] = []
    for row in rows:
        text = (corpus_dir / row["relative_path"]).read_text(encoding="utf-8")
        body, line = split_front_matter(text)
        page = {**row["data"], "url": row["url"]}
        rendered = renderer.render(PageContext(row["relative_path"], body, page, line))
        if not same_html(row["html"], rendered.html):
            differing.append((row["relative_path"], diff(row["html"], rendered.html)))
    share = 1 - len(differing) / len(rows)
    print(f"\naba-icc parity: {len(rows) - len(differing)}/{len(rows)} = {share:.2%}")
    for path, difference in differing:
        print(f"differs: {path}\n{difference}")
    assert share >= TARGET, f"parity {share:.2%} < {TARGET:.0%}: {[p for p, _ in differing]}"
