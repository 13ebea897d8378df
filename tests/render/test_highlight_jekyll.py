"""Whole pages with code, rendered as ``jekyll build`` rendered them (``highlight/pages.json``,
written by ``highlight/make_golden.py`` with Jekyll 4.3, kramdown 2.4 and Rouge 3.30).

They pin what wraps the highlighted code: kramdown's ``<div class="language-x
highlighter-rouge">`` for fenced and indented code (an unknown language, or a language in the
wrong case, is a plain ``<pre><code>``), code spans, and the ``{% highlight %}`` tag's
``<figure>`` with its line-break stripping, plain-text fallback and ``linenos`` table; and
kramdown's ``syntax_highlighter_opts`` (line numbers, the ``<pre>`` class, ``guess_lang``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from api.render import PageContext, Renderer, SiteContext

PAGES = json.loads((Path(__file__).parent / "highlight" / "pages.json").read_text("utf-8"))


_RENDERERS: dict[str, Renderer] = {}


def renderer(config: dict[str, Any]) -> Renderer:
    key = json.dumps(config, sort_keys=True)
    if key not in _RENDERERS:
        _RENDERERS[key] = Renderer(
            SiteContext(config=config, kramdown=config.get("kramdown") or {})
        )
    return _RENDERERS[key]


@pytest.mark.parametrize("page", PAGES, ids=[page["name"] for page in PAGES])
def test_page_renders_as_jekyll(page: dict[str, Any]) -> None:
    name = page["name"]
    result = renderer(page["config"]).render(
        PageContext(f"{name}.md", page["markdown"], {"url": f"/{name}.html"})
    )
    assert not result.diagnostics
    assert result.html.strip() == page["html"].strip()


def test_pages_cover_both_paths_and_the_fallbacks() -> None:
    html = "".join(page["html"] for page in PAGES)
    assert html.count('<figure class="highlight">') >= 10
    assert html.count("highlighter-rouge") >= 10
    assert '<pre><code class="language-psql">' in html
    assert '<code class="language-psql" data-lang="psql">SELECT 1;\n=&gt; nil</code>' in html
    assert 'class="rouge-table"' in html
