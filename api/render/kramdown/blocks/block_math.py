"""``$$ ... $$`` standing alone between block boundaries is a math block."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..blockstate import kd

BLOCK_MATH_START = re.compile(rf"{p.OPT_SPACE}(\\)?\$\$(.*?)\$\$({p.SP}*?\n)?", re.M | re.S)


def block_math(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    match = BLOCK_MATH_START.match(st.src, st.pos)
    if match is None or not st.after_block_boundary():
        return False
    if match.group(1):
        # An escaped ``\$$`` block: the backslash is dropped and the line read on as text.
        if match.group(3):
            st.pos = st.src.index("\\", st.pos) + 1
        return False
    saved = st.pos
    st.pos = match.end()
    if not st.before_block_boundary():
        st.pos = saved
        return False
    token = Token("math_block", "math", 0)
    token.content = match.group(2).strip()
    st.add("math", token)
    return True
