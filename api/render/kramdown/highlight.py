"""Syntax highlighting as kramdown's Rouge integration does it (``api.render.highlight``).

kramdown asks Rouge for the lexer named by the code's language (case-sensitive, with
``?options``); a language Rouge lacks is not highlighted, and plain text counts as
highlighted only with ``guess_lang`` (which Jekyll turns on). The HTML is Rouge's legacy
formatter as kramdown configures it from ``syntax_highlighter_opts`` (with their ``block`` and
``span`` parts): blocks wrapped in ``<div class="highlight"><pre class="highlight"><code>``,
spans bare, line numbers in Rouge's table when ``line_numbers`` is set.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..highlight import highlight as rouge_highlight
from ..highlight.html import line_table
from .escape import escape_attribute
from .options import KramdownOptions


@dataclass(frozen=True, slots=True)
class Formatting:
    """Rouge's ``HTMLLegacy`` options, with kramdown's defaults."""

    wrap: bool = True
    css_class: str = "highlight"
    line_numbers: bool = False
    start_line: int = 1
    line_format: str = "%i"
    table_class: str = "rouge-table"
    gutter_class: str = "rouge-gutter"
    code_class: str = "rouge-code"


def _truthy(value: Any) -> bool:
    """Ruby's truth: everything but nil and false."""
    return value is not None and value is not False


def formatting(opts: Mapping[str, Any], kind: str) -> Formatting:
    """The formatter options for ``block`` or ``span`` code, as kramdown merges them."""
    merged = {str(key).lstrip(":"): value for key, value in opts.items()}
    specific = merged.pop(kind, None)
    merged.pop("block" if kind == "span" else "span", None)
    if isinstance(specific, Mapping):
        merged.update({str(key).lstrip(":"): value for key, value in specific.items()})
    start = merged.get("start_line", 1)
    return Formatting(
        wrap=kind == "block" and _truthy(merged.get("wrap", True)),
        css_class=str(merged.get("css_class") or "highlight"),
        line_numbers=_truthy(merged.get("line_numbers")),
        start_line=start if isinstance(start, int) and not isinstance(start, bool) else 1,
        line_format=str(merged.get("line_format", "%i")),
        table_class=str(merged.get("table_class", "rouge-table")),
        gutter_class=str(merged.get("gutter_class", "rouge-gutter")),
        code_class=str(merged.get("code_class", "rouge-code")),
    )


def highlight(code: str, lang: str, guess_lang: bool = True) -> str | None:
    """The code's highlighted tokens (no wrapper), or None when kramdown would not
    highlight it."""
    found = rouge_highlight(code, lang)
    if found is None:
        return None
    html, tag = found
    if tag == "plaintext" and not guess_lang:
        return None
    return html


def _format(code: str, body: str, form: Formatting) -> str:
    if form.line_numbers:
        body = line_table(
            code,
            body,
            form.start_line,
            form.line_format,
            escape_attribute(form.table_class),
            escape_attribute(form.gutter_class),
            escape_attribute(form.code_class),
        )
    if form.wrap:
        css = escape_attribute(form.css_class)
        body = f'<div class="highlight"><pre class="{css}"><code>{body}</code></pre></div>'
    return body


def highlight_block(code: str, lang: str, options: KramdownOptions) -> str | None:
    """A code block's HTML inside kramdown's language ``<div>``, or None (not highlighted)."""
    body = highlight(code, lang, options.guess_lang)
    return None if body is None else _format(code, body, _block(options))


def highlight_span(code: str, lang: str, options: KramdownOptions) -> str | None:
    """A code span's HTML inside its ``<code>``, or None (not highlighted)."""
    body = highlight(code, lang, options.guess_lang)
    return None if body is None else _format(code, body, _span(options))


def _block(options: KramdownOptions) -> Formatting:
    # Read each time: a handful of dictionary look-ups next to the lexing.
    return formatting(options.highlighter_opts, "block") if options.highlighter_opts else _BLOCK


def _span(options: KramdownOptions) -> Formatting:
    return formatting(options.highlighter_opts, "span") if options.highlighter_opts else _SPAN


_BLOCK = Formatting()
_SPAN = Formatting(wrap=False)
