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


def line_table(
    code: str,
    body: str,
    start: int = 1,
    line_format: str = "%i",
    table_class: str = "rouge-table",
    gutter_class: str = "rouge-gutter",
    code_class: str = "rouge-code",
) -> str:
    """Rouge's ``HTMLTable``: line numbers in a gutter beside the formatted ``body`` of
    ``code`` (a last line without a newline counts, and gets one)."""
    lines = code.count("\n")
    if not code.endswith("\n"):
        lines += 1
        body += "\n"
    numbers = "\n".join(_number(line_format, n) for n in range(start, start + lines)) + "\n"
    return (
        f'<table class="{table_class}"><tbody><tr><td class="{gutter_class} gl">'
        f'<pre class="lineno">{numbers}</pre></td><td class="{code_class}"><pre>{body}</pre>'
        "</td></tr></tbody></table>"
    )


def _number(line_format: str, number: int) -> str:
    try:
        return line_format % number
    except (TypeError, ValueError):
        return str(number)
