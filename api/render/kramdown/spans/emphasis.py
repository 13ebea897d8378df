"""``*em*``, ``**strong**`` and their underscore forms, with kramdown's backtracking: a
closer must follow non-space, ``_`` does not work inside words, and the same element does not
nest in itself."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it.rules_inline import StateInline

from .. import patterns as p
from ..inlinestate import Frame, KdInlineState, kdi, parse_spans

EMPHASIS_START = re.compile(r"(?:\*\*?|__?)")
SPAN_START = r"\*|_"
_SPACE = re.compile(p.SP)


@lru_cache(maxsize=8)
def _patterns(delim: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    escaped = re.escape(delim)
    return (
        re.compile(escaped),
        re.compile(f"{escaped * 2}(?!{escaped})"),
        re.compile(rf"{escaped}[^\W_]"),
    )


def _alpha(char: str) -> bool:
    return char.isalpha()


def _word_before(src: str, pos: int) -> bool:
    """kramdown's ``pre_match =~ /[[:alpha:]]-?[[:alpha:]]*\\z/`` without scanning it all."""
    if pos >= 1 and _alpha(src[pos - 1]):
        return True
    return pos >= 2 and src[pos - 1] == "-" and _alpha(src[pos - 2])


def _sub_parse(st: KdInlineState, delim: str, element: str, kind: str, begin: int) -> bool:
    stop, double, alnum_after = _patterns(delim)
    src = st.src
    st.pos = begin
    st.emit(f"{element}_open", element, 1)
    frame = Frame(element, len(st.tokens))
    st.stack.append(frame)

    def accept() -> bool:
        pos = st.pos
        return (
            not (pos > 0 and _SPACE.match(src, pos - 1))
            and (element != "em" or not double.match(src, pos))
            and (kind != "_" or not alnum_after.match(src, pos))
            and (bool(st.buf) or len(st.tokens) > frame.start)
        )

    try:
        return parse_spans(st, stop, accept)
    finally:
        st.stack.pop()


def _attempt(st: KdInlineState, delim: str, element: str, kind: str, begin: int) -> bool:
    if not st.giant:
        return _sub_parse(st, delim, element, kind, begin)
    key = (delim, element, st.context())
    known = st.unclosed.get(key)
    if known is not None and begin >= known:
        return False
    found = _sub_parse(st, delim, element, kind, begin)
    if not found:  # a failed search always runs to the end of the text
        st.unclosed[key] = begin if known is None else min(known, begin)
    return found


def emphasis(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    src, start = st.src, st.pos
    match = EMPHASIS_START.match(src, start)
    if match is None:
        return False
    result = match.group(0)
    element = "strong" if len(result) == 2 else "em"
    kind = result[0]
    after = match.end()
    if (
        (kind == "_" and _word_before(src, start))
        or _SPACE.match(src, after)
        or st.inside(element)
        or not st.can_nest()
    ):
        st.add_text(result)
        st.pos = after
        return True
    mark = st.mark()
    delim = result
    found = _attempt(st, result, element, kind, after)
    if not found and element == "strong" and st.tree != "em":
        st.revert(mark)
        delim, element = kind, "em"
        found = _attempt(st, kind, "em", kind, start + 1)
    if found:
        st.pos += len(delim)
        st.emit(f"{element}_close", element, -1)
    else:
        st.revert(mark)
        st.pos = start + len(result)
        st.add_text(result)
    return True
