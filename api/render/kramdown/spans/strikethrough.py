"""GFM ``~~strikethrough~~``: a ``<del>`` whose content is parsed on its own, so emphasis
inside it does not see what encloses it (as kramdown-parser-gfm does it)."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from .. import patterns as p
from ..inlinestate import Frame, kdi, parse_spans

STRIKETHROUGH_MATCH = re.compile(rf"~~(?!{p.SP}|~).*?[^ \t\r\n\f\v~]~~", re.S)
SPAN_START = "~~"


_CLOSER = re.compile(r"[^ \t\r\n\f\v~]~~")


def strikethrough(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    # The lazy match ends at the first closer; finding that first (cached across a run of
    # openers) keeps text full of unclosed ``~~`` linear.
    closer = st.find_after(_CLOSER, st.pos + 2)
    if closer < 0:
        return False
    match = STRIKETHROUGH_MATCH.match(st.src, st.pos, closer + 3)
    if match is None:
        return False
    if not st.can_nest():
        st.add_text("~~")
        st.pos += 2
        return True
    token = st.emit("kd_html_open", "del", 1)
    token.meta.update(category="span", model="span", closed=False, strike=True)
    saved = (st.src, st.posMax, st.stack)
    st.src = match.group(0)[2:-2]
    st.pos, st.posMax = 0, len(st.src)
    st.stack = [Frame("html_element", len(st.tokens))]
    try:
        parse_spans(st)
        st.flush()
    finally:
        st.src, st.posMax, st.stack = saved
        st.pos = match.end()
    st.emit("kd_html_close", "del", -1).meta.update(category="span", empty=False)
    return True
