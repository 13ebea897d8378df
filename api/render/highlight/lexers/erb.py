"""ERB: Ruby between ``<% %>`` tags, the rest lexed as the parent language (HTML unless
``erb?parent=`` names another)."""

from __future__ import annotations

from typing import Any

from ..engine import POP, Definition, Lexer, RegexLexer, rule
from ..patterns import Match
from .markup import Html
from .ruby import Ruby

OPEN = r"<%%|<%=|<%#|<%-|<%"
CLOSE = r"%%>|-%>|%>"


def _to_parent(lexer: Erb, m: Match) -> None:
    lexer.delegate(lexer.parent)


def _to_ruby(lexer: Erb, m: Match) -> None:
    lexer.delegate(lexer.ruby)


class Erb(RegexLexer):
    def __init__(self, options: dict[str, Any] | None = None) -> None:
        super().__init__(options)
        self.ruby = Ruby(self.options)
        self.parent = self._parent(self.options.pop("parent", None))

    def _parent(self, name: Any) -> Lexer:
        from ..registry import find

        if isinstance(name, list):
            name = name[-1] if name else None
        found = find(name) if isinstance(name, str) and name else None
        return found.lexer() if found else Html(self.options)

    def start(self) -> None:
        self.parent.reset()
        self.ruby.reset()

    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "root": [
                rule(r"<%#", "c", "comment"),
                rule(OPEN, "cp", "ruby"),
                rule(rf".+?(?={OPEN})|.+", _to_parent, flags="m"),
            ],
            "comment": [rule(CLOSE, "c", POP), rule(rf".+?(?={CLOSE})|.+", "c", flags="m")],
            "ruby": [rule(CLOSE, "cp", POP), rule(rf".+?(?={CLOSE})|.+", _to_ruby, flags="m")],
        }
