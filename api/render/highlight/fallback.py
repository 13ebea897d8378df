"""Rouge's other languages, approximated with the Pygments lexer of the same name.

Only the languages with a lexer of their own in ``lexers/`` reproduce Rouge's tokens; for the
rest of Rouge's list Pygments finds tokens of the same kinds (Rouge's class names are
Pygments'), merged and written as Rouge writes them. A language neither knows is plain text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pygments.lexer import Lexer as PygmentsLexer
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES, Text, Whitespace, _TokenType
from pygments.util import ClassNotFound

from .engine import Emit, Lexer


@lru_cache(maxsize=64)
def pygments_lexer(names: tuple[str, ...]) -> PygmentsLexer | None:
    for name in names:
        try:
            return get_lexer_by_name(name, stripnl=False, ensurenl=False, stripall=False)
        except ClassNotFound:
            continue
    return None


@lru_cache(maxsize=512)
def short_name(kind: _TokenType) -> str:
    """Rouge's class for a Pygments token (its own, or its nearest parent's); plain text and
    white space are plain."""
    while kind not in STANDARD_TYPES and kind.parent is not None:
        kind = kind.parent
    if kind is Whitespace or kind is Text:
        return ""
    return STANDARD_TYPES.get(kind, "")


class Approximate(Lexer):
    """A Rouge language lexed by Pygments; ``whitespace`` is the class of its white space."""

    def __init__(
        self, lexer: PygmentsLexer, whitespace: str = "", options: dict[str, Any] | None = None
    ) -> None:
        super().__init__(options)
        self.lexer = lexer
        self.whitespace = whitespace

    def continue_lex(self, text: str, emit: Emit) -> None:
        for _, kind, value in self.lexer.get_tokens_unprocessed(text):
            emit(self.whitespace if kind is Whitespace else short_name(kind), value)
