"""Helpers shared by the render tests."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from api.render import Renderer, SiteContext
from api.render.kramdown import KramdownOptions, create_markdown

FIXTURES = Path(__file__).parent / "fixtures"
_OPTIONS = re.compile(r"\{.*\}\s*$")


def title_options(title: str) -> dict[str, Any]:
    """A fixture title may end with kramdown options as a YAML flow mapping."""
    found = _OPTIONS.search(title)
    return dict(yaml.safe_load(found.group(0))) if found else {}


@lru_cache(maxsize=64)
def _markdown(key: str) -> MarkdownIt:
    return create_markdown(KramdownOptions.from_config(yaml.safe_load(key) or {}))


def markdown_for(options: dict[str, Any]) -> MarkdownIt:
    return _markdown(yaml.safe_dump(options, sort_keys=True))


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(SiteContext(config={"title": "Site"}, kramdown={"input": "GFM"}))
