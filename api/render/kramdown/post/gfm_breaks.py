"""GFM line breaks: a backslash at the end of a line (or, with ``hard_wrap``, any newline)
in text becomes ``<br />``, except at the very end of a block and inside HTML elements."""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..document import doc
from ..walk import inline_tokens


def _split(children: list[Token], marker: str) -> list[Token]:
    result: list[Token] = []
    depth = 0
    for index, child in enumerate(children):
        if child.type in ("kd_html_open", "kd_html_close"):
            depth += child.nesting
            result.append(child)
            continue
        if depth or child.type != "text" or marker not in child.content:
            result.append(child)
            continue
        lines = child.content.split(marker)
        at_end = lines[-1] == "" and index == len(children) - 1 and _top_level(children, index)
        for number, line in enumerate(lines):
            text = Token("text", "", 0)
            text.content = line if number == 0 else "\n" + line
            result.append(text)
            if number < len(lines) - 2 or (number == len(lines) - 2 and not at_end):
                result.append(Token("hardbreak", "br", 0))
    return result


def _top_level(children: list[Token], index: int) -> bool:
    return sum(token.nesting for token in children[:index]) == 0


def kd_gfm_breaks(state: StateCore) -> None:
    options = doc(state.env).options
    marker = "\n" if options.hard_wrap else "\\\n"
    for token in inline_tokens(state.tokens, skip_html=True):
        if token.children and any(marker in c.content for c in token.children if c.type == "text"):
            token.children = _split(token.children, marker)
