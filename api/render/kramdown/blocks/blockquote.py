"""Blockquotes: the lines up to a lazy end, with ``>`` markers removed, parsed as blocks."""

from __future__ import annotations

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..blockstate import MAX_DEPTH, kd, parse_text, splice


def blockquote(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    src = st.src
    if st.depth >= MAX_DEPTH or not p.BLOCKQUOTE_START.match(src, st.pos):
        return False
    begin = st.pos
    pos = p.PARAGRAPH_MATCH.match(src, begin).end()  # type: ignore[union-attr]
    while pos < len(src) and not p.LAZY_END.match(src, pos):
        line = p.PARAGRAPH_MATCH.match(src, pos)
        if line is None:
            break
        pos = line.end()
    st.pos = pos
    text = p.BLOCKQUOTE_MARKERS.sub("", src[begin:pos])
    st.add("blockquote", Token("blockquote_open", "blockquote", 1))
    splice(st, parse_text(st, text))
    st.push("blockquote_close", "blockquote", -1)
    return True
