"""Backslash escapes of markdown's special characters (GFM adds ``~``)."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

from ..inlinestate import kdi
from ..options import KramdownOptions
from ..rules import SpanRule

ESCAPED_CHARS = re.compile(r"\\([\\.*_+`<>()\[\]{}#!:|\"'$=-])")
ESCAPED_CHARS_GFM = re.compile(r"\\([\\.*_+`<>()\[\]{}#!:|\"'$=\-~])")
SPAN_START = r"\\"


def make_escaped_chars(options: KramdownOptions) -> tuple[SpanRule, re.Pattern[str]]:
    pattern = ESCAPED_CHARS_GFM if options.gfm else ESCAPED_CHARS

    def escaped_chars(state: StateInline, silent: bool) -> bool:
        st = kdi(state)
        match = pattern.match(st.src, st.pos)
        if match is None:
            return False
        st.pos = match.end()
        st.add_text(match.group(1))
        return True

    return escaped_chars, pattern
