"""Header helpers shared by the ATX and setext rules."""

from __future__ import annotations

import re

from markdown_it.token import Token

from ..blockstate import KdBlockState

# kramdown's HEADER_ID: an XML name (REXML's NameStartChar, then NameChar).
_NAME_START = (
    ":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
    "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + "\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
HEADER_ID = re.compile(rf"[\t ]\{{#([{_NAME_START}][{_NAME_CHAR}]*)\}}\Z")


def header_contents(text: str) -> tuple[str, str | None]:
    """The header text without a trailing ``{#id}``, and that id."""
    text = text.rstrip()
    match = HEADER_ID.search(text)
    if match is None:
        return text, None
    return text[: match.start()].rstrip(), match.group(1)


def add_header(st: KdBlockState, level: int, text: str, header_id: str | None) -> None:
    open_token = Token("heading_open", f"h{level}", 1)
    open_token.meta["level"] = level
    if header_id:
        open_token.attrs["id"] = header_id
    kid = st.add("header", open_token)
    kid.options["raw_text"] = text
    inline = st.push("inline", "", 0)
    inline.content = text
    inline.children = []
    inline.block = False
    inline.meta["tree"] = "header"
    kid.inline = inline
    st.push("heading_close", f"h{level}", -1)
