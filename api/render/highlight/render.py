"""Lexing and formatting one block of code."""

from __future__ import annotations

from .html import TokenList, escape, format_html
from .registry import find


def plain(code: str) -> str:
    """Code as Rouge's plain text lexer writes it: escaped, no spans."""
    return escape(code)


def highlight(code: str, name: str | None) -> tuple[str, str] | None:
    """The code's HTML and the language's Rouge tag, or None for a language Rouge lacks."""
    found = find(name, code)
    if found is None:
        return None
    if found.tag == "plaintext" and not found.options:
        return plain(code), found.tag
    tokens = TokenList()
    found.lexer().lex(code, tokens)
    if tokens.text() != code:
        # A lexer that loses or invents text is a bug; the reader still gets every character.
        return plain(code), found.tag
    return format_html(tokens), found.tag
