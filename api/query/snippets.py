"""Snippets safe to put in ``innerHTML``: the text HTML-escaped, matches in ``<mark>``."""

from __future__ import annotations

import html
import re

OPEN = "\x02"  # FTS5 puts these around matches; indexed text never holds control characters
CLOSE = "\x03"
ELLIPSIS = "…"


def marked(snippet: str) -> str:
    """An FTS5 snippet with OPEN/CLOSE markers as escaped HTML with ``<mark>``."""
    escaped = html.escape(snippet, quote=True)
    return escaped.replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


def has_match(snippet: str) -> bool:
    return OPEN in snippet


def scan_snippet(text: str, terms: tuple[str, ...], width: int = 64) -> str:
    """A snippet around the first occurrence of any term (ignoring ASCII case, as SQLite's
    ``lower`` does), every occurrence in it marked; the text's start when none occurs."""
    if not text:
        return ""
    folded = _ascii_lower(text)  # the same length as ``text``, so offsets carry over
    needles = sorted({_ascii_lower(term) for term in terms if term}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, needles))) if needles else None
    first = pattern.search(folded) if pattern is not None else None
    start = 0 if first is None else max(0, first.start() - width // 3)
    end = min(len(text), start + width)
    parts: list[str] = [ELLIPSIS] if start > 0 else []
    at = start
    if pattern is not None:
        for match in pattern.finditer(folded, start, end):
            parts += [html.escape(text[at : match.start()]), "<mark>"]
            parts += [html.escape(text[match.start() : match.end()]), "</mark>"]
            at = match.end()
    parts.append(html.escape(text[at:end]))
    if end < len(text):
        parts.append(ELLIPSIS)
    return "".join(parts)


def _ascii_lower(text: str) -> str:
    if text.isascii():
        return text.lower()
    return "".join(char.lower() if char.isascii() else char for char in text)
