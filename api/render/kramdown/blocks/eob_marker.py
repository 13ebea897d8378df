"""``^`` on a line of its own: the end-of-block marker that separates two blocks."""

from __future__ import annotations

from markdown_it.rules_block import StateBlock

from .. import patterns as p
from ..blockstate import kd


def eob_marker(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    match = p.EOB_MARKER.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    st.add("eob")
    return True
