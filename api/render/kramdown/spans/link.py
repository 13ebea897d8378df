"""Links and images: ``[text](url "title")``, ``[text][id]``, ``[id]``, ``![alt](src)``.

URLs are kept exactly as written (no percent-encoding, no entity decoding), as kramdown
writes them. Links do not nest; brackets must balance (images inside the text count apart).
"""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .. import patterns as p
from ..attributes import apply_ial
from ..document import doc, normalize_link_id
from ..inlinestate import Frame, KdInlineState, kdi, parse_spans

LINK_START = re.compile(r"!?\[(?=[^^])", re.S)
SPAN_START = r"!?\["
LINK_BRACKET_STOP_RE = re.compile(r"(\])|!?\[")
LINK_PAREN_STOP_RE = re.compile(rf"(\()|(\))|{p.SP}(?=['\"])")
LINK_INLINE_ID_RE = re.compile(rf"{p.SP}*?\[([^\]]+)?\]")
LINK_INLINE_TITLE_RE = re.compile(rf"{p.SP}*?([\"'])(.+?)\1{p.SP}*?\)", re.S)
_ANGLE_URL = re.compile(r"\(<(.*?)>")
_ESCAPED = re.compile(r"\\([\\.*_+`<>()\[\]{}#!:|\"'$=-])")


def _direct_images(st: KdInlineState, start: int) -> int:
    depth = count = 0
    for token in st.tokens[start:]:
        if depth == 0 and token.type == "image":
            count += 1
        depth += token.nesting
    return count


def _finish(
    st: KdInlineState,
    token: Token,
    start: int,
    url: str,
    title: str | None,
    alt: str,
    ial: dict[str, object] | None,
) -> None:
    attrs: dict[str, object] = {}
    if ial:
        apply_ial(attrs, ial, doc(st.env).alds)
        token.meta["ial"] = dict(ial)
    if token.type == "link_open":
        attrs["href"] = url
    else:
        attrs["src"] = url
        attrs["alt"] = alt
        del st.tokens[start:]
        token.content = alt
    if title is not None:
        attrs["title"] = title
    token.attrs = attrs  # type: ignore[assignment]
    if token.type == "link_open":
        st.emit("link_close", "a", -1)


def link(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    src, begin = st.src, st.pos
    match = LINK_START.match(src, begin)
    if match is None:
        return False
    opener = match.group(0)
    cur = match.end()
    image = opener.startswith("!")
    if (not image and (st.inside("a") or st.inside("img"))) or not st.can_nest():
        st.add_text(opener)
        st.pos = cur
        return True
    st.pos = cur
    mark = st.mark()
    token = st.emit("image" if image else "link_open", "img" if image else "a", 0 if image else 1)
    frame = Frame("img" if image else "a", len(st.tokens))
    count = 1

    def accept() -> bool:
        nonlocal count
        count += -1 if src.startswith("]", st.pos) else 1
        return count - _direct_images(st, frame.start) == 0

    st.stack.append(frame)
    try:
        found = parse_spans(st, LINK_BRACKET_STOP_RE, accept)
        st.flush()
    finally:
        st.stack.pop()
    if not found:
        return _literal(st, mark, opener)
    alt = _ESCAPED.sub(r"\1", src[cur : st.pos])
    stop = LINK_BRACKET_STOP_RE.match(src, st.pos)
    assert stop is not None
    st.pos = stop.end()

    reference = LINK_INLINE_ID_RE.match(src, st.pos)
    if reference or not src.startswith("(", st.pos):
        label = reference.group(1) if reference and reference.group(1) else alt
        definition = doc(st.env).link_defs.get(normalize_link_id(label))
        if definition is None:
            return _literal(st, mark, opener)
        if reference:
            st.pos = reference.end()
        ial = definition.eob.ial if definition.eob is not None else None
        _finish(st, token, frame.start, definition.url, definition.title, alt, ial)
        return True

    url: str
    if angle := _ANGLE_URL.match(src, st.pos):
        url = angle.group(1)
        st.pos = angle.end()
        if src.startswith(")", st.pos):
            st.pos += 1
            _finish(st, token, frame.start, url, None, alt, None)
            return True
    else:
        parts: list[str] = []
        depth = 0
        while stop_match := LINK_PAREN_STOP_RE.search(src, st.pos):
            st.budget -= 1
            if not st.can_scan(stop_match.end() - st.pos):
                break
            parts.append(src[st.pos : stop_match.end()])
            st.pos = stop_match.end()
            if stop_match.group(2):
                depth -= 1
                if depth == 0:
                    break
            elif stop_match.group(1):
                depth += 1
            else:
                break
        url = "".join(parts)[1:-1].strip()
        if depth == 0:
            _finish(st, token, frame.start, url, None, alt, None)
            return True
    if title := LINK_INLINE_TITLE_RE.match(src, st.pos):
        st.pos = title.end()
        _finish(st, token, frame.start, url, title.group(2), alt, None)
        return True
    return _literal(st, mark, opener)


def _literal(st: KdInlineState, mark: tuple[int, int], opener: str) -> bool:
    st.revert(mark)
    st.add_text(opener)
    return True
