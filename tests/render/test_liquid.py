"""Liquid before markdown, as Jekyll runs it: variables, Jekyll's filters and tags, includes,
and problems reported as diagnostics with the text left in place."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from api.render import PageContext, Renderer, SiteContext

POSTS = {"2020-01-02-hello": "/2020/01/02/hello.html"}
LINKS = {"_posts/2020-01-02-hello.md": "/2020/01/02/hello.html", "about.md": "/about/"}


@pytest.fixture
def includes(tmp_path: Path) -> Path:
    folder = tmp_path / "_includes"
    (folder / "parts").mkdir(parents=True)
    (folder / "note.html").write_text(
        '<aside class="{{ include.kind }}">{{ include.text }}</aside>'
    )
    (folder / "parts" / "sig.md").write_text("-- {{ page.author }}")
    (folder / "nested.html").write_text("[{% include note.html text=include.text kind='n' %}]")
    (folder / "loop.html").write_text("{% include loop.html %}")
    (tmp_path / "secret.txt").write_text("TOP SECRET")
    os.symlink(tmp_path / "secret.txt", folder / "escape.html")
    return folder


@pytest.fixture
def site(includes: Path) -> SiteContext:
    return SiteContext(
        config={"title": "My Site", "baseurl": "/base", "url": "https://example.org"},
        data={"team": [{"name": "Ann", "role": "lead"}, {"name": "Bo", "role": "dev"}]},
        includes_dir=includes,
        documents=lambda: {"posts": [{"title": "Hello", "url": "/2020/01/02/hello.html"}]},
        resolve_link=LINKS.get,
        resolve_post_url=POSTS.get,
    )


def render(site: SiteContext, body: str, **page: Any) -> tuple[str, list[str]]:
    result = Renderer(site).render(PageContext("doc.md", body, page, body_line=4))
    return result.html, [d.code for d in result.diagnostics]


def liquid(site: SiteContext, body: str, **page: Any) -> str:
    """What Liquid makes of ``body`` (before markdown), asserting nothing went wrong."""
    output, diagnostics = Renderer(site).liquid.render(body, page, "doc.md")
    assert diagnostics == []
    return output


def test_page_and_site_variables(site: SiteContext) -> None:
    assert liquid(site, "{{ page.title }} on {{ site.title }}", title="Hi") == "Hi on My Site"
    assert liquid(site, "{{ site.data.team | map: 'name' | join: ', ' }}") == "Ann, Bo"
    assert liquid(site, "{{ site.posts.first.title }}") == "Hello"
    assert liquid(site, "[{{ page.missing }}]") == "[]"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ('{{ "/about/" | relative_url }}', "/base/about/"),
        ('{{ "about" | relative_url }}', "/base/about"),
        ('{{ "/a b/é" | relative_url }}', "/base/a%20b/%C3%A9"),
        ('{{ "/x" | absolute_url }}', "https://example.org/base/x"),
        ('{{ "http://other.org/x" | relative_url }}', "http://other.org/x"),
        ('{{ "Hello, World! _x_" | slugify }}', "hello-world-x"),
        ('{{ "Hello, World! _x_" | slugify: "pretty" }}', "hello,-world!-_x_"),
        ('{{ "Ünïcödé text" | slugify: "latin" }}', "unicode-text"),
        ('{{ "Ünïcödé text" | slugify: "ascii" }}', "n-c-d-text"),
        ("{{ page.date | date_to_string }}", "07 Nov 2008"),
        ('{{ page.date | date_to_string: "ordinal", "US" }}', "Nov 7th, 2008"),
        ('{{ page.date | date_to_string: "ordinal" }}', "7th Nov 2008"),
        ("{{ page.date | date_to_long_string }}", "07 November 2008"),
        ("{{ page.date | date_to_xmlschema }}", "2008-11-07T13:07:54+00:00"),
        ("{{ page.date | date_to_rfc822 }}", "Fri, 07 Nov 2008 13:07:54 +0000"),
        ("{{ page.tags | array_to_sentence_string }}", "a, b, and c"),
        ('{{ page.tags | array_to_sentence_string: "or" }}', "a, b, or c"),
        ('{{ "a b  c" | number_of_words }}', "3"),
        ('{{ "a b&c=d é" | cgi_escape }}', "a+b%26c%3Dd+%C3%A9"),
        ('{{ "a b/c?d=é" | uri_escape }}', "a%20b/c?d=%C3%A9"),
        ('{{ site.data.team | where: "role", "dev" | map: "name" | join }}', "Bo"),
        ('{{ site.data.team | sort: "role" | map: "name" | join: "," }}', "Bo,Ann"),
        ('{{ site.data.team | find: "name", "Ann" | map: "role" }}', "lead"),
        ('{{ "5" | to_integer | plus: 1 }}', "6"),
        ('{{ "  a \n b  " | normalize_whitespace }}', "a b"),
    ],
)
def test_jekyll_filters(site: SiteContext, template: str, expected: str) -> None:
    date = datetime(2008, 11, 7, 13, 7, 54, tzinfo=UTC)
    assert liquid(site, template, date=date, tags=["a", "b", "c"]) == expected


def test_jsonify_markdownify_and_smartify(site: SiteContext) -> None:
    assert liquid(site, "{{ page.items | jsonify }}", items=[{"n": "x", "k": 1}]) == (
        '[{"n":"x","k":1}]'
    )
    assert liquid(site, '{{ "Hello *world*" | markdownify }}') == "<p>Hello <em>world</em></p>\n"
    assert liquid(site, "{{ page.t | smartify }}", t='"Hi" -- it\'s...') == "“Hi” – it’s…"


def test_sort_puts_missing_values_first_unless_asked(site: SiteContext) -> None:
    items = [{"n": "x", "k": "1"}, {"n": "y", "k": "2"}, {"n": "z"}]
    assert liquid(site, '{{ page.i | sort: "k" | map: "n" | join: "," }}', i=items) == "z,x,y"
    assert liquid(site, '{{ page.i | sort: "k", "last" | map: "n" | join: "," }}', i=items) == (
        "x,y,z"
    )


def test_raw_keeps_liquid_syntax(site: SiteContext) -> None:
    assert liquid(site, "{% raw %}{{ page.title }}{% endraw %}", title="T") == "{{ page.title }}"


def test_link_and_post_url(site: SiteContext) -> None:
    assert liquid(site, "{% link about.md %}") == "/base/about/"
    assert liquid(site, "{% post_url 2020-01-02-hello %}") == "/base/2020/01/02/hello.html"
    html, codes = render(site, "See {% link nowhere.md %} and {% post_url 1999-nope %}.")
    assert "{% link nowhere.md %}" in html
    assert "{% post_url 1999-nope %}" in html
    assert codes == ["liquid-link-not-found", "liquid-link-not-found"]


def test_highlight_tag_wraps_code_as_jekyll(site: SiteContext) -> None:
    html, codes = render(site, "{% highlight ruby %}\nx = 1\n{% endhighlight %}")
    assert codes == []
    assert html.strip() == (
        '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">'
        '<span class="n">x</span> <span class="o">=</span> <span class="mi">1</span>'
        "</code></pre></figure>"
    )
    numbered, _ = render(site, "{% highlight text linenos %}\na\nb\n{% endhighlight %}")
    assert '<pre class="lineno">1\n2\n</pre>' in numbered


def test_include_with_parameters_and_nesting(site: SiteContext) -> None:
    html = liquid(site, '{% include note.html text="Hi" kind="tip" %}')
    assert html == '<aside class="tip">Hi</aside>'
    assert liquid(site, '{% include nested.html text="in" %}') == '[<aside class="n">in</aside>]'
    assert liquid(site, "{% include parts/sig.md %}", author="Ann") == "-- Ann"
    name = liquid(site, '{% include {{ page.part }} text="v" %}', part="note.html")
    assert name == '<aside class="">v</aside>'


@pytest.mark.parametrize(
    "tag",
    [
        "{% include missing.html %}",
        "{% include ../secret.txt %}",
        "{% include /etc/passwd %}",
        "{% include parts/../../secret.txt %}",
        "{% include escape.html %}",
    ],
)
def test_include_never_reads_outside_the_includes_dir(site: SiteContext, tag: str) -> None:
    html, codes = render(site, f"before {tag} after")
    assert "TOP SECRET" not in html
    assert tag.replace('"', "&quot;") in html or tag in html
    assert codes == ["liquid-include-failed"]


def test_recursive_include_is_reported_not_raised(site: SiteContext) -> None:
    html, codes = render(site, "{% include loop.html %}")
    assert codes == ["liquid-render-error"]
    assert "{% include loop.html %}" in html


def test_unknown_tag_is_reported_and_kept(site: SiteContext) -> None:
    html, codes = render(site, "A {% seo %} and {{ page.title }} and {% seo %}.", title="T")
    assert codes == ["liquid-unknown-tag"]
    assert html.strip() == "<p>A {% seo %} and T and {% seo %}.</p>"


def test_syntax_error_is_reported_with_its_line(site: SiteContext) -> None:
    result = Renderer(site).render(
        PageContext("doc.md", "one\n\n{{ page.title ", {"title": "T"}, body_line=4)
    )
    [problem] = result.diagnostics
    assert problem.code == "liquid-syntax-error"
    assert problem.line == 6
    assert "{{ page.title" in result.html


@pytest.mark.parametrize(
    "body",
    ["{% if page.x %} never closed", "{% for x in %}", "{{ 1 | divided_by: 0 }}", "{% raw %} open"],
)
def test_broken_liquid_leaves_the_text(site: SiteContext, body: str) -> None:
    html, codes = render(site, body)
    assert codes and all(code.startswith("liquid-") for code in codes)
    assert body.split()[1] in html


def test_render_with_liquid_false_skips_liquid(site: SiteContext) -> None:
    result = Renderer(site).render(
        PageContext("doc.md", "{{ page.title }}", {"title": "T"}, render_liquid=False)
    )
    assert result.html == "<p>{{ page.title }}</p>\n"


def test_include_name_built_from_parts(tmp_path: Path) -> None:
    (tmp_path / "ex").mkdir()
    (tmp_path / "ex" / "a.html").write_text("EX-A")
    site = SiteContext(includes_dir=tmp_path)
    body = '{% assign n = "a" %}{% include ex/{{ n }}.html %}|{% include ex/{{ page.n }}.html %}'
    assert liquid(site, body, n="a") == "EX-A|EX-A"


def test_keywords_after_a_dot_are_properties(site: SiteContext) -> None:
    # Ruby's Liquid reads `x.continue` and `x.limit` as properties; so does the engine.
    page = {"nav": {"continue": "Next", "limit": 3, "empty": "no"}}
    assert liquid(
        site, "{{ page.nav.continue }} {{ page.nav.limit }} {{ page.nav.empty }}", **page
    ) == ("Next 3 no")
    assert liquid(site, "{% for x in (1..5) limit: 2 %}{{ x }}{% endfor %}") == "12"


def test_an_include_with_an_unknown_tag_renders_with_the_tag_kept(tmp_path: Path) -> None:
    (tmp_path / "card.html").write_text("<b>{{ include.who }}</b>{% avatar user=x %}{% seo %}")
    (tmp_path / "broken.html").write_text("[{% if include.x %}never closed]")
    site = SiteContext(includes_dir=tmp_path)
    body = "{% for who in page.people %}{% include card.html who=who %}{% endfor %}"
    output, problems = Renderer(site).liquid.render(body, {"people": ["a", "b", "c"]}, "doc.md")
    assert output == "<b>a</b>{% avatar user=x %}{% seo %}" + (
        "<b>b</b>{% avatar user=x %}{% seo %}<b>c</b>{% avatar user=x %}{% seo %}"
    )
    # Each problem of the include once, however often the loop includes it; never "not found".
    assert [(p.code, p.message) for p in problems] == [
        ("liquid-unknown-tag", "Liquid: in include file 'card.html': unexpected tag 'avatar'."),
        ("liquid-unknown-tag", "Liquid: in include file 'card.html': unexpected tag 'seo'."),
    ]
    output, problems = Renderer(site).liquid.render("{% include broken.html %}", {}, "doc.md")
    assert output == "{% include broken.html %}"
    assert [p.code for p in problems] == ["liquid-syntax-error", "liquid-include-failed"]
    assert "broken.html" in problems[0].message
    output, problems = Renderer(site).liquid.render("{% include gone.html %}", {}, "doc.md")
    assert [(p.code, p.message) for p in problems] == [
        ("liquid-include-failed", "Liquid: include file 'gone.html' not found.")
    ]


def test_a_failing_tag_in_a_loop_is_reported_once(site: SiteContext) -> None:
    body = "{% for i in (1..50) %}{% include missing.html %}{% endfor %}"
    output, problems = Renderer(site).liquid.render(body, {}, "doc.md")
    assert output == "{% include missing.html %}" * 50
    assert [p.code for p in problems] == ["liquid-include-failed"]


@pytest.mark.parametrize(
    "body",
    [
        "{% for p in page.people %}{% include note.html text=p %}{% endfor %}",
        "{% if true %}{% include note.html text='a' %}{% endif %}",
        "{% for p in page.people %}{% link about.md %}{% endfor %}",
        "{% unless false %}{% post_url 2020-01-02-hello %}{% endunless %}",
    ],
)
def test_a_block_holding_only_a_tag_writes_it(site: SiteContext, body: str) -> None:
    assert liquid(site, body, people=["a"]).strip() != ""
