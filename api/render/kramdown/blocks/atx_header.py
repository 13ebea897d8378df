"""``#`` headers. GFM needs a space after the hashes and, with the ``paragraph_end`` quirk,
does not need a blank line before the header."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from .. import patterns as p
from ..blockstate import kd
from ..options import KramdownOptions
from ..rules import BlockRule
from .headers import add_header, header_contents

_CLOSING_QUIRK = re.compile(r"[\t ]#+\Z")
_CLOSING = re.compile(r"(?<!\\)#+\Z")


def make_atx_header(options: KramdownOptions) -> BlockRule:
    start = p.ATX_HEADER_START_GFM if options.gfm else p.ATX_HEADER_START
    quirk = options.gfm and "paragraph_end" in options.gfm_quirks
    closing = _CLOSING_QUIRK if quirk else _CLOSING

    def atx_header(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        st = kd(state)
        match = start.match(st.src, st.pos)
        if match is None or (not quirk and not st.after_block_boundary()):
            return False
        text, header_id = header_contents(match.group(2))
        stripped = closing.sub("", text)
        if stripped != text:
            text = stripped.rstrip()
        if not text:
            return False
        st.pos = match.end()
        add_header(st, len(match.group(1)), text, header_id)
        return True

    return atx_header
