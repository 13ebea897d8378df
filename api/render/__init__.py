"""Markdown becomes HTML here: kramdown's GFM dialect as Jekyll 4.3 runs it, Liquid first.

The renderer's modules take a good part of a second to import, and a server becomes ready
without rendering anything (pages render on first request), so the heavy names are loaded
on first use; ``context`` and ``result`` stay cheap to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .context import PageContext, SiteContext
from .result import RenderedPage, TocEntry

if TYPE_CHECKING:
    from .kramdown.ids import gfm_header_id, kramdown_auto_id
    from .renderer import Renderer
    from .sanitize import sanitize_html

_LAZY = {
    "Renderer": ".renderer",
    "sanitize_html": ".sanitize",
    "gfm_header_id": ".kramdown.ids",
    "kramdown_auto_id": ".kramdown.ids",
}

__all__ = [
    "PageContext",
    "RenderedPage",
    "Renderer",
    "SiteContext",
    "TocEntry",
    "gfm_header_id",
    "kramdown_auto_id",
    "sanitize_html",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
