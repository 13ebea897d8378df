"""HTML output as kramdown's converter writes it, for the dialect's tokens.

Indentation is not reproduced (it is insignificant in HTML); elements, attributes, text and
entities are. Footnotes, the ``{:toc}`` list and converter-made header ids are produced
while rendering because kramdown makes them while converting, in document order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from . import patterns as p
from .document import TocItem, doc
from .escape import escape_all, escape_text, html_attributes
from .highlight import highlight_block
from .ids import kramdown_auto_id
from .render_base import (
    PLACEHOLDER,
    RenderState,
    add_highlighter_class,
    attrs_of,
    extract_language,
    render_state,
)
from .render_spans import SpanRenderer

__all__ = ["PLACEHOLDER", "KramdownRenderer", "RenderState", "render_state", "renderer_of"]

_NO_TOC = re.compile(r"\bno_toc\b")


def renderer_of(md: MarkdownIt) -> KramdownRenderer:
    renderer = md.renderer
    if not isinstance(renderer, KramdownRenderer):
        raise TypeError("the markdown instance is not the kramdown dialect")
    return renderer


class KramdownRenderer(SpanRenderer):
    """markdown-it's HTML renderer with kramdown's output for every token type."""

    def paragraph_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        return "" if token.hidden else f"<p{attrs_of(token)}>"

    def paragraph_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return "" if tokens[idx].hidden else "</p>\n"

    def heading_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        kd = self.options(env)
        attrs = dict(token.attrs)
        if kd.auto_ids and "id" not in attrs:
            raw = str(token.meta.get("raw_text", ""))
            attrs["id"] = kramdown_auto_id(
                raw, render_state(env).used_ids, kd.auto_id_prefix, kd.transliterated_header_ids
            )
            token.attrs["id"] = attrs["id"]
        level = int(token.meta.get("level", int(token.tag[1])))
        header_id = str(attrs.get("id", ""))
        in_toc = level in kd.toc_levels and not _NO_TOC.search(str(attrs.get("class", "")))
        if "id" in attrs and in_toc:  # kramdown lists a header even when its id is empty
            children = tokens[idx + 1].children or []
            doc(env).toc.append(TocItem(level, header_id, children, ""))
        shown = max(min(level + kd.header_offset, 6), 1)
        tokens[idx + 2].meta["shown"] = shown
        return f"<h{shown}{html_attributes(attrs)}>"

    def heading_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f"</h{tokens[idx].meta.get('shown', tokens[idx].tag[1])}>\n"

    def hr(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return f"<hr{attrs_of(tokens[idx])} />\n"

    def _block_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        return f"<{token.tag}{attrs_of(token)}>\n"

    def _block_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f"</{tokens[idx].tag}>\n"

    blockquote_open = bullet_list_open = ordered_list_open = dl_open = _block_open
    blockquote_close = bullet_list_close = ordered_list_close = dl_close = _block_close
    table_open = thead_open = tbody_open = tfoot_open = tr_open = _block_open
    table_close = thead_close = tbody_close = tfoot_close = tr_close = _block_close

    def _item_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        return f"<{token.tag}{attrs_of(token)}>"

    list_item_open = dt_open = dd_open = _item_open
    list_item_close = dt_close = dd_close = _block_close

    def _cell_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        empty = "\u00a0" if token.meta.get("empty") else ""
        return f"<{token.tag}{attrs_of(token)}>{empty}"

    th_open = td_open = _cell_open
    th_close = td_close = _block_close

    def code_block(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        attrs: dict[str, Any] = dict(token.attrs)
        lang = extract_language(attrs)
        return self._codeblock(token.content, token.info or lang, lang, attrs, env)

    fence = code_block

    def _codeblock(
        self, code: str, wanted: str | None, lang: str | None, attrs: dict[str, Any], env: EnvType
    ) -> str:
        kd = self.options(env)
        used = wanted or kd.default_lang
        highlighted = None
        if kd.syntax_highlighter == "rouge" and not kd.highlighter_disabled and used:
            highlighted = highlight_block(code, used, kd)
        if highlighted is not None:
            add_highlighter_class(attrs, lang or kd.default_lang)
            return f"<div{html_attributes(attrs)}>{highlighted}</div>\n"
        code_attrs = {"class": f"language-{lang}"} if lang else {}
        body = escape_all(code).removesuffix("\n")
        code = f"<code{html_attributes(code_attrs)}>{body}\n</code>"
        return f"<pre{html_attributes(attrs)}>{code}</pre>\n"

    def math_block(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        attrs = dict(token.attrs)
        if self.options(env).math_engine == "mathjax":
            body = f"\\[{escape_all(token.content)}\\]\n"
            return f"<div{html_attributes(attrs)}>{body}</div>\n" if attrs else body
        attrs["class"] = f"{attrs.get('class', '')} kdmath".lstrip()
        return f"<div{html_attributes(attrs)}>$$\n{token.content}\n$$</div>\n"

    def html_block(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return tokens[idx].content + ("" if tokens[idx].content.endswith("\n") else "\n")

    def kd_raw(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return tokens[idx].content

    def kd_raw_text(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return escape_text(tokens[idx].content)

    def kd_html_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        close = tokens[_close_index(tokens, idx)]
        start = f"<{token.tag}{attrs_of(token)}"
        empty = close.meta.get("empty", False)
        void = token.tag in p.HTML_ELEMENTS_WITHOUT_BODY
        if token.meta.get("category") == "span":
            close.meta["render"] = "" if empty and void else f"</{token.tag}>"
            return start + (" />" if empty and void else ">")
        # Inside raw HTML, nested elements are written back exactly as they were.
        newline = "" if token.meta.get("in_raw") else "\n"
        if token.meta.get("closed") and token.meta.get("model") == "raw":
            close.meta["render"] = newline
            return start + " />"
        if not empty and token.meta.get("model") == "block":
            close.meta["render"] = f"</{token.tag}>{newline}"
            return start + ">\n"
        if not empty:
            close.meta["render"] = f"</{token.tag}>{newline}"
            return start + ">"
        close.meta["render"] = newline if void else f"</{token.tag}>{newline}"
        return start + (" />" if void else ">")

    def kd_html_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return str(tokens[idx].meta.get("render", f"</{tokens[idx].tag}>"))

    def kd_figure(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        image: dict[str, Any] = token.meta["image"]
        return (
            f"<figure{attrs_of(token)}>\n<img{html_attributes(image)} />\n"
            f"<figcaption>{image.get('alt', '')}</figcaption>\n</figure>\n"
        )

    def kd_placeholder(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        render_state(env).placeholders[token.meta["kind"]] = token
        return PLACEHOLDER.format(token.meta["kind"])


def _close_index(tokens: Sequence[Token], idx: int) -> int:
    depth = 0
    for index in range(idx, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return idx
