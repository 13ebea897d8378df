"""``*[ABBR]: text`` abbreviation definitions; they apply to the whole document."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from .. import patterns as p
from ..blockstate import kd
from ..document import doc

ABBREV_DEFINITION_START = re.compile(rf"{p.OPT_SPACE}\*\[(.+?)\]:(.*?)\n", re.M)


def abbrev_definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    match = ABBREV_DEFINITION_START.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    eob = st.add("eob", None, "abbrev_def")
    document = doc(st.env)
    document.abbrevs[match.group(1)] = match.group(2).strip()
    document.abbrev_eobs[match.group(1)] = eob
    return True
