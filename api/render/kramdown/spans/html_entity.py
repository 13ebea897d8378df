"""``&name;``, ``&#123;`` and ``&#x7b;``. A name kramdown does not know is not an entity:
its ``&`` is escaped and the rest stays text."""

from __future__ import annotations

from markdown_it.rules_inline import StateInline

from .. import patterns as p
from ..entities import code_point, numeric
from ..inlinestate import kdi

SPAN_START = "&"


def html_entity(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    match = p.HTML_ENTITY_RE.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    name, decimal, hexadecimal = match.group(1, 2, 3)
    if name is not None:
        code = code_point(name)
    elif decimal is not None:
        code = numeric(int(decimal))
    else:
        code = numeric(int(hexadecimal, 16))
    token = st.emit("kd_entity")
    if code is None:
        token.meta.update(code=38, original=None)
        st.add_text(match.group(0)[1:])
    else:
        token.meta.update(code=code, original=match.group(0))
    return True
