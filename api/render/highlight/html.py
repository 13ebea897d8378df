"""Rouge's HTML formatter: a ``<span class="x">`` per token, plain text bare.

Adjacent tokens of the same class are one span (Rouge's lexers merge them), and only ``&``,
``<`` and ``>`` are escaped.
"""

from __future__ import annotations

from .engine import Token

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


class TokenList:
    """Collects a lex's tokens, merging neighbours of the same class as Rouge does."""

    __slots__ = ("kinds", "values")

    def __init__(self) -> None:
        self.kinds: list[Token] = []
        self.values: list[list[str]] = []

    def __call__(self, kind: Token, value: str) -> None:
        if not value:
            return
        if self.kinds and self.kinds[-1] == kind:
            self.values[-1].append(value)
        else:
            self.kinds.append(kind)
            self.values.append([value])

    def pairs(self) -> list[tuple[Token, str]]:
        return [(kind, "".join(parts)) for kind, parts in zip(self.kinds, self.values, strict=True)]

    def text(self) -> str:
        return "".join("".join(parts) for parts in self.values)


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def format_html(tokens: TokenList) -> str:
    out: list[str] = []
    for kind, parts in zip(tokens.kinds, tokens.values, strict=True):
        value = "".join(parts).translate(_ESCAPES)
        out.append(f'<span class="{kind}">{value}</span>' if kind else value)
    return "".join(out)
