"""``{:...}`` in text: a span IAL right after an element (a link, emphasis, code...) sets
its attributes; after plain text it is kept as text. ``{::comment}``, ``{::nomarkdown}`` and
``{::options /}`` work inline too."""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .. import patterns as p
from ..attributes import apply_ial, for_html, merge_ial, parse_attribute_list
from ..document import doc
from ..inlinestate import KdInlineState, kdi

SPAN_EXTENSIONS_START = re.compile(r"\{:")
SPAN_START = r"\{:"


def _element_of(st: KdInlineState, last: Token) -> Token:
    """The opening token of the element that ``last`` (its last token) belongs to."""
    if last.nesting != -1:
        return last
    depth = 0
    for index in range(len(st.tokens) - 1, st.stack[-1].start - 1, -1):
        depth += st.tokens[index].nesting
        if depth == 0:
            return st.tokens[index]
    return last


def span_extensions(state: StateInline, silent: bool) -> bool:
    st = kdi(state)
    src, pos = st.src, st.pos
    if match := p.EXT_SPAN_START.match(src, pos):
        return _extension(st, match)
    if match := p.IAL_SPAN_START.match(src, pos):
        last = st.last_child()
        if last is not None and last.type != "text":
            st.pos = match.end()
            attrs = parse_attribute_list(match.group(1), {})
            target = _element_of(st, last)
            merge_ial(target.meta.setdefault("ial", {}), attrs)
            applied: dict[str, str] = dict(target.attrs)  # type: ignore[arg-type]
            apply_ial(applied, attrs, doc(st.env).alds)
            target.attrs = applied  # type: ignore[assignment]
            return True
    st.add_text("{")
    st.pos += 1
    return True


def _extension(st: KdInlineState, match: re.Match[str]) -> bool:
    name, closed, stop_name = match.group(1), match.group(3), match.group(4)
    if stop_name is not None or name not in ("comment", "nomarkdown", "options"):
        st.add_text("{")
        st.pos += 1
        return True
    after = match.end()
    body: str | None = None
    if not closed:
        end = re.compile(rf"\{{:/({re.escape(name)})?\}}").search(st.src, after)
        if end is None:
            st.add_text("{")
            st.pos += 1
            return True
        body = st.src[after : end.start()]
        after = end.end()
    st.pos = after
    if name == "nomarkdown" and body is not None and for_html(match.group(2)):
        st.emit("kd_raw").content = body
    elif name == "comment" and body is not None:
        st.emit("kd_raw").content = f"<!-- {body} -->"
    return True
