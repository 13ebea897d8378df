"""Stylesheets made to load nothing from other hosts, the rest kept as it was."""

from __future__ import annotations

import pytest

from api.embed.offline_css import is_remote, remote_references, strip_remote


@pytest.mark.parametrize(
    ("reference", "remote"),
    [
        ("https://fonts.gstatic.com/a.ttf", True),
        ("HTTP://example.org/a.css", True),
        ("//cloud.typenetwork.com/projects/5433/fontface.css", True),
        ("../icons/tl-icons.woff", False),
        ("/embed/assets/x.woff", False),
        ("data:font/woff2;base64,AAAA", False),
        ("tl-icons.svg#tl-icons", False),
    ],
)
def test_what_counts_as_another_host(reference: str, remote: bool) -> None:
    assert is_remote(reference) is remote


def test_remote_font_faces_and_imports_go_and_everything_else_stays() -> None:
    css = (
        "@import url(//cloud.typenetwork.com/projects/5433/fontface.css);\n"
        '@import "local.css";\n'
        "@font-face { font-family: 'A'; src: url('https://fonts.gstatic.com/a.ttf'); }\n"
        "@FONT-FACE{font-family:B;src:url(../b.woff) format('woff'),url(https://x.org/b.ttf)}\n"
        "@font-face { font-family: 'C'; src: url(\"../c.woff2\"); }\n"
        ".tl-headline { font-family: 'A', Georgia, serif; }\n"
    )
    text, removed = strip_remote(css)
    assert removed == 3
    assert remote_references(text) == []
    assert '@import "local.css";' in text
    assert "font-family: 'C'" in text
    assert ".tl-headline { font-family: 'A', Georgia, serif; }" in text


def test_a_stylesheet_with_nothing_remote_is_unchanged() -> None:
    css = "@font-face { font-family: 'C'; src: url(../c.woff2); }\n.a { color: red }\n"
    assert strip_remote(css) == (css, 0)


def test_remote_references_outside_font_rules_are_found() -> None:
    # The fetcher refuses to install a stylesheet like this one (see test_fetch).
    assert remote_references(".a { background: url(https://x.org/i.png) }") == [
        "https://x.org/i.png"
    ]
