"""Where python-liquid reads a template differently from Ruby's Liquid, which Jekyll runs.

python-liquid tokenizes a Liquid keyword as that keyword even right after a ``.``, so
``{{ locale.continue }}`` or ``{{ item.limit }}`` are syntax errors there, where Ruby's
Liquid reads them as the properties ``continue`` and ``limit``. The expression tokenizer is
wrapped so that a word after a ``.`` is always a property name. Installed once, on import.
"""

from __future__ import annotations

from collections.abc import Iterator

from liquid import stream as _stream
from liquid.builtin import output as _output
from liquid.builtin.expressions import tokenize as _tokenize
from liquid.token import TOKEN_DOT, TOKEN_WORD, Token


def tokenize(source: str, parent_token: Token) -> Iterator[Token]:
    """python-liquid's expression tokens, with keywords after a ``.`` read as words."""
    previous = None
    for token in _tokenize(source, parent_token):
        if previous == TOKEN_DOT and token.kind == token.value and token.value.isidentifier():
            token = token._replace(kind=TOKEN_WORD)
        previous = token.kind
        yield token


def install() -> None:
    _stream.tokenize = tokenize  # type: ignore[attr-defined]
    _output.tokenize = tokenize  # type: ignore[attr-defined]


install()
