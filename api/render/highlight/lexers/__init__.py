"""Lexers that reproduce Rouge's, one module per language family."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..engine import Lexer
from .console import Console, Irb
from .plaintext import PlainText
from .ruby import Ruby
from .shell import Shell

LEXERS: dict[str, Callable[[dict[str, Any]], Lexer]] = {
    "plaintext": PlainText,
    "ruby": Ruby,
    "shell": Shell,
    "console": Console,
    "irb": Irb,
}
