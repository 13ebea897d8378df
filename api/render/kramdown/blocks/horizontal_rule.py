"""Horizontal rules: three or more ``*``, ``-`` or ``_``, spaces allowed between."""

from __future__ import annotations

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..blockstate import kd


def horizontal_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    match = p.HR_START.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    st.add("hr", Token("hr", "hr", 0))
    return True
