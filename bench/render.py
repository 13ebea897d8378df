"""Rendering cost over the aba-icc corpus, in pages per second.

Renders the body of every non-empty document of ``../shared/corpora/aba-icc`` with the
site's renderer (Liquid, kramdown dialect, derived fields) and, as the baseline measured in
the same run, with plain markdown-it-py (CommonMark, no plugins); and highlights the golden
code samples with the Rouge-compatible lexers and with Pygments (``bench/highlight.py``).
Run it with ``python -m bench.render``.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from api.render import PageContext, Renderer, SiteContext
from bench import highlight

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("CONTENT_API_SHARED", ROOT.parent / "shared")) / "corpora" / "aba-icc"
_FRONT_MATTER = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.S | re.M)
ROUNDS = 5


def _pages() -> tuple[SiteContext, list[PageContext]]:
    site_dir = CORPUS / "site"
    config: dict[str, Any] = yaml.safe_load((site_dir / "_config.yml").read_text("utf-8"))
    rows = json.loads((CORPUS / "jekyll-manifest.json").read_text("utf-8"))
    pages = []
    for row in rows:
        if not row["html"].strip():
            continue
        text = (site_dir / row["relative_path"]).read_text("utf-8")
        match = _FRONT_MATTER.match(text)
        body = text[match.end() :] if match else text
        page = {**row["data"], "url": row["url"]}
        pages.append(PageContext(row["relative_path"], body, page))
    return SiteContext(config=config, kramdown=config.get("kramdown") or {}), pages


def _best_rate(pages: list[PageContext], render: Any) -> float:
    """Pages per second of the fastest of ``ROUNDS`` passes (the least disturbed one)."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for page in pages:
            render(page)
        best = min(best, time.perf_counter() - start)
    return len(pages) / best


def run() -> dict[str, float]:
    site, pages = _pages()
    renderer = Renderer(site)
    baseline = MarkdownIt("commonmark")
    rendered = _best_rate(pages, renderer.render)
    plain = _best_rate(pages, lambda page: baseline.render(page.body))
    result = {
        **{f"highlight_{key}": value for key, value in highlight.run().items()},
        "pages": float(len(pages)),
        "pages_per_second": rendered,
        "ms_per_page": 1000 / rendered,
        "baseline_markdown_it_pages_per_second": plain,
        "ratio_to_baseline": rendered / plain,
    }
    print(
        f"render: {rendered:.0f} pages/s ({1000 / rendered:.2f} ms/page) over {len(pages)} "
        f"pages; plain markdown-it-py: {plain:.0f} pages/s; ratio {rendered / plain:.2f}"
    )
    return result


if __name__ == "__main__":
    run()
