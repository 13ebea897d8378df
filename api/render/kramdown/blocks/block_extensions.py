"""``{:...}`` lines: ALDs (``{:name: attrs}``), block IALs and ``{::extension}`` tags.

A block IAL applies to the block before it, or, after a blank line or at the start of a
container, to the block after it.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .. import patterns as p
from ..attributes import for_html, parse_attribute_list
from ..blockstate import KdBlockState, kd
from ..document import doc

_ATTACHES_TO = ("link_def", "abbrev_def", "footnote_def")


def block_extensions(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    st = kd(state)
    src, pos = st.src, st.pos
    if not p.BLOCK_EXTENSIONS_START.match(src, pos):
        return False
    if match := p.ALD_START.match(src, pos):
        st.pos = match.end()
        parse_attribute_list(match.group(2), doc(st.env).alds.setdefault(match.group(1), {}))
        st.add("eob", None, "ald")
        return True
    if match := p.EXT_BLOCK_START.match(src, pos):
        return _extension(st, match)
    if match := p.IAL_BLOCK_START.match(src, pos):
        st.pos = match.end()
        last = st.last
        if (
            last is not None
            and last.kind != "blank"
            and (last.kind != "eob" or last.value in _ATTACHES_TO)
        ):
            parse_attribute_list(match.group(1), last.ensure_ial())
            if not p.IAL_BLOCK_START.match(src, st.pos):
                st.add("eob", None, "ial")
        else:
            if st.block_ial is None:
                st.block_ial = {}
            parse_attribute_list(match.group(1), st.block_ial)
        return True
    return False


def _extension(st: KdBlockState, match: re.Match[str]) -> bool:
    """``{::comment}``, ``{::nomarkdown}`` and ``{::options}``; anything else stays text."""
    name, closed, stop_name = match.group(1), match.group(3), match.group(4)
    if stop_name is not None or match.group(0).strip().startswith("{:/"):
        return False
    if name not in ("comment", "nomarkdown", "options"):
        return False
    body: str | None = None
    after = match.end()
    if not closed:
        stop = re.compile(rf"^{p.OPT_SPACE}\{{:/({re.escape(name)})?\}}{p.SP}*?\n", re.M)
        end = stop.search(st.src, after)
        if end is None:
            return False
        body = st.src[after : end.start()].removesuffix("\n")
        after = end.end()
    st.pos = after
    if name == "nomarkdown" and body is not None:
        token = Token("kd_raw", "", 0)
        token.content = body + "\n" if for_html(match.group(2)) else ""
        st.add("raw", token, take_ial=False)
    elif name == "comment" and body is not None:
        token = Token("html_block", "", 0)
        token.content = f"<!-- {body} -->\n"
        st.add("comment", token, take_ial=False)
    elif name == "options":
        st.add("eob", None, "extension")
    return True
