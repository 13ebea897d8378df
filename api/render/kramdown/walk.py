"""Walking a token stream the way kramdown walks its tree."""

from __future__ import annotations

from collections.abc import Iterator

from markdown_it.token import Token


def inline_tokens(tokens: list[Token], skip_html: bool = False) -> Iterator[Token]:
    """Every ``inline`` token, in document order; optionally not those inside HTML elements."""
    depth = 0
    for token in tokens:
        if skip_html and token.type == "kd_html_open":
            depth += 1
        elif skip_html and token.type == "kd_html_close":
            depth -= 1
        elif token.type == "inline" and depth == 0:
            yield token


def matching_open(tokens: list[Token], close_index: int) -> int:
    depth = 0
    for index in range(close_index, -1, -1):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return close_index


def raw_model_children(children: list[Token]) -> list[bool]:
    """For each inline child, whether it sits inside a raw HTML element (not markdown)."""
    flags: list[bool] = []
    stack: list[bool] = []
    for token in children:
        if token.type == "kd_html_open":
            stack.append(token.meta.get("model") == "raw")
            flags.append(any(stack[:-1]))
        elif token.type == "kd_html_close":
            if stack:
                stack.pop()
            flags.append(any(stack))
        else:
            flags.append(any(stack))
    return flags
