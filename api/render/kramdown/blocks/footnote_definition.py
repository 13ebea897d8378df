"""``[^name]: text`` with indented continuation lines defines a footnote."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from .. import patterns as p
from ..blockstate import kd, parse_text
from ..document import Footnote, doc

FOOTNOTE_DEFINITION_START = re.compile(
    rf"{p.OPT_SPACE}\[\^({p.ALD_ID_NAME})\]:{p.SP}*?(.*?\n{p.CODEBLOCK_MATCH_S})", re.M
)


def footnote_definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    match = FOOTNOTE_DEFINITION_START.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    content = parse_text(st, p.INDENT_LINES.sub("", match.group(2)))
    eob = st.add("eob", None, "footnote_def")
    doc(st.env).footnotes[match.group(1)] = Footnote(content.tokens, eob)
    return True
