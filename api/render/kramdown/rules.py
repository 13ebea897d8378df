"""Rule signatures shared by the dialect's plugins."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

BlockRule = Callable[[StateBlock, int, int, bool], bool]
SpanRule = Callable[[StateInline, bool], bool]
CoreRule = Callable[[StateCore], None]
