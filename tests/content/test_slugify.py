from __future__ import annotations

import pytest

from api.content.slugify import slugify, titleize_slug


@pytest.mark.parametrize(
    ("text", "mode", "cased", "expected"),
    [
        ("The _config.yml file", "default", False, "the-config-yml-file"),
        ("The _config.yml file", "pretty", False, "the-_config.yml-file"),
        ("The _config.yml file", "raw", False, "the-_config.yml-file"),
        ("The _config.yml file", "ascii", False, "the-config-yml-file"),
        ("The _cönfig.yml file", "ascii", False, "the-c-nfig-yml-file"),
        ("The _cönfig.yml file", "latin", False, "the-config-yml-file"),
        ("The _config.yml file", "none", True, "The _config.yml file"),
        ("Fidèle Babala", "default", False, "fidèle-babala"),
        ("  --Leading and trailing--  ", "default", False, "leading-and-trailing"),
        ("日本語 テスト", "default", False, "日本語-テスト"),
        ("Keep Case", "default", True, "Keep-Case"),
    ],
)
def test_slugify_matches_jekyll_modes(text: str, mode: str, cased: bool, expected: str) -> None:
    assert slugify(text, mode, cased) == expected


def test_titleize_capitalizes_like_ruby() -> None:
    assert titleize_slug("office-of-the-prosecutor") == "Office Of The Prosecutor"
    assert titleize_slug("ICC-staff") == "Icc Staff"
