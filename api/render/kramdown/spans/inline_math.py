"""``$$ ... $$`` inside text is inline math."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from ..inlinestate import kdi

INLINE_MATH_START = re.compile(r"\$\$(.*?)\$\$", re.S)
START = re.compile(r"\$")
SPAN_START = r"\$"


def inline_math(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    match = INLINE_MATH_START.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    st.emit("math_inline", "math").content = match.group(1).strip()
    return True
