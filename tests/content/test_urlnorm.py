"""Addressable's ``normalize`` and Jekyll's URL filters. The expected values are what
Addressable 2.8.1 (the version Debian's Jekyll 4.3 uses) prints for each input."""

from __future__ import annotations

import pytest

from api.content.urlnorm import absolute_url, is_absolute, normalize, relative_url

ADDRESSABLE = [
    (
        "https://Example.ORG:443/a/./b/../c/%7euser/%e2%82%ac?x=%2b&y=a b#Frag ment",
        "https://example.org/a/c/~user/%E2%82%AC?x=%2B&y=a%20b#Frag%20ment",
    ),
    ("http://example.org:8080", "http://example.org:8080/"),
    ("/caf\u00e9/\ufb01le", "/caf%C3%A9/file"),  # UTF-8 escapes, NFKC
    ("HTTP://xn--bcher-kva.example/", "http://xn--bcher-kva.example/"),
    ("https://b\u00fccher.example/x", "https://xn--bcher-kva.example/x"),  # IDNA
    ("/x?", "/x"),
    ("/x#", "/x"),
    ("/%zz/%41", "/%25zz/A"),
    ("/a%2Fb/", "/a%2Fb/"),
    ("/q?a=1&b=%26&c=;", "/q?a=1&b=%26&c=%3B"),
    # Dot segments, Addressable's way.
    ("relative/../x", "relative/../x"),
    ("/a/b/../../../c", "/c"),
    ("/a/./b/.", "/a/b/"),
    ("/a/..", "/"),
    ("/..", "/"),
    ("/../x", "/x"),
    ("/a/b/c/./../../g", "/a/g"),
    ("mid/content=5/../6", "mid/6"),
    ("/x/./y/../z/", "/x/z/"),
    ("/a//../b", "/a/b"),
    ("/./a", "/a"),
    ("/a/.../b", "/a/.../b"),
    ("/a/b/..", "/a/"),
    ("../a", "a"),
    ("./a/../b", "b"),
]


@pytest.mark.parametrize(("url", "expected"), ADDRESSABLE)
def test_normalize_as_addressable(url: str, expected: str) -> None:
    assert normalize(url) == expected


def test_the_filters() -> None:
    assert relative_url("a.html", "/blog/") == "/blog/a.html"
    assert relative_url("/a b", "") == "/a%20b"
    assert absolute_url("/a/", "https://example.org", "/blog") == "https://example.org/blog/a/"
    assert absolute_url("/a/", "", "/blog") == "/blog/a/"  # no url: relative
    assert absolute_url("mailto:x@example.org", "https://example.org", "") == (
        "mailto:x@example.org"
    )
    assert absolute_url("//cdn.example/f", "https://example.org", "") == (
        "https://example.org//cdn.example/f"
    )
    assert is_absolute("HTTPS://x") and is_absolute("a+b:c")
    assert not is_absolute("/a:b") and not is_absolute("a/b:c") and not is_absolute("1a:b")
