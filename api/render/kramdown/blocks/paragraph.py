"""Paragraphs: lines up to a paragraph end. A paragraph that directly follows another one
(when what ended it turned out not to start a block) continues it."""

from __future__ import annotations

from markdown_it.rules_block import StateBlock

from .. import patterns as p
from ..blockstate import kd, paragraph_tokens
from ..options import KramdownOptions
from ..rules import BlockRule


def make_paragraph(options: KramdownOptions) -> BlockRule:
    end_re = (
        p.PARAGRAPH_END_GFM
        if options.gfm and "paragraph_end" in options.gfm_quirks
        else p.PARAGRAPH_END
    )

    def paragraph(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        st = kd(state)
        src = st.src
        begin = st.pos
        if not p.PARAGRAPH_START.match(src, begin):
            return False
        first = p.PARAGRAPH_MATCH.match(src, begin)
        assert first is not None
        pos = first.end()
        while pos < len(src) and not end_re.match(src, pos):
            line = p.PARAGRAPH_MATCH.match(src, pos)
            if line is None:
                break
            pos = line.end()
        st.pos = pos
        text = src[begin:pos].rstrip()
        last = st.last
        if last is not None and last.kind == "p" and last.inline is not None:
            joiner = "  \n" if src[max(begin - 3, 0) : begin] == "  \n" else "\n"
            last.inline.content += joiner + text
        else:
            paragraph_tokens(st, text.lstrip())
        return True

    return paragraph
