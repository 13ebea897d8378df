"""Rendering a page body's Liquid the way Jekyll does before converting the markdown.

Problems never raise: an unknown tag or a syntax error is reported and the offending tag is
kept as text (the rest of the body is still rendered); an include or link that cannot be
resolved is reported and its tag kept as text; an error while rendering leaves the whole
body as it was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from liquid import BoundTemplate, Environment, Mode
from liquid.builtin.loaders.dict_loader import CachingDictLoader
from liquid.exceptions import LiquidError, LiquidSyntaxError

from ...content.diagnostics import Diagnostic, error, warning
from ...content.relative_includes import relative_path
from ..context import SiteContext
from . import compat  # noqa: F401  (Ruby Liquid's reading of `a.continue`)
from .filters import jekyll_filters
from .gist import GistTag
from .includes import read_includes
from .site import SiteDrop
from .tags import JEKYLL_TAGS, RELATIVE, REPAIRED, SINK

MAX_REPAIRS = 8
MAX_DIAGNOSTICS = 20
_UNKNOWN_TAG = re.compile(r"unexpected tag '([^']+)'")


class JekyllEnvironment(Environment):
    # Jekyll's Liquid ignores unknown filters and keeps going on undefined variables.
    keyword_assignment = True


class LiquidEngine:
    def __init__(
        self,
        site: SiteContext,
        markdownify: Callable[[str], str],
        smartify: Callable[[str], str],
    ) -> None:
        self._site = site
        self._includes = read_includes(site.includes_dir)
        self.env = JekyllEnvironment(
            loader=CachingDictLoader(self._includes),
            strict_filters=False,
            tolerance=Mode.STRICT,
        )
        for tag in JEKYLL_TAGS:
            self.env.add_tag(tag)
        if "jekyll-gist" in site.plugins:
            self.env.add_tag(GistTag)
        for name, function in jekyll_filters(site.config, markdownify, smartify).items():
            self.env.add_filter(name, function)
        self.site_drop = SiteDrop(site)
        self._relative: dict[str, BoundTemplate] = {}
        self._repaired: dict[str, tuple[BoundTemplate | None, list[tuple[str, str]]]] = {}

    def _parse(self, body: str) -> tuple[BoundTemplate | None, str, list[tuple[str, str, int]]]:
        """The template of ``body``, the source it was parsed from and the problems found.

        A tag Liquid does not know, or one it cannot parse, is kept as text (``raw``) and
        parsing starts again, up to ``MAX_REPAIRS`` times; None when that does not help.
        """
        problems: list[tuple[str, str, int]] = []
        source = body
        for _ in range(MAX_REPAIRS):
            try:
                return self.env.from_string(source), source, problems
            except LiquidSyntaxError as err:
                index = err.token.start_index if err.token else -1
                unknown = _UNKNOWN_TAG.match(str(err.message))
                code = "liquid-unknown-tag" if unknown else "liquid-syntax-error"
                problems.append((code, _message(err), index))
                # Every use of an unknown tag fails the same way: keep them all as text at once.
                repaired = (
                    _keep_tag_as_text(source, unknown.group(1))
                    if unknown
                    else _keep_as_text(source, index)
                )
                if repaired is None or repaired == source:
                    return None, source, problems
                source = repaired
            except LiquidError as err:
                problems.append(("liquid-syntax-error", _message(err), -1))
                return None, source, problems
        return None, source, problems

    def repaired_include(self, name: str) -> tuple[BoundTemplate | None, list[tuple[str, str]]]:
        """An include Liquid cannot parse as it is, with its unknown or broken tags kept as
        text (as a page's own are), and what was wrong with it."""
        found = self._repaired.get(name)
        if found is None:
            text = self._includes.get(name)
            if text is None:
                found = (None, [])
            else:
                template, _, problems = self._parse(text)
                found = (
                    template,
                    [(code, _in_include(name, message)) for code, message, _ in problems],
                )
            found = self._repaired.setdefault(name, found)
        return found

    def relative_template(self, page_path: str, name: str) -> BoundTemplate | None:
        """The template of an ``include_relative`` on the page at ``page_path``."""
        path = relative_path(page_path, name)
        text = None if path is None else self._site.relative_includes.get(path)
        if path is None or text is None:
            return None
        template = self._relative.get(path)
        if template is None:
            template = self._relative.setdefault(path, self.env.from_string(text, name=path))
        return template

    def render(
        self, body: str, page: Mapping[str, Any], source_path: str, body_line: int = 1
    ) -> tuple[str, list[Diagnostic]]:
        """The body with its Liquid rendered, and what went wrong doing so."""
        diagnostics: list[Diagnostic] = []
        if "{%" not in body and "{{" not in body:
            return body, diagnostics

        def line_of(source: str, index: int) -> int | None:
            return None if index < 0 else body_line + source.count("\n", 0, index)

        template, source, problems = self._parse(body)
        for code, message, index in problems[:MAX_DIAGNOSTICS]:
            diagnostics.append(error(source_path, code, message, line_of(source, index)))
        if template is None:
            return body, diagnostics

        seen: set[tuple[str, str, int | None]] = set()

        def sink(code: str, message: str, index: int) -> None:
            # A tag in a loop fails the same way each time round: reported once.
            found = (code, _sentence(message), line_of(source, index))
            if found not in seen and len(diagnostics) < MAX_DIAGNOSTICS:
                seen.add(found)
                diagnostics.append(warning(source_path, *found))

        data = {
            "page": page,
            "site": self.site_drop,
            SINK: sink,
            "\x00config": self._site.config,
            "\x00resolve_link": self._site.resolve_link,
            "\x00resolve_post": self._site.resolve_post_url,
            RELATIVE: self.relative_template,
            REPAIRED: self.repaired_include,
        }
        try:
            return template.render(**data), diagnostics
        except (LiquidError, RecursionError, ValueError, TypeError, ArithmeticError) as err:
            index = getattr(getattr(err, "token", None), "start_index", -1)
            diagnostics.append(
                error(source_path, "liquid-render-error", _message(err), line_of(source, index))
            )
            return body, diagnostics


def _message(err: Exception) -> str:
    return _sentence(getattr(err, "message", None) or str(err) or type(err).__name__)


def _in_include(name: str, message: str) -> str:
    return f"in include file {name!r}: {message.removeprefix('Liquid: ')}"


def _sentence(message: str) -> str:
    """A message as the other diagnostics read: which language, and a full stop."""
    message = message.strip()
    return f"Liquid: {message}" + ("" if message.endswith((".", "!", "?")) else ".")


def _keep_tag_as_text(source: str, name: str) -> str | None:
    """``source`` with every ``{% name ... %}`` wrapped in ``raw``."""
    pattern = re.compile(r"\{%-?\s*" + re.escape(name) + r"\b.*?%\}", re.S)
    if "{% endraw" in source or "{%endraw" in source:
        found = pattern.search(source)
        return None if found is None else _keep_as_text(source, found.start() + 2)
    return pattern.sub(lambda m: "{% raw %}" + m.group(0) + "{% endraw %}", source)


def _keep_as_text(source: str, index: int) -> str | None:
    """``source`` with the tag or output statement around ``index`` wrapped in ``raw``."""
    if index < 0:
        return None
    tag = source.rfind("{%", 0, index + 1)
    output = source.rfind("{{", 0, index + 1)
    start = max(tag, output)
    if start < 0:
        return None
    closer = "%}" if start == tag else "}}"
    end = source.find(closer, index)
    end = len(source) if end < 0 else end + 2
    piece = source[start:end]
    if "{% endraw" in piece or "{%endraw" in piece:
        return None
    return f"{source[:start]}{{% raw %}}{piece}{{% endraw %}}{source[end:]}"
