"""Syntax highlighting as kramdown's Rouge integration does it (``api.render.highlight``).

kramdown asks Rouge for the lexer named by the code's language (case-sensitive, with
``?options``); a language Rouge lacks is not highlighted, and plain text counts as
highlighted only with ``guess_lang`` (which Jekyll turns on).
"""

from __future__ import annotations

from ..highlight import highlight as rouge_highlight


def highlight(code: str, lang: str, guess_lang: bool = True) -> str | None:
    """The code's highlighted HTML (no wrapper), or None when kramdown would not highlight it."""
    found = rouge_highlight(code, lang)
    if found is None:
        return None
    html, tag = found
    if tag == "plaintext" and not guess_lang:
        return None
    return html
