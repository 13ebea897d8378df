"""``[^name]`` refers to a footnote defined anywhere in the document."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from .. import patterns as p
from ..document import doc
from ..inlinestate import kdi

FOOTNOTE_MARKER_START = re.compile(rf"\[\^({p.ALD_ID_NAME})\]")
SPAN_START = r"\["


def footnote_marker(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    match = FOOTNOTE_MARKER_START.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    footnote = doc(st.env).footnotes.get(match.group(1))
    if footnote is None:
        st.add_text(match.group(0))
        return True
    footnote.referenced = True
    token = st.emit("footnote_ref")
    token.meta["name"] = match.group(1)
    return True
