"""kramdown, as Jekyll 4.3 configures it, as a markdown-it-py dialect.

``create_markdown(options)`` builds a ``MarkdownIt`` whose block and span rules are ports of
kramdown's (and kramdown-parser-gfm's) parsers, one rule per module, and whose renderer
writes kramdown's HTML. ``render_markdown`` runs it on one document.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt

from .blocks.abbrev_definition import abbrev_definition
from .blocks.atx_header import make_atx_header
from .blocks.blank_line import blank_line
from .blocks.block_extensions import block_extensions
from .blocks.block_math import block_math
from .blocks.blockquote import blockquote
from .blocks.codeblock import codeblock
from .blocks.definition_list import definition_list
from .blocks.eob_marker import eob_marker
from .blocks.fenced_code import make_fenced_code
from .blocks.footnote_definition import footnote_definition
from .blocks.horizontal_rule import horizontal_rule
from .blocks.html_block import block_html
from .blocks.link_definition import link_definition
from .blocks.lists import make_list
from .blocks.paragraph import make_paragraph
from .blocks.setext_header import setext_header
from .blocks.table import table
from .blockstate import KdParserBlock
from .document import KdDoc
from .finish import finish
from .html import KramdownRenderer
from .inlinestate import KdParserInline
from .options import KramdownOptions
from .post.abbreviations import kd_abbreviations
from .post.gfm_breaks import kd_gfm_breaks
from .post.headers import kd_dt_ids, kd_header_ids
from .post.ial import kd_ial
from .post.inline import kd_inline
from .post.placeholders import kd_placeholders
from .post.setup import make_setup
from .post.standalone import kd_standalone
from .spans import (
    autolink,
    codespan,
    emphasis,
    footnote_marker,
    html_entity,
    inline_math,
    line_break,
    link,
    smart_quotes,
    span_extensions,
    span_html,
    strikethrough,
    typographic_syms,
)
from .spans.escaped_chars import SPAN_START as ESCAPE_START
from .spans.escaped_chars import make_escaped_chars

__all__ = ["KdDoc", "KramdownOptions", "create_markdown", "kramdown_plugin", "render_markdown"]


def kramdown_plugin(md: MarkdownIt, options: KramdownOptions) -> None:
    """Turn ``md`` into a kramdown parser and renderer configured by ``options``."""
    md.block = KdParserBlock()
    md.inline = inline = KdParserInline()
    md.renderer = KramdownRenderer(md)

    block_rules = [
        ("blank_line", blank_line),
        ("codeblock", codeblock),
        ("codeblock_fenced", make_fenced_code(options)),
        ("blockquote", blockquote),
        ("atx_header", make_atx_header(options)),
        ("horizontal_rule", horizontal_rule),
        ("list", make_list(options)),
        ("definition_list", definition_list),
        ("block_html", block_html),
        ("setext_header", setext_header),
        ("block_math", block_math),
        ("table", table),
        ("footnote_definition", footnote_definition),
        ("link_definition", link_definition),
        ("abbrev_definition", abbrev_definition),
        ("block_extensions", block_extensions),
        ("eob_marker", eob_marker),
        ("paragraph", make_paragraph(options)),
    ]
    md.block.ruler.__rules__.clear()
    for name, rule in block_rules:
        md.block.ruler.push(name, rule)

    escaped, escaped_start = make_escaped_chars(options)
    span_rules: list[tuple[str, Any, Any, str]] = [
        ("emphasis", emphasis.emphasis, emphasis.EMPHASIS_START, emphasis.SPAN_START),
        ("codespan", codespan.codespan, codespan.CODESPAN_DELIMITER, codespan.SPAN_START),
        ("autolink", autolink.autolink, _start("<"), autolink.SPAN_START),
        ("span_html", span_html.span_html, _start("<"), span_html.SPAN_START),
        (
            "footnote_marker",
            footnote_marker.footnote_marker,
            footnote_marker.FOOTNOTE_MARKER_START,
            footnote_marker.SPAN_START,
        ),
        ("link", link.link, link.LINK_START, link.SPAN_START),
        (
            "smart_quotes",
            smart_quotes.smart_quotes,
            smart_quotes.SMART_QUOTES_RE,
            smart_quotes.SPAN_START,
        ),
        ("inline_math", inline_math.inline_math, inline_math.START, inline_math.SPAN_START),
        (
            "span_extensions",
            span_extensions.span_extensions,
            span_extensions.SPAN_EXTENSIONS_START,
            span_extensions.SPAN_START,
        ),
        ("html_entity", html_entity.html_entity, _start("&"), html_entity.SPAN_START),
        (
            "typographic_syms",
            typographic_syms.typographic_syms,
            typographic_syms.TYPOGRAPHIC_SYMS_RE,
            typographic_syms.SPAN_START,
        ),
        ("line_break", line_break.line_break, line_break.LINE_BREAK, line_break.SPAN_START),
        ("escaped_chars", escaped, escaped_start, ESCAPE_START),
    ]
    if options.gfm:
        if options.hard_wrap:
            span_rules = [rule for rule in span_rules if rule[0] != "line_break"]
        if "no_auto_typographic" in options.gfm_quirks:
            span_rules = [rule for rule in span_rules if rule[0] != "typographic_syms"]
        span_rules.append(
            (
                "strikethrough",
                strikethrough.strikethrough,
                _start("~~"),
                strikethrough.SPAN_START,
            )
        )
    for name, rule, start, span_start in span_rules:
        inline.add_rule(name, rule, start, span_start)

    core = md.core.ruler
    core.__rules__.clear()
    core.push("kd_setup", make_setup(options))
    core.push("block", _block)
    core.push("kd_inline", kd_inline)
    core.push("kd_ial", kd_ial)
    core.push("kd_header_ids", kd_header_ids)
    core.push("kd_dt_ids", kd_dt_ids)
    core.push("kd_standalone", kd_standalone)
    core.push("kd_abbreviations", kd_abbreviations)
    if options.gfm:
        core.push("kd_gfm_breaks", kd_gfm_breaks)
    core.push("kd_placeholders", kd_placeholders)
    # Compile the rule chains now: a MarkdownIt shared by threads must not build them lazily.
    for ruler in (md.core.ruler, md.block.ruler, md.inline.ruler):
        ruler.__cache__ = None
        ruler.getRules("")
    inline.plan(None, None)


def _start(prefix: str) -> re.Pattern[str]:
    """A cheap start pattern; the rule itself checks the full syntax."""
    return re.compile(re.escape(prefix))


def _block(state: Any) -> None:
    state.md.block.parse(state.src, state.md, state.env, state.tokens)


def create_markdown(options: KramdownOptions | None = None) -> MarkdownIt:
    md = MarkdownIt("commonmark")
    kramdown_plugin(md, options or KramdownOptions())
    return md


def render_markdown(md: MarkdownIt, text: str, env: dict[str, Any] | None = None) -> str:
    """kramdown's HTML for ``text``; ``env`` receives the parse data (``env["kd"]``)."""
    env = {} if env is None else env
    tokens = md.parse(text, env)
    html = md.renderer.render(tokens, md.options, env)
    return finish(md, html, env)
