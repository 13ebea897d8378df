"""kramdown's HTML for span-level tokens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .attributes import apply_ial
from .document import doc
from .entities import code_point
from .escape import escape_all, escape_text, html_attributes
from .highlight import highlight_span
from .render_base import LANGUAGE, BaseRenderer, add_highlighter_class, attrs_of, render_state

_TYPOGRAPHIC = {
    "mdash": "\u2014",
    "ndash": "\u2013",
    "hellip": "\u2026",
    "laquo": "\u00ab",
    "raquo": "\u00bb",
    "laquo_space": "\u00ab\u00a0",
    "raquo_space": "\u00a0\u00bb",
}
_QUOTE_INDEX = {"lsquo": 0, "rsquo": 1, "ldquo": 2, "rdquo": 3}


class SpanRenderer(BaseRenderer):
    def text(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return escape_text(tokens[idx].content)

    def _span_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        return f"<{token.tag}{attrs_of(token)}>"

    def _span_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f"</{tokens[idx].tag}>"

    em_open = strong_open = link_open = _span_open
    em_close = strong_close = link_close = _span_close

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return f"<img{attrs_of(tokens[idx])} />"

    def hardbreak(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return "<br />"

    def code_inline(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        kd = self.options(env)
        attrs: dict[str, Any] = dict(token.attrs)
        match = LANGUAGE.search(str(attrs.get("class", "")))
        lang = match.group(1) if match else None
        used = lang or kd.default_lang
        body = None
        if kd.syntax_highlighter == "rouge" and not kd.highlighter_disabled and used:
            body = highlight_span(token.content, used, kd)
        if body is None:
            body = escape_all(token.content)
        else:
            add_highlighter_class(attrs, lang or kd.default_lang)
        return f"<code{html_attributes(attrs)}>{body}</code>"

    def kd_entity(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        meta = tokens[idx].meta
        return self.entity(int(meta["code"]), meta.get("original"), env)

    def kd_smart_quote(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        choice = self.options(env).smart_quotes[_QUOTE_INDEX[tokens[idx].meta["kind"]]]
        code = choice if isinstance(choice, int) else code_point(choice)
        return self.entity(code if code is not None else 63, None, env)

    def kd_typographic(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        kind = tokens[idx].meta["kind"]
        custom = self.options(env).typographic_symbols.get(kind)
        if custom is not None:
            return escape_text(custom)
        if self.options(env).entity_output == "as_char":
            return _TYPOGRAPHIC[kind]
        return "".join(self.entity(ord(c), None, env) for c in _TYPOGRAPHIC[kind])

    def math_inline(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        attrs = dict(token.attrs)
        if self.options(env).math_engine == "mathjax" and not attrs:
            return f"\\({escape_all(token.content)}\\)"
        if self.options(env).math_engine != "mathjax":
            attrs["class"] = f"{attrs.get('class', '')} kdmath".lstrip()
        # kramdown writes the formula unescaped here (only the plain MathJax form escapes it).
        return f"<span{html_attributes(attrs)}>${token.content}$</span>"

    def abbr(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        document = doc(env)
        eob = document.abbrev_eobs.get(token.content)
        attrs: dict[str, Any] = {}
        if eob is not None and eob.ial:
            apply_ial(attrs, eob.ial, document.alds)
        title = document.abbrevs.get(token.content, "")
        if title:
            attrs["title"] = title
        return f"<abbr{html_attributes(attrs)}>{escape_text(token.content)}</abbr>"

    def footnote_ref(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        kd = self.options(env)
        state = render_state(env)
        key = tokens[idx].meta["name"]
        name = kd.footnote_prefix + key
        repeat = ""
        if key in state.footnote_repeats:
            state.footnote_repeats[key] += 1
            repeat = f":{state.footnote_repeats[key]}"
            number = kd.footnote_nr + state.footnotes.index(key)
        else:
            state.footnote_repeats[key] = 0
            state.footnotes.append(key)
            number = kd.footnote_nr + len(state.footnotes) - 1
        return (
            f'<sup id="fnref:{name}{repeat}" role="doc-noteref">'
            f'<a href="#fn:{name}" class="footnote" rel="footnote">{number}</a></sup>'
        )
