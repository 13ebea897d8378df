"""Rouge's plain text: the whole input as one token (plain text unless ``?token=`` says)."""

from __future__ import annotations

from typing import Any

from ..engine import Emit, Lexer


class PlainText(Lexer):
    def __init__(self, options: dict[str, Any] | None = None, token: str = "") -> None:
        super().__init__(options)
        self.token = token

    def continue_lex(self, text: str, emit: Emit) -> None:
        emit(self.token, text)
