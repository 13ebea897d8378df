"""Abbreviations: every occurrence of a defined abbreviation, as a whole word, in text
outside raw HTML becomes an ``abbr`` token."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..document import doc
from ..walk import raw_model_children


def _patterns(abbrevs: dict[str, str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    keys = sorted(abbrevs, key=len, reverse=True)
    union = "|".join(re.escape(key) for key in keys)
    return (
        re.compile(union),
        re.compile(rf"(?=(?:[^A-Za-z0-9_]|^)(?:{union})(?![A-Za-z0-9_]))", re.M),
    )


def _split(text: str, first: re.Pattern[str], boundary: re.Pattern[str]) -> list[Token] | None:
    if not first.search(text):
        return None
    result: list[Token] = []
    pos = 0
    while (found := boundary.search(text, pos)) is not None:
        before = text[pos : found.start()]
        pos = found.start()
        abbr = first.match(text, pos)
        if abbr is None:
            before += text[pos] if pos < len(text) else ""
            pos += 1
            abbr = first.match(text, pos)
            if abbr is None:
                continue
        pos = abbr.end()
        if before:
            result.append(_text(before))
        token = Token("abbr", "abbr", 0)
        token.content = abbr.group(0)
        result.append(token)
    if pos < len(text):
        result.append(_text(text[pos:]))
    return result


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def replace_abbreviations(tokens: list[Token], abbrevs: dict[str, str]) -> None:
    first, boundary = _patterns(abbrevs)
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        children: list[Token] = []
        for child, raw in zip(token.children, raw_model_children(token.children), strict=True):
            pieces = None if raw or child.type != "text" else _split(child.content, first, boundary)
            children.extend(pieces if pieces is not None else [child])
        token.children = children


def kd_abbreviations(state: StateCore) -> None:
    document = doc(state.env)
    if not document.abbrevs:
        return
    replace_abbreviations(state.tokens, document.abbrevs)
    for footnote in document.footnotes.values():
        replace_abbreviations(footnote.tokens, document.abbrevs)
