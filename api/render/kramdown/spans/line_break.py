"""Two spaces or two backslashes before a newline force a line break."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from ..inlinestate import kdi

LINE_BREAK = re.compile(r"(  |\\\\)(?=\n)")
SPAN_START = r"(  |\\)(?=\n)"


def line_break(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    match = LINE_BREAK.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    st.emit("hardbreak", "br")
    return True
