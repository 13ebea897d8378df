"""kramdown's typography: ``---`` em dash, ``--`` en dash, ``...`` ellipsis, ``<<``/``>>``
guillemets (with a no-break space when spaced). ``(c)`` and friends are left alone."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from ..inlinestate import kdi

TYPOGRAPHIC_SYMS_RE = re.compile(r"---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>")
SPAN_START = r"--|\.\.\.|(?:\\| )?(?:<<|>>)"
_SYMBOLS = {
    "---": "mdash",
    "--": "ndash",
    "...": "hellip",
    "<< ": "laquo_space",
    " >>": "raquo_space",
    "<<": "laquo",
    ">>": "raquo",
}


def typographic_syms(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    match = TYPOGRAPHIC_SYMS_RE.match(st.src, st.pos)
    if match is None:
        return False
    st.pos = match.end()
    found = match.group(0)
    if found in _SYMBOLS:
        st.emit("kd_typographic").meta["kind"] = _SYMBOLS[found]
        return True
    code = 60 if found == "\\<<" else 62  # an escaped pair stays two plain characters
    for _ in range(2):
        st.emit("kd_entity").meta.update(code=code, original=None)
    return True
