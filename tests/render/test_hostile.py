"""Hostile input renders, without exceptions or runaway recursion. Nothing here is timed;
the sizes are chosen so that a quadratic or exponential path would not finish."""

from __future__ import annotations

import random

import pytest

from api.render import PageContext, Renderer


def render(renderer: Renderer, body: str) -> str:
    page = renderer.render(PageContext("hostile.md", body, {}))
    assert not [d for d in page.diagnostics if d.code == "render-failed"]
    return page.html


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(">" * 20_000 + " deep\n", id="nested-quote-markers"),
        pytest.param("".join(">" * i + " x\n" for i in range(1, 300)), id="quote-staircase"),
        pytest.param("".join("  " * i + "* x\n" for i in range(2_000)), id="nested-lists"),
        pytest.param("1. " * 5_000 + "x\n", id="nested-ordered-markers"),
        pytest.param("[" * 50_000 + "x" + "]" * 50_000, id="brackets"),
        pytest.param("*" * 100_000, id="star-run"),
        pytest.param("*a " * 30_000, id="unclosed-emphasis"),
        pytest.param("_a " * 30_000, id="unclosed-underscores"),
        pytest.param("**a *b " * 20_000, id="mixed-emphasis"),
        pytest.param("[a](b " * 20_000, id="unclosed-links"),
        pytest.param("<!--" * 30_000, id="unclosed-comments"),
        pytest.param('<a href="x ' * 20_000, id="unclosed-attributes"),
        pytest.param('<div markdown="1">\n' * 3_000 + "x", id="nested-html-blocks"),
        pytest.param("<span>" * 20_000 + "x", id="nested-span-html"),
        pytest.param("<div>" * 20_000 + "x", id="nested-raw-html"),
        pytest.param("~~a " * 30_000, id="strikethrough-runs"),
        pytest.param("`a ``b " * 20_000, id="backtick-runs"),
        pytest.param("| a |\n" * 20_000, id="table-rows"),
        pytest.param("x[^1] " * 10_000 + "\n\n[^1]: n\n", id="repeated-footnotes"),
    ],
)
def test_pathological_structure(renderer: Renderer, body: str) -> None:
    assert render(renderer, body)


def test_large_body(renderer: Renderer) -> None:
    paragraph = 'Some *text* with [a link](https://example.org) and "quotes" -- ok.\n\n'
    html = render(renderer, paragraph * 20_000)
    assert html.count("<p>") == 20_000


def test_binary_and_control_characters(renderer: Renderer) -> None:
    noise = bytes(random.Random(4).randrange(256) for _ in range(200_000)).decode("latin-1")
    assert render(renderer, noise)
    assert "\x00" not in render(renderer, "a\x00b {{ \x00 }} {% \x00 %}")


@pytest.mark.parametrize(
    "body",
    [
        "{% if x %}" * 500,
        "{{ " * 500,
        "{% raw %} {{ x }}" * 500,
        "{% comment %}",
        "{% for i in (1..100000000) %}x{% endfor",
        "{% unknown %}" * 500,
    ],
)
def test_unterminated_liquid(renderer: Renderer, body: str) -> None:
    page = renderer.render(PageContext("hostile.md", body, {}))
    assert not [d for d in page.diagnostics if d.code == "render-failed"]


def test_attribute_lists_alone_render_nothing(renderer: Renderer) -> None:
    assert render(renderer, "{: .a}\n" * 20_000) == ""
