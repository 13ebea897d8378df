"""``[id]: url "title"`` link definitions; they apply to the whole document."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from .. import patterns as p
from ..blockstate import kd
from ..document import LinkDef, doc, normalize_link_id

LINK_DEFINITION_START = re.compile(
    rf"{p.OPT_SPACE}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))"
    r"(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?([\"'])(.+?)\4)?[ \t]*?\n",
    re.M,
)
_TITLE_IN_URL = re.compile(r"[ \t]+[\"']")


def link_definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    match = LINK_DEFINITION_START.match(st.src, st.pos)
    if match is None or _TITLE_IN_URL.search(match.group(3) or ""):
        return False
    st.pos = match.end()
    eob = st.add("eob", None, "link_def")
    url = match.group(2) if match.group(2) is not None else match.group(3)
    doc(st.env).link_defs[normalize_link_id(match.group(1))] = LinkDef(url, match.group(5), eob)
    return True
