"""Definition lists: a paragraph of terms followed by ``:`` definitions."""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..attributes import IAL
from ..blockstate import MAX_DEPTH, KdBlockState, Kid, kd, parse_text
from .listing import first_line, item_patterns, marker_pattern, strip_item_ial

_LEADING_TABS = re.compile(r"^(\t+)")


def _terms_paragraph(st: KdBlockState) -> tuple[Kid, bool] | None:
    kids = st.kids
    if not kids or (len(kids) == 1 and kids[-1].kind != "p"):
        return None
    blank_after_para = kids[-1].kind == "blank" and kids[-1].value == "\n" and kids[-2].kind == "p"
    if len(kids) >= 2 and kids[-1].kind != "p" and not blank_after_para:
        return None
    first_as_para = False
    if kids[-1].kind == "blank":
        kids.pop()
        first_as_para = True
    return kids.pop(), first_as_para


def definition_list(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    if st.depth >= MAX_DEPTH or not p.DEFINITION_LIST_START.match(st.src, st.pos):
        return False
    found = _terms_paragraph(st)
    if found is None:
        return False
    para, first_as_para = found
    st.block_ial = None  # kramdown's new dl element takes any pending block IAL and drops it
    raw = para.inline.content if para.inline is not None else ""
    del st.tokens[para.start :]
    body: list[Token] = []
    for term in raw.split("\n"):
        if not term:
            continue
        term_ial: IAL = {}
        term = strip_item_ial(term, term_ial)
        dt = Token("dt_open", "dt", 1)
        dt.block = True
        if term_ial:
            dt.meta["ial"] = term_ial
        inline = Token("inline", "", 0)
        inline.content = term
        inline.children = []
        inline.meta["tree"] = "dt"
        close = Token("dt_close", "dt", -1)
        close.block = True
        body += [dt, inline, close]

    definitions = _collect(st, first_as_para)
    last_blank: Kid | None = None
    for text, ial, as_para in definitions:
        child = parse_text(st, text) if text.strip() else st.child("")
        kids = child.kids
        if kids:
            last_blank = kids.pop() if kids[-1].kind == "blank" else None
        if kids and kids[0].kind == "p" and not as_para:
            if len(kids) > 1 and kids[0].inline is not None:
                kids[0].inline.content += "\n"
            kids[0].options["transparent"] = True
            kids[0].token.hidden = True  # type: ignore[union-attr]
            child.tokens[kids[0].start + 2].hidden = True
        dd = Token("dd_open", "dd", 1)
        dd.block = True
        if ial:
            dd.meta["ial"] = ial
        close = Token("dd_close", "dd", -1)
        close.block = True
        body += [dd, *child.tokens, close]

    kids = st.kids
    if kids and kids[-1].kind == "blank" and len(kids) >= 2 and kids[-2].kind == "dl":
        kids.pop()
    if kids and kids[-1].kind == "dl":
        st.tokens.pop()  # reopen the list before it: its closing token is the last one
    else:
        kid = st.add("dl", Token("dl_open", "dl", 1))
        if para.ial:
            kid.ial = para.ial
            kid.token.meta["ial"] = para.ial  # type: ignore[union-attr]
    st.tokens.extend(body)
    st.push("dl_close", "dl", -1)
    if last_blank is not None:
        st.kids.append(last_blank)
    return True


def _collect(st: KdBlockState, first_as_para: bool) -> list[tuple[str, IAL, bool]]:
    src = st.src
    result: list[tuple[list[str], IAL, bool]] = []
    start_re = p.DEFINITION_LIST_START
    content_re = lazy_re = indent_re = None
    last_is_blank = False
    while st.pos < len(src):
        pos = st.pos
        if match := start_re.match(src, pos):
            st.pos = match.end()
            text, indentation = first_line(len(match.group(1)), match.group(2))
            content_re, lazy_re, indent_re = item_patterns(indentation)
            ial: IAL = {}
            text = strip_item_ial(text, ial)
            result.append(([text], ial, first_as_para))
            start_re = marker_pattern("dl", indentation)
            first_as_para = last_is_blank = False
            continue
        if p.EOB_MARKER.match(src, pos) or not result:
            break
        assert content_re and lazy_re and indent_re
        match = content_re.match(src, pos) or (None if last_is_blank else lazy_re.match(src, pos))
        if match:
            st.pos = match.end()
            line = _LEADING_TABS.sub(lambda m: "    " * len(m.group(1)), match.group(0))
            line = indent_re.sub("", line, count=1)
            result[-1][0].append(line)
            first_as_para = last_is_blank = False
        elif match := p.BLANK_LINE.match(src, pos):
            st.pos = match.end()
            result[-1][0].append(match.group(0))
            first_as_para = last_is_blank = True
        else:
            break
    return [("".join(lines), ial, as_para) for lines, ial, as_para in result]
