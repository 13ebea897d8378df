"""``sanitize_html``: author markup stays, active content goes."""

from __future__ import annotations

import pytest

from api.render import sanitize_html


def test_keeps_ordinary_author_markup() -> None:
    html = (
        '<h2 id="x">T</h2><p class="lead"><em>a</em> <strong>b</strong> <code>c</code> '
        '<a href="https://example.org/p" title="t">link</a></p>'
        '<table><thead><tr><th style="text-align: left">h</th></tr></thead>'
        "<tbody><tr><td>d</td></tr></tbody></table>"
        '<figure><img src="/i.png" alt="A" width="10"><figcaption>c</figcaption></figure>'
        "<blockquote><p>q</p></blockquote><ul><li>i</li></ul><pre><code>x</code></pre>"
        '<sup id="fnref:1"><a href="#fn:1">1</a></sup><abbr title="Long">L</abbr>'
    )
    cleaned = sanitize_html(html)
    for kept in (
        '<h2 id="x">',
        '<p class="lead">',
        '<a href="https://example.org/p" title="t" rel="noopener noreferrer">',
        '<th style="text-align: left">',
        '<img src="/i.png" alt="A" width="10">',
        "<figcaption>c</figcaption>",
        '<a href="#fn:1" rel="noopener noreferrer">1</a>',
        '<abbr title="Long">',
    ):
        assert kept in cleaned


@pytest.mark.parametrize(
    ("dirty", "gone"),
    [
        ("<script>alert(1)</script><p>x</p>", "alert"),
        ("<style>p { color: red }</style><p>x</p>", "color"),
        ('<p onclick="steal()">x</p>', "steal"),
        ('<img src="/a.png" onerror="steal()">', "steal"),
        ('<a href="javascript:steal()">x</a>', "javascript"),
        ('<a href="JaVaScRiPt:steal()">x</a>', "steal"),
        ('<iframe src="https://evil.example/embed"></iframe>', "evil"),
        ('<form action="/post"><input name="q"></form>', "input"),
        ('<td style="background: url(javascript:x)">c</td>', "javascript"),
        ("<p>x<!-- secret --></p>", "secret"),
    ],
)
def test_drops_active_content(dirty: str, gone: str) -> None:
    assert gone not in sanitize_html(dirty).lower()


@pytest.mark.parametrize(
    "src",
    [
        "https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?source=abc",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ],
)
def test_keeps_iframes_from_allowed_hosts(src: str) -> None:
    cleaned = sanitize_html(f'<iframe src="{src}" width="100%" height="650"></iframe>')
    assert f'src="{src.replace("&", "&amp;")}"' in cleaned


def test_sanitizing_rendered_corpus_like_content_keeps_text() -> None:
    html = '<p>Read <a href="https://x.org" target="_blank">this</a>.</p><script>x()</script>'
    assert sanitize_html(html) == (
        '<p>Read <a href="https://x.org" target="_blank" rel="noopener noreferrer">this</a>.</p>'
    )
