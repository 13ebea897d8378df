"""Span parsing of every ``inline`` token, footnote contents included."""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..document import doc
from ..inlinestate import KdParserInline


def parse_inline_tokens(state: StateCore, tokens: list[Token]) -> None:
    parser = state.md.inline
    assert isinstance(parser, KdParserInline)
    for token in tokens:
        if token.type == "inline":
            token.children = []
            parser.parse_meta(token.content, state.md, state.env, token.children, token.meta)


def kd_inline(state: StateCore) -> None:
    parse_inline_tokens(state, state.tokens)
    for footnote in doc(state.env).footnotes.values():
        parse_inline_tokens(state, footnote.tokens)
