"""Setext headers (underlined with ``=`` or ``-``); they need a block boundary before."""

from __future__ import annotations

from markdown_it.rules_block import StateBlock

from .. import patterns as p
from ..blockstate import kd
from .headers import add_header, header_contents


def setext_header(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    match = p.SETEXT_HEADER_START.match(st.src, st.pos)
    if match is None or not st.after_block_boundary():
        return False
    text, header_id = header_contents(match.group(1))
    if not text:
        return False
    st.pos = match.end()
    add_header(st, 2 if match.group(2) == "-" else 1, text, header_id)
    return True
