"""Golden files made by Rouge itself: every sample highlights to exactly Rouge's HTML.

``tests/render/highlight/make_golden.py`` wrote ``golden/<language>.json`` with Rouge 3.30's
HTML formatter (the one kramdown's blocks and Jekyll's tag wrap) from the snippets in
``samples/``, each as fenced code gives it and as the ``{% highlight %}`` tag gives it. CI has
no Ruby, so the files are checked in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from api.render.highlight import highlight
from api.render.highlight.lexers import LEXERS

GOLDEN = Path(__file__).parent / "highlight" / "golden"
MINIMUM_SAMPLES = 3


def _golden() -> dict[str, list[dict[str, Any]]]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(GOLDEN.glob("*.json"))
    }


GOLDEN_CASES = _golden()


def test_every_lexer_of_our_own_has_golden_samples() -> None:
    thin = {tag for tag in LEXERS if len(GOLDEN_CASES.get(tag, [])) < 2 * MINIMUM_SAMPLES}
    assert thin == set()


@pytest.mark.parametrize(
    ("lang", "code", "html"),
    [
        pytest.param(case["lang"], case["code"], case["html"], id=f"{stem}:{case['name']}")
        for stem, cases in GOLDEN_CASES.items()
        for case in cases
    ],
)
def test_highlights_as_rouge(lang: str, code: str, html: str) -> None:
    found = highlight(code, lang)
    assert found is not None
    assert found[0] == html
