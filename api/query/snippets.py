"""Snippets safe to put in ``innerHTML``: the text HTML-escaped, matches in ``<mark>``."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Protocol

ELLIPSIS = "…"
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


def snippet_html(text: str, fragment: Fragment | None) -> str:
    """``fragment`` of ``text`` as escaped HTML with its matches marked (touching matches,
    such as the characters of a Japanese word, in one mark), with an ellipsis where text
    was cut; without a fragment, the start of ``text``."""
    if fragment is None:
        cut = text[:_PLAIN_CHARS]
        return html.escape(cut) + (ELLIPSIS if len(cut) < len(text) else "")
    data = fragment.fragment().encode()
    spans = merged([(span.start, span.end) for span in fragment.highlighted()])
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts += [_escaped(data[at:start]), "<mark>", _escaped(data[start:end]), "</mark>"]
        at = end
    parts.append(_escaped(data[at:]))
    where = fragment.fragment_range()
    before = ELLIPSIS if where.start > 0 else ""
    after = ELLIPSIS if where.end < len(text.encode()) else ""
    return before + "".join(parts) + after


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, those that touch or overlap joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _escaped(data: bytes) -> str:
    return html.escape(data.decode(errors="replace"), quote=True)
