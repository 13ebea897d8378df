from __future__ import annotations

import pytest

from api.content.permalinks import PermalinkError, escape_path, expand, sanitize, with_suffix


def test_plain_values_are_not_escaped() -> None:
    assert escape_path("cases/lubanga") == "cases/lubanga"


def test_non_ascii_is_percent_encoded_as_utf8() -> None:
    assert escape_path("fernández") == "fern%C3%A1ndez"


def test_sub_delims_stay_and_unsafe_characters_are_encoded() -> None:
    assert escape_path("a b?c#d") == "a%20b%3Fc%23d"
    assert escape_path("it's(1)+x") == "it's(1)+x"


def test_expand_fills_placeholders_and_squeezes_slashes() -> None:
    url = expand("/:collection/:path/", {"collection": "cases", "path": "/a/b"})
    assert url == "/cases/a/b/"


def test_expand_prefers_whole_name_then_one_without_trailing_underscore() -> None:
    assert expand("/:name_x/", {"name_x": "a", "name": "b"}) == "/a/"
    # Jekyll swaps the placeholder it found and keeps the rest of the match.
    assert expand("/:title_/", {"title": "t"}) == "/t_/"


def test_unknown_placeholder_raises() -> None:
    with pytest.raises(PermalinkError):
        expand("/:nope/", {"path": "x"})


def test_missing_value_becomes_empty() -> None:
    assert expand("/:categories/:title/", {"categories": "", "title": "x"}) == "/x/"


def test_sanitize_removes_dot_segments() -> None:
    assert sanitize("a/../b/./c") == "/a/b/c"


def test_template_in_permalink_keeps_fragment() -> None:
    url = expand("about-the-icc/structure-of-the-icc/#:slug", {"slug": "chambers"})
    assert sanitize(url) == "/about-the-icc/structure-of-the-icc/#chambers"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("pretty", "/:path/:basename/"),
        ("date", "/:path/:basename:output_ext"),
        ("none", "/:path/:basename:output_ext"),
        ("/:title/", "/:path/:basename/"),
        ("/:year/:title:output_ext", "/:path/:basename:output_ext"),
    ],
)
def test_page_suffix_follows_site_permalink_style(style: str, expected: str) -> None:
    assert with_suffix("/:path/:basename", style) == expected
