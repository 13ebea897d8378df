"""What rendering one page produces."""

from __future__ import annotations

from dataclasses import dataclass

from api.content.diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class TocEntry:
    level: int
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """The body of a page as Jekyll would output it, and what is derived from it.

    ``html`` is the fragment before any layout. ``excerpt`` is Jekyll's excerpt as HTML
    (the first paragraph, or the text before ``excerpt_separator``), or None when the
    body is empty. ``plaintext`` is the visible text of ``html``.
    """

    html: str
    excerpt: str | None
    plaintext: str
    toc: tuple[TocEntry, ...]
    word_count: int
    reading_time_minutes: int
    diagnostics: tuple[Diagnostic, ...] = ()
