"""The public API the service calls."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from api.render import (
    PageContext,
    Renderer,
    SiteContext,
    gfm_header_id,
    kramdown_auto_id,
)
from api.render.kramdown import KramdownOptions


def test_options_merge_site_config_over_jekyll_defaults() -> None:
    options = KramdownOptions.from_config({"input": "GFM", "auto_id_prefix": "id-"})
    assert options.gfm and options.auto_ids and not options.hard_wrap
    assert options.entity_output == "as_char"
    assert options.smart_quotes == ("lsquo", "rsquo", "ldquo", "rdquo")
    assert options.toc_levels == (1, 2, 3, 4, 5, 6)
    assert options.auto_id_prefix == "id-"
    assert KramdownOptions.from_config({"toc_levels": "2..3"}).toc_levels == (2, 3)
    assert KramdownOptions.from_config({"hard_wrap": "true"}).hard_wrap
    assert KramdownOptions.from_config({"footnote_nr": "x"}).footnote_nr == 1


def test_header_id_helpers() -> None:
    used: dict[str, int] = {}
    assert kramdown_auto_id("1. Getting Started!", used) == "getting-started"
    assert kramdown_auto_id("Getting Started", used) == "getting-started-1"
    assert kramdown_auto_id("日本語") == "section"
    counter: dict[str, int] = {}
    assert gfm_header_id("Hello, Wörld", counter) == "hello-wörld"
    assert gfm_header_id("Hello, Wörld", counter, "p-") == "p-hello-wörld-1"


def test_markdownify_renders_a_snippet(renderer: Renderer) -> None:
    assert renderer.markdownify("*a* -- b") == "<p><em>a</em> – b</p>\n"


def test_render_is_thread_safe(renderer: Renderer) -> None:
    bodies = [f"# Title {n}\n\nText *{n}* [x](/y){{: .c}}\n\n[^a]\n\n[^a]: n{n}" for n in range(40)]
    expected = [renderer.render(PageContext("p.md", b, {})).html for b in bodies]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda b: renderer.render(PageContext("p.md", b, {})).html, bodies))
    assert results == expected


def test_render_never_raises(renderer: Renderer, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr("api.render.renderer.render_markdown", broken)
    page = renderer.render(PageContext("p.md", "a <b> & c", {}))
    assert page.html == "<pre>a &lt;b&gt; &amp; c</pre>\n"
    assert [d.code for d in page.diagnostics] == ["render-failed"]


def test_site_kramdown_options_are_honoured() -> None:
    site = SiteContext(kramdown={"input": "GFM", "hard_wrap": True, "auto_ids": False})
    page = Renderer(site).render(PageContext("p.md", "# T\n\na\nb", {}))
    assert page.html == "<h1>T</h1>\n<p>a<br />\nb</p>\n"


def test_jekyll_highlighter_setting_turns_highlighting_off() -> None:
    site = SiteContext(config={"highlighter": "none"}, kramdown={"input": "GFM"})
    page = Renderer(site).render(PageContext("p.md", "`x`\n\n    code\n", {}))
    assert page.html == "<p><code>x</code></p>\n<pre><code>code\n</code></pre>\n"
