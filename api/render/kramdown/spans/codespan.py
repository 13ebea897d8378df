"""Code spans: a run of backticks up to the same run."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from ..codespans import codespan_at
from ..inlinestate import kdi

CODESPAN_DELIMITER = re.compile(r"`+")
SPAN_START = "`"


def codespan(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    found = codespan_at(st.src, st.pos)
    if found is None:
        run = CODESPAN_DELIMITER.match(st.src, st.pos)
        assert run is not None
        st.add_text(run.group(0))
        st.pos = run.end()
        return True
    value, end, delimiter = found
    token = st.emit("code_inline", "code", 0)
    token.content = value
    token.markup = delimiter
    st.pos = end
    return True
