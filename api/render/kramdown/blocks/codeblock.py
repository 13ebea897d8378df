"""Indented code blocks, including kramdown's lazy lines (joined to the line before)."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..blockstate import kd

_LAZY_JOIN = re.compile(r"\n( {0,3}[^ \t\r\n\f\v])")


def codeblock(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    if not p.INDENT.match(st.src, st.pos):
        return False
    match = p.CODEBLOCK_MATCH.match(st.src, st.pos)
    if match is None or match.end() == st.pos:
        return False
    st.pos = match.end()
    data = p.INDENT_LINES.sub("", _LAZY_JOIN.sub(r" \1", match.group(0)))
    token = Token("code_block", "code", 0)
    token.content = data
    st.add("codeblock", token)
    return True
