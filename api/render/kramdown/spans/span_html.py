"""Raw HTML inside a paragraph. Span elements' content is parsed as markdown (unless the
element is raw, like ``<code>``, or ``markdown="0"`` says so); block-level tags and stray end
tags in span context are kept as text, as kramdown does."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it.rules_inline import StateInline

from .. import patterns as p
from ..attributes import parse_html_attributes
from ..document import doc
from ..inlinestate import Frame, KdInlineState, kdi, parse_spans

SPAN_START = "<"
_NEWLINES = re.compile(r"\n+")
_WINDOW = 65536  # no real tag is longer
_SHORT = 1024
_MARKDOWN_ATTR = {"0": "raw", "1": "default", "span": "span", "block": "block"}


@lru_cache(maxsize=256)
def _end_tag(name: str, known: bool) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}{p.SP}*>", re.I if known else 0)


def _tag(st: KdInlineState, pos: int, window: int) -> re.Match[str] | None:
    """A start tag at ``pos``. Only a tag with a long quoted value can be longer than
    ``_SHORT``; looking further ahead is paid from the scan budget, so that a text full of
    unterminated quotes cannot make every ``<`` read to the end of the window."""
    short = min(window, pos + _SHORT)
    match = p.HTML_TAG_RE.match(st.src, pos, short)
    if match is not None or short == window:
        return match
    head = st.src[pos:short]
    if ('"' in head or "'" in head) and st.can_scan(window - pos):
        return p.HTML_TAG_RE.match(st.src, pos, window)
    return None


def span_html(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    src, pos = st.src, st.pos
    window = min(st.posMax, pos + _WINDOW)
    if src.startswith("<!--", pos):
        if st.has_after("-->", pos + 4) and (match := p.HTML_COMMENT_RE.match(src, pos)):
            st.emit("kd_raw").content = match.group(0)
            st.pos = match.end()
            return True
        return False
    if match := p.HTML_TAG_CLOSE_RE.match(src, pos, window):
        st.add_text(match.group(0))
        st.pos = match.end()
        return True
    match = _tag(st, pos, window)
    if match is None:
        return False
    st.pos = match.end()
    name = match.group(1)
    known = name.lower() in p.HTML_ELEMENT
    if known:
        name = name.lower()
    if name in p.HTML_BLOCK_ELEMENTS or not st.can_nest():
        st.add_text(match.group(0))
        return True
    attrs = parse_html_attributes(match.group(2), known)
    for key, value in attrs.items():
        if value:
            attrs[key] = _NEWLINES.sub(" ", value)
    parse = False
    if p.content_model(name) != "raw" and not st.raw:
        parse = doc(st.env).options.parse_span_html
    requested = _MARKDOWN_ATTR.get(attrs.pop("markdown", ""))
    if requested == "span":
        parse = True
    elif requested == "default":
        parse = p.content_model(name) != "raw"
    elif requested == "raw":
        parse = False
    closed = match.group(4) is not None
    token = st.emit("kd_html_open", name, 1)
    token.attrs.update(attrs)
    token.meta.update(category="span", model="span" if parse else "raw", closed=closed)
    start = len(st.tokens)
    if not closed and name not in p.HTML_ELEMENTS_WITHOUT_BODY:
        stop = _end_tag(name, known)
        st.stack.append(Frame("html_element", start, raw=not parse))
        try:
            found = parse_spans(st, stop, None, None if parse else ("span_html",))
            if found:
                end = stop.match(src, st.pos)
                st.pos = end.end() if end else st.pos
            else:
                st.add_text(src[st.pos : st.posMax])
                st.pos = st.posMax
            st.flush()
        finally:
            st.stack.pop()
    close = st.emit("kd_html_close", name, -1)
    close.meta.update(category="span", empty=len(st.tokens) - 1 == start)
    return True
