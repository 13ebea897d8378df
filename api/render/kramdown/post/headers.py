"""Header raw text (what ids are made from) and GFM header ids.

kramdown-parser-gfm gives every header outside raw HTML elements an id, in document order,
after the whole document is parsed; headers inside HTML elements get kramdown's own ids when
they are rendered.
"""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..attributes import REFS
from ..document import doc
from ..entities import code_point
from ..ids import basic_auto_id, gfm_header_id

_AUTO_IDS = re.compile(r"\Aauto_ids(?:-([\w-]+))?")
_TYPOGRAPHIC_TEXT = {"laquo_space": "«\u00a0", "raquo_space": "\u00a0»"}


def gfm_raw_text(children: list[Token]) -> str:
    """The text kramdown-parser-gfm makes ids from: text, code, math, entities, quotes..."""
    parts: list[str] = []
    for token in children:
        if token.type in ("text", "code_inline", "math_inline", "kd_raw_text"):
            parts.append(token.content)
        elif token.type == "kd_entity":
            parts.append(chr(token.meta["code"]))
        elif token.type == "kd_smart_quote":
            parts.append(chr(code_point(token.meta["kind"]) or 39))
        elif token.type == "kd_typographic":
            kind = token.meta["kind"]
            parts.append(_TYPOGRAPHIC_TEXT.get(kind) or chr(code_point(kind) or 32))
    return "".join(parts)


def text_only(children: list[Token]) -> str:
    return "".join(t.content for t in children if t.type in ("text", "kd_raw_text"))


def _raw_texts(tokens: list[Token], gfm: bool, stripping: bool) -> None:
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            children = inline.children or []
            if gfm:
                token.meta["raw_text"] = gfm_raw_text(children)
            elif stripping:
                token.meta["raw_text"] = text_only(children)
            else:
                token.meta["raw_text"] = inline.content


def kd_header_ids(state: StateCore) -> None:
    document = doc(state.env)
    options = document.options
    _raw_texts(state.tokens, options.gfm, options.auto_id_stripping)
    for footnote in document.footnotes.values():
        _raw_texts(footnote.tokens, options.gfm, options.auto_id_stripping)
    if not (options.gfm and options.auto_ids):
        return
    counter: dict[str, int] = {}
    depth = 0
    for token in state.tokens:
        if token.type in ("kd_html_open", "kd_html_close"):
            depth += token.nesting
        elif token.type == "heading_open" and depth == 0 and "id" not in token.attrs:
            raw = str(token.meta["raw_text"])
            token.attrs["id"] = gfm_header_id(raw, counter, options.auto_id_prefix)


def kd_dt_ids(state: StateCore) -> None:
    """Terms of a definition list marked ``{:auto_ids}`` (or ``{:auto_ids-prefix}``) get ids."""
    tokens = state.tokens
    gfm = doc(state.env).options.gfm
    for index, token in enumerate(tokens):
        if token.type != "dl_open":
            continue
        refs = (token.meta.get("ial") or {}).get(REFS, ())
        prefix = next((m.group(1) or "" for r in refs if (m := _AUTO_IDS.match(r))), None)
        if prefix is None:
            continue
        depth = 0
        for inner in range(index, len(tokens)):
            depth += tokens[inner].nesting
            if depth == 0:
                break
            if tokens[inner].type == "dt_open" and depth == 2 and "id" not in tokens[inner].attrs:
                children = tokens[inner + 1].children or []
                raw = gfm_raw_text(children) if gfm else text_only(children)
                tokens[inner].attrs["id"] = f"{prefix}{basic_auto_id(raw)}".lstrip()
