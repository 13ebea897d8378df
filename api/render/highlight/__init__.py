"""Code highlighting as Rouge 3.30 does it, written as Rouge's HTML formatter writes it.

:func:`find` looks a language up as Rouge's ``Lexer.find_fancy`` does (case-sensitive names
and aliases, ``lang?option=value``); :func:`highlight` lexes and formats. The text of the HTML
is always the input: output that would not keep it is replaced by the escaped input.
"""

from __future__ import annotations

from .registry import Found, find
from .render import highlight, plain

__all__ = ["Found", "find", "highlight", "plain"]
