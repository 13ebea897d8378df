"""The renderer the service calls: one per content snapshot, one ``render`` per page.

A page is rendered as Jekyll renders a document: Liquid first (``page.*``, ``site.*``,
Jekyll's tags and filters), then kramdown with the site's ``kramdown:`` options. What the
API shows beside the HTML (excerpt, plain text, table of contents, word count, reading
time) is derived here too. ``render`` never raises: every problem becomes a diagnostic.
"""

from __future__ import annotations

import logging
from html import escape
from typing import Any

from markdown_it.token import Token

from ..content.diagnostics import Diagnostic, error
from . import derived
from .context import PageContext, SiteContext
from .kramdown import KdDoc, KramdownOptions, create_markdown, render_markdown
from .kramdown.html import renderer_of
from .kramdown.inlinestate import KdInlineState, parse_spans
from .liquid.engine import LiquidEngine
from .result import RenderedPage, TocEntry

LOG = logging.getLogger(__name__)
_SMARTIFY_RULES = ("span_html", "smart_quotes", "html_entity", "typographic_syms")


class Renderer:
    """Renders pages of one site; safe to share between threads."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        self.options = KramdownOptions.from_config(_kramdown_config(site))
        self._md = create_markdown(self.options)
        self._liquid = LiquidEngine(site, self.markdownify, self.smartify)
        separator = site.config.get("excerpt_separator", "\n\n")
        self._separator = separator if isinstance(separator, str) else "\n\n"

    @property
    def liquid(self) -> LiquidEngine:
        """The site's Liquid engine (``render(body, page, source_path)``)."""
        return self._liquid

    def markdownify(self, text: str) -> str:
        """kramdown's HTML for a snippet (Liquid's ``markdownify`` filter)."""
        return render_markdown(self._md, text)

    def smartify(self, text: str) -> str:
        """Smart quotes and typographic symbols only (Liquid's ``smartify`` filter)."""
        env: dict[str, Any] = {"kd": KdDoc(self.options)}
        tokens: list[Token] = []
        state = KdInlineState(text, self._md, env, tokens, {"tree": "p"})
        parse_spans(state, names=_SMARTIFY_RULES)
        state.flush()
        return renderer_of(self._md).renderInline(tokens, self._md.options, env)

    def render(self, page: PageContext) -> RenderedPage:
        try:
            return self._render(page)
        except Exception as exc:  # a renderer bug must not become a 500
            LOG.exception("rendering %s failed", page.source_path)
            message = f"the page could not be rendered ({type(exc).__name__}); shown as text"
            fallback = f"<pre>{escape(page.body)}</pre>\n"
            text = page.body.strip()
            words = derived.word_count(text)
            return RenderedPage(
                html=fallback,
                excerpt=None,
                plaintext=text,
                toc=(),
                word_count=words,
                reading_time_minutes=derived.reading_time_minutes(words),
                diagnostics=(error(page.source_path, "render-failed", message),),
            )

    def _render(self, page: PageContext) -> RenderedPage:
        diagnostics: list[Diagnostic] = []
        body = page.body
        if page.render_liquid:
            body, found = self._liquid.render(body, page.page, page.source_path, page.body_line)
            diagnostics.extend(found)
        toc: tuple[TocEntry, ...] = ()
        if page.markdown:
            env: dict[str, Any] = {}
            html = render_markdown(self._md, body, env)
            document: KdDoc = env["kd"]
            toc = tuple(
                TocEntry(item.level, item.id, self._toc_text(item.tokens, env))
                for item in document.toc
            )
        else:
            html = body
        text = derived.plaintext(html)
        words = derived.word_count(text)
        return RenderedPage(
            html=html,
            excerpt=self._excerpt(page, html),
            plaintext=text,
            toc=toc,
            word_count=words,
            reading_time_minutes=derived.reading_time_minutes(words),
            diagnostics=tuple(diagnostics),
        )

    def _toc_text(self, tokens: list[Token], env: dict[str, Any]) -> str:
        shown = [t for t in tokens if t.type != "footnote_ref"]
        html = renderer_of(self._md).renderInline(shown, self._md.options, env)
        return derived.plaintext(html)

    def _excerpt(self, page: PageContext, html: str) -> str | None:
        separator = page.page.get("excerpt_separator", self._separator)
        source = derived.excerpt_source(
            page.body, separator if isinstance(separator, str) else self._separator
        )
        if source is None:
            return None
        if source.strip() == page.body.strip():
            return html  # the excerpt is the whole page: do not render it twice
        if page.render_liquid:
            # Problems in the excerpt's Liquid were already reported for the whole body.
            source, _ = self._liquid.render(source, page.page, page.source_path, page.body_line)
        return render_markdown(self._md, source) if page.markdown else source


def _kramdown_config(site: SiteContext) -> dict[str, Any]:
    """The ``kramdown:`` mapping as Jekyll hands it over: the site-wide ``highlighter``
    setting stands in for ``syntax_highlighter`` when that is not set."""
    options = dict(site.kramdown)
    if "syntax_highlighter" not in options and site.config.get("highlighter") is not None:
        highlighter = site.config["highlighter"]
        options["syntax_highlighter"] = highlighter if highlighter == "rouge" else None
    return options
