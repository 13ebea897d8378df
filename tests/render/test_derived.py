"""Derived fields: excerpt, plain text, table of contents, word count, reading time."""

from __future__ import annotations

import pytest

from api.render import PageContext, Renderer, SiteContext, TocEntry
from api.render.derived import excerpt_source, plaintext, reading_time_minutes, word_count


def test_plaintext_is_the_visible_text() -> None:
    html = (
        "<h1>Title</h1>\n<p>One <em>two</em>&nbsp;three &amp; four</p>"
        "<script>var hidden = 1;</script><style>p{}</style><ul><li>a</li><li>b</li></ul>"
        '<img src="x.png" alt="Picture">'
    )
    assert plaintext(html) == "Title\nOne two three & four\na\nb\nPicture"


def test_word_count_and_reading_time() -> None:
    assert word_count("one two\nthree  four") == 4
    assert reading_time_minutes(0) == 0
    assert reading_time_minutes(1) == 1
    assert reading_time_minutes(200) == 1
    assert reading_time_minutes(201) == 2


def test_excerpt_source_is_the_first_paragraph_with_link_definitions() -> None:
    body = "\n\nFirst [link][l].\n\nSecond.\n\n[l]: https://example.org\n"
    assert excerpt_source(body, "\n\n") == "First [link][l].\n\n[l]: https://example.org"
    assert excerpt_source("A\n<!--more-->\nB", "<!--more-->") == "A\n"
    assert excerpt_source("  \n\n ", "\n\n") is None
    assert excerpt_source("Only one", "\n\n") == "Only one"


def test_rendered_page_fields(renderer: Renderer) -> None:
    body = (
        "Intro *text* here.\n\n"
        "## Part one\n\nSome words.\n\n"
        "### Detail `x` [^n]\n\nMore.\n\n"
        "## No toc\n{:.no_toc}\n\n"
        "[^n]: A note.\n"
    )
    page = renderer.render(PageContext("p.md", body, {}))
    assert page.excerpt == "<p>Intro <em>text</em> here.</p>\n"
    assert page.toc == (
        TocEntry(2, "part-one", "Part one"),
        TocEntry(3, "detail-x-", "Detail x"),
    )
    assert page.plaintext.startswith("Intro text here.\nPart one\nSome words.")
    assert page.word_count == len(page.plaintext.split())
    assert page.reading_time_minutes == 1


def test_excerpt_separator_from_config_and_page() -> None:
    site = SiteContext(config={"excerpt_separator": "<!--more-->"})
    renderer = Renderer(site)
    body = "One\n\nTwo\n<!--more-->\nThree"
    assert renderer.render(PageContext("p.md", body, {})).excerpt == "<p>One</p>\n<p>Two</p>\n"
    page = {"excerpt_separator": "\n\n"}
    assert renderer.render(PageContext("p.md", body, page)).excerpt == "<p>One</p>\n"


@pytest.mark.parametrize("body", ["", "   \n\n"])
def test_empty_body(renderer: Renderer, body: str) -> None:
    page = renderer.render(PageContext("p.md", body, {}))
    assert page.html.strip() == ""
    assert page.excerpt is None
    assert (page.word_count, page.reading_time_minutes, page.toc) == (0, 0, ())
