"""Blank lines: kept as children because later rules ask whether a block follows one."""

from __future__ import annotations

from markdown_it.rules_block import StateBlock

from .. import patterns as p
from ..blockstate import kd


def blank_line(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    match = p.BLANK_LINE.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    last = st.last
    if last is not None and last.kind == "blank":
        last.value += match.group(0)
    else:
        st.add("blank", None, match.group(0))
    return True
