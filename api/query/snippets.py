"""Snippets safe to put in ``innerHTML``: the text HTML-escaped, matches in ``<mark>``."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from typing import Protocol

ELLIPSIS = "…"
_ZWSP = "\u200b"  # what the index sets between characters of unspaced scripts
_PLAIN_CHARS = 120


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Fragment(Protocol):
    """What the engine's snippet generator gives: a fragment of the text, its byte range
    in the text, and the byte ranges of the matches in the fragment."""

    def fragment(self) -> str: ...
    def fragment_range(self) -> Span: ...
    def highlighted(self) -> Sequence[Span]: ...


def snippet_html(
    text: str, fragment: Fragment | None, marks: Sequence[tuple[int, int]] | None = None
) -> str:
    """``fragment`` of ``text`` as escaped HTML with its matches marked (touching matches,
    such as the characters of a Japanese word, in one mark), with an ellipsis where text
    was cut; without a fragment, the start of ``text``. ``marks`` (byte ranges in the
    fragment) replace the fragment's own."""
    if fragment is None:
        cut = text[:_PLAIN_CHARS]
        return _escaped(cut.encode()) + (ELLIPSIS if len(cut) < len(text) else "")
    data = fragment.fragment().encode()
    if marks is None:
        marks = [(span.start, span.end) for span in fragment.highlighted()]
    spans = merged(list(marks), data)
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts += [_escaped(data[at:start]), "<mark>", _escaped(data[start:end]), "</mark>"]
        at = end
    parts.append(_escaped(data[at:]))
    where = fragment.fragment_range()
    whole = text.encode()
    before = ELLIPSIS if _has_word(whole[: where.start]) else ""
    after = ELLIPSIS if _has_word(whole[where.end :]) else ""
    return before + "".join(parts) + after


def _has_word(cut: bytes) -> bool:
    """Whether text left out of a fragment has anything in it but spaces and punctuation."""
    return any(char.isalnum() for char in cut.decode(errors="replace"))


def merged(spans: list[tuple[int, int]], data: bytes) -> list[tuple[int, int]]:
    """Sorted spans of ``data``, those that overlap or touch (with nothing between them but
    zero-width spaces and marks) joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and (start <= joined[-1][1] or _between(data[joined[-1][1] : start])):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _between(gap: bytes) -> bool:
    text = gap.decode(errors="replace")
    return all(char == _ZWSP or unicodedata.category(char).startswith("M") for char in text)


def _escaped(data: bytes) -> str:
    text = data.decode(errors="replace").replace(_ZWSP, "")
    return html.escape(text, quote=True)
