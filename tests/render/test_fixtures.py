"""Golden files: markdown in, the HTML kramdown (as Jekyll configures it) writes out.

Each file under ``fixtures/`` covers one feature, in markdown-it-py's fixture format. HTML is
compared as the corpus parity is judged (``tests/support/htmlcompare.py``), so indentation
does not matter but elements, attributes and text do.
"""

from __future__ import annotations

import pytest
from markdown_it.utils import read_fixture_file

from api.render.kramdown import render_markdown
from tests.render.conftest import FIXTURES, markdown_for, title_options
from tests.support.htmlcompare import diff, same_html

CASES = [
    pytest.param(title, source, expected, id=f"{path.stem}:{line}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, source, expected in read_fixture_file(path)
]


def test_every_feature_has_fixtures() -> None:
    names = {path.stem for path in FIXTURES.glob("*.md")}
    assert {
        "attribute_lists",
        "html_blocks",
        "header_ids",
        "typography",
        "gfm",
        "footnotes",
        "abbreviations",
        "definition_lists",
        "math",
        "code",
        "urls",
        "block_structure",
    } <= names


@pytest.mark.parametrize(("title", "source", "expected"), CASES)
def test_fixture(title: str, source: str, expected: str) -> None:
    html = render_markdown(markdown_for(title_options(title)), source)
    assert same_html(expected, html), diff(expected, html)
