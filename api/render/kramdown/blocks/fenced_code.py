"""Fenced code blocks: ``~~~`` in kramdown, and also indented up to three spaces and with
backticks in GFM. The language keeps a ``?query`` for the highlighter; the class does not."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..blockstate import kd
from ..options import KramdownOptions
from ..rules import BlockRule

_TAIL = rf"{p.SP}*?(({p.NSP}+?)(?:\?{p.NSP}*)?)?{p.SP}*?\n(.*?)"
_GFM = re.compile(rf"[ ]{{0,3}}(([~`]){{3,}}){_TAIL}^[ ]{{0,3}}\1\2*{p.SP}*?\n", re.M | re.S)
_KRAMDOWN = re.compile(rf"((~){{3,}}){_TAIL}^\1\2*{p.SP}*?\n", re.M | re.S)
_GFM_START = re.compile(p.FENCED_CODEBLOCK_START_GFM_S, re.M)
_KRAMDOWN_START = re.compile(p.FENCED_CODEBLOCK_START_S, re.M)


def make_fenced_code(options: KramdownOptions) -> BlockRule:
    start, full = (_GFM_START, _GFM) if options.gfm else (_KRAMDOWN_START, _KRAMDOWN)

    def fenced_code(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        st = kd(state)
        if not start.match(st.src, st.pos):
            return False
        match = full.match(st.src, st.pos)
        if match is None:
            return False
        st.pos = match.end()
        token = Token("fence", "code", 0)
        token.content = match.group(5)
        lang = (match.group(3) or "").strip()
        if lang:
            token.info = lang
            token.attrs["class"] = f"language-{match.group(4)}"
        st.add("codeblock", token)
        return True

    return fenced_code
