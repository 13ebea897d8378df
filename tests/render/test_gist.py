"""``{% gist %}`` of jekyll-gist, on only when the site turns the plugin on."""

from __future__ import annotations

from api.render import Renderer, SiteContext


def test_gist_writes_the_embed_script_as_github_pages_does() -> None:
    liquid = Renderer(SiteContext(plugins=frozenset({"jekyll-gist"}))).liquid
    body = (
        "{% gist parkr/931c1c8d465a04042403 %}\n"
        "{% gist 931c1c8d465a04042403 jekyll-private-gist.markdown %}\n"
        "{% gist page.gist %}"
    )
    output, problems = liquid.render(body, {"gist": "ann/42"}, "x.md")
    assert problems == []
    assert output.splitlines() == [
        '<script src="https://gist.github.com/parkr/931c1c8d465a04042403.js"> </script>',
        '<script src="https://gist.github.com/931c1c8d465a04042403.js'
        '?file=jekyll-private-gist.markdown"> </script>',
        '<script src="https://gist.github.com/ann/42.js"> </script>',
    ]


def test_without_the_plugin_gist_is_an_unknown_tag() -> None:
    output, problems = Renderer(SiteContext()).liquid.render("{% gist a/b %}", {}, "x.md")
    assert output == "{% gist a/b %}"
    assert [p.code for p in problems] == ["liquid-unknown-tag"]
