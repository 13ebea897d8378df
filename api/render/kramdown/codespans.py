"""Finding code spans in a line of text, as kramdown's codespan parser does.

Shared by the span rule and by table rows, whose cells must not be split at a ``|`` inside
a code span.
"""

from __future__ import annotations

import re

from . import patterns as p

_BACKTICKS = re.compile(r"`+")
_SPACE = re.compile(p.SP)


def codespan_at(text: str, pos: int) -> tuple[str, int, str] | None:
    """The code span starting at ``pos`` (a backtick): (value, end, delimiter), or None.

    None means the backticks are literal text.
    """
    run = _BACKTICKS.match(text, pos)
    if run is None:
        return None
    delimiter = run.group(0)
    after = run.end()
    simple = len(delimiter) == 1
    if simple and (pos == 0 or _SPACE.match(text, pos - 1)) and _SPACE.match(text, after):
        return None
    close = text.find(delimiter, after)
    if close < 0:
        return None
    value = text[after:close]
    if not simple:
        if value.startswith(" "):
            value = value[1:]
        if value.endswith(" "):
            value = value[:-1]
    return value, close + len(delimiter), delimiter


def split_codespans(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is_code, value) pieces."""
    pieces: list[tuple[bool, str]] = []
    plain: list[str] = []
    pos = 0
    while pos < len(text):
        tick = text.find("`", pos)
        if tick < 0:
            plain.append(text[pos:])
            break
        plain.append(text[pos:tick])
        found = codespan_at(text, tick)
        if found is None:
            run = _BACKTICKS.match(text, tick)
            assert run is not None
            plain.append(run.group(0))
            pos = run.end()
            continue
        if plain:
            pieces.append((False, "".join(plain)))
            plain = []
        pieces.append((True, found[0]))
        pos = found[1]
    if plain and "".join(plain):
        pieces.append((False, "".join(plain)))
    return pieces
