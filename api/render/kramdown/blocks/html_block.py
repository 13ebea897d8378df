"""Raw HTML at block level, with kramdown's ``markdown="0|1|block|span"`` attribute.

By default (``parse_block_html: false``) the content of a block HTML element is raw: it is
passed through, with nested tags tracked so that the matching end tag is found. ``markdown``
switches the content model of one element: ``1`` to the tag's natural model, ``block`` or
``span`` to parse it as markdown, ``0`` back to raw. Elements are emitted as ``kd_html_open`` /
``kd_html_close`` tokens around their content.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..attributes import parse_html_attributes
from ..blockstate import MAX_DEPTH, KdBlockState, kd, run_blocks
from ..document import doc

_MARKDOWN_ATTR = {"0": "raw", "1": "default", "span": "span", "block": "block"}


def block_html(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    src, pos = st.src, st.pos
    if not p.HTML_BLOCK_START.match(src, pos):
        return False
    if match := p.HTML_COMMENT_RE.match(src, pos):
        token = Token("html_block", "", 0)
        token.content = match.group(0)
        st.add("xml_comment", token, take_ial=False)
        st.pos = match.end()
        _skip_trailing_whitespace(st)
        return True
    match = p.HTML_BLOCK_TAG.match(src, pos)
    if match and match.group(1).lower() not in p.HTML_SPAN_ELEMENTS:
        if st.depth >= MAX_DEPTH:
            return False
        st.pos = match.end()
        start_tag(st, match, None, parent_raw=st.html is not None and st.html[1] == "raw")
        return True
    match = p.HTML_BLOCK_TAG_CLOSE.match(src, pos)
    name = match.group(1).lower() if match else ""
    if match and name not in p.HTML_SPAN_ELEMENTS and st.html is not None and st.html[0] == name:
        st.pos = match.end()
        st.stop = True
        return True
    return False


def _skip_trailing_whitespace(st: KdBlockState) -> None:
    if match := p.TRAILING_WHITESPACE.match(st.src, st.pos):
        st.pos = match.end()


def start_tag(
    st: KdBlockState, match: re.Match[str], out: list[Token] | None, parent_raw: bool
) -> None:
    """An HTML start tag just read at block level (kramdown's handle_html_start_tag).

    ``out`` is None when the element is a child of the container ``st`` itself; otherwise it
    is the token list of the raw element being read.
    """
    name = match.group(1)
    if name.lower() in p.HTML_ELEMENT:
        name = name.lower()
    closed = match.group(4) is not None
    attrs = parse_html_attributes(match.group(2), name in p.HTML_ELEMENT)
    open_token = Token("kd_html_open", name, 1)
    open_token.block = True
    if out is None:
        st.add("html", open_token)
        tokens = st.tokens
    else:
        if st.block_ial is not None:
            open_token.meta["ial"] = st.block_ial
            st.block_ial = None
        out.append(open_token)
        tokens = out
    first_child = len(tokens)
    if not closed and name in p.HTML_ELEMENTS_WITHOUT_BODY:
        closed = True

    handle_body = True
    if name in ("script", "style"):
        _raw_body(st, name, tokens)
        closed = handle_body = False
    model = "raw"
    if not parent_raw and doc(st.env).options.parse_block_html:
        model = p.content_model(name)
    requested = _MARKDOWN_ATTR.get(attrs.pop("markdown", ""))
    if requested is not None:
        model = p.content_model(name) if requested == "default" else requested
    open_token.attrs.update(attrs)
    if model == "block":
        _skip_trailing_whitespace(st)
    if not closed and handle_body:
        if model == "block":
            child = KdBlockState(st.src, st.md, st.env, [], st.depth + 1, (name, "block"))
            child.pos = st.pos
            run_blocks(child)
            st.pos = child.pos
            tokens.extend(child.tokens)
        elif model == "span":
            _span_body(st, name, tokens)
        else:
            read_raw(st, name, tokens)
        if not parent_raw:
            _skip_trailing_whitespace(st)
    open_token.meta.update(category="block", model=model, closed=closed, in_raw=parent_raw)
    close = Token("kd_html_close", name, -1)
    close.block = True
    close.meta.update(model=model, closed=closed, empty=len(tokens) == first_child)
    tokens.append(close)


def _raw_body(st: KdBlockState, name: str, tokens: list[Token]) -> None:
    """The text of a script or style element, passed through untouched."""
    end = re.compile(rf"(?=</{re.escape(name)}{p.SP}*>)", re.I)
    found = end.search(st.src, st.pos)
    token = Token("kd_raw", "", 0)
    if found is None:
        token.content = st.src[st.pos :]
        st.pos = len(st.src)
    else:
        token.content = st.src[st.pos : found.start()]
        close = p.HTML_TAG_CLOSE_RE.match(st.src, found.start())
        st.pos = close.end() if close else found.start()
    if token.content:
        tokens.append(token)


def _span_body(st: KdBlockState, name: str, tokens: list[Token]) -> None:
    end = re.compile(rf"(?=</{re.escape(name)}{p.SP}*>)", re.I)
    found = end.search(st.src, st.pos)
    stop = len(st.src) if found is None else found.start()
    inline = Token("inline", "", 0)
    inline.content = st.src[st.pos : stop]
    inline.children = []
    inline.meta["tree"] = "html_element"
    st.pos = stop
    if found is not None:
        close = p.HTML_TAG_CLOSE_RE.match(st.src, stop)
        st.pos = close.end() if close else stop
    if inline.content:
        tokens.append(inline)


def read_raw(st: KdBlockState, name: str, tokens: list[Token]) -> None:
    """Raw content up to the element's end tag, nested elements tracked (parse_raw_html)."""
    src = st.src
    while st.pos < len(src):
        found = p.HTML_RAW_START.search(src, st.pos)
        if found is None:
            _raw_text(tokens, src[st.pos :])
            st.pos = len(src)
            return
        _raw_text(tokens, src[st.pos : found.start()])
        st.pos = pos = found.start()
        if match := p.HTML_COMMENT_RE.match(src, pos) or p.HTML_INSTRUCTION_RE.match(src, pos):
            token = Token("kd_raw", "", 0)
            token.content = match.group(0)
            tokens.append(token)
            st.pos = match.end()
        elif match := p.HTML_TAG_RE.match(src, pos):
            st.pos = match.end()
            if st.depth >= MAX_DEPTH:
                _raw_text(tokens, match.group(0))
                continue
            nested = KdBlockState(src, st.md, st.env, tokens, st.depth + 1, (name, "raw"))
            nested.pos = st.pos
            start_tag(nested, match, tokens, parent_raw=True)
            st.pos = nested.pos
        elif match := p.HTML_TAG_CLOSE_RE.match(src, pos):
            st.pos = match.end()
            closing = match.group(1).lower() if name in p.HTML_ELEMENT else match.group(1)
            if closing == name:
                return
            _raw_text(tokens, match.group(0))
        else:
            _raw_text(tokens, src[pos])
            st.pos = pos + 1


def _raw_text(tokens: list[Token], text: str) -> None:
    if not text:
        return
    if tokens and tokens[-1].type == "kd_raw_text":
        tokens[-1].content += text
        return
    token = Token("kd_raw_text", "", 0)
    token.content = text
    tokens.append(token)
