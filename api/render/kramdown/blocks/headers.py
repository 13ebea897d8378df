"""Header helpers shared by the ATX and setext rules."""

from __future__ import annotations

import re

from markdown_it.token import Token

from ..blockstate import KdBlockState

HEADER_ID = re.compile(r"[\t ]\{#([A-Za-z_:\u00c0-\U000effff][\w.:\-\u00b7]*)\}\Z")


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
