"""``<http://...>`` and ``<user@example.org>`` links. Bare URLs are not links in kramdown's
GFM parser."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from ..inlinestate import kdi

AUTOLINK_START = re.compile(r"<(((?:mailto|https?|ftps?)):.+?|[\w\-.]+?@[\w\-.]+?)>")
SPAN_START = "<"
_WINDOW = 4096  # an autolink is one line; capping the search keeps hostile lines linear


def autolink(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    match = AUTOLINK_START.match(st.src, st.pos, min(st.posMax, st.pos + _WINDOW))
    if match is None:
        return False
    st.pos = match.end()
    target = match.group(1)
    href = target if match.group(2) else f"mailto:{target}"
    token = st.emit("link_open", "a", 1)
    token.attrs["href"] = href
    token.markup = "autolink"
    text = target.removeprefix("mailto:")
    st.emit("text").content = text
    st.emit("link_close", "a", -1)
    return True
