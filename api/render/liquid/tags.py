"""Jekyll's own Liquid tags: ``include``, ``link``, ``post_url`` and ``highlight``.

Their markup is Jekyll's, not Liquid expression syntax (``{% include note.html
title="x" %}``, ``{% highlight ruby linenos %}``), so each tag reads the raw markup. A link or
an include that cannot be resolved is reported through the render's diagnostics sink and the
tag's own text is written back in its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import StringIO
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token

from . import urls
from .highlight import render_highlight

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

SINK = "\x00sink"  # not a Liquid identifier, so templates cannot read or replace it

_PARAM = re.compile(
    r"([\w-]+)\s*=\s*(?:\"([^\"\\]*(?:\\.[^\"\\]*)*)\"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"
)
_INCLUDE_NAME = re.compile(r"^\s*(\{\{.*?\}\}|[^\s{}]+)(.*)$", re.S)
_VALID_FILE = re.compile(r"^[\w/.\-()+~#@]+$")
_INVALID_SEQUENCE = re.compile(r"[./]{2,}")
_HIGHLIGHT_SYNTAX = re.compile(r'^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$')


def report(context: RenderContext, code: str, message: str, token: Token) -> None:
    sink = context.globals.get(SINK)
    if callable(sink):
        sink(code, message, token.start_index)


def _markup(stream: TokenStream) -> tuple[Token, str]:
    """The tag token and its raw markup; the expression token is left for the parser."""
    token = stream.eat(TOKEN_TAG)
    markup = stream.current.value if stream.current.kind == TOKEN_EXPRESSION else ""
    return token, markup


def _render_variables(text: str, context: RenderContext) -> str:
    """Jekyll renders ``{{ ... }}`` inside include names and link paths."""
    if "{{" not in text:
        return text
    buffer = StringIO()
    context.env.from_string(text).render_with_context(context, buffer, partial=True)
    return buffer.getvalue()


def _source(token: Token) -> str:
    """The full ``{% ... %}`` text of the tag ``token`` belongs to."""
    start = token.source.rfind("{%", 0, token.start_index + 1)
    end = token.source.find("%}", token.start_index)
    if start < 0 or end < 0:
        return ""
    return token.source[start : end + 2]


class _MarkupNode(Node):
    __slots__ = ("markup",)

    def __init__(self, token: Token, markup: str) -> None:
        super().__init__(token)
        self.markup = markup

    def __str__(self) -> str:
        return f"{{% {self.token.value} {self.markup} %}}"

    def fail(self, context: RenderContext, buffer: TextIO, code: str, message: str) -> int:
        report(context, code, message, self.token)
        return buffer.write(_source(self.token))


class IncludeNode(_MarkupNode):
    """Jekyll's include: a file of the includes directory, with ``include.*`` parameters."""

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        match = _INCLUDE_NAME.match(self.markup)
        if match is None:
            return self.fail(context, buffer, "liquid-include-failed", "include needs a file name")
        name = _render_variables(match.group(1), context).strip()
        if not _VALID_FILE.match(name) or _INVALID_SEQUENCE.search(name) or name.startswith("/"):
            return self.fail(
                context, buffer, "liquid-include-failed", f"invalid include file name {name!r}"
            )
        try:
            template = context.env.get_template(name, context=context, tag="include")
        except LiquidError:
            return self.fail(
                context, buffer, "liquid-include-failed", f"include file {name!r} not found"
            )
        params: dict[str, object] = {}
        for param in _PARAM.finditer(match.group(2)):
            key, double, single, variable = param.groups()
            if variable is not None:
                params[key] = _path(context, variable)
            else:
                params[key] = (double if double is not None else single or "").replace('\\"', '"')
        with context.extend({"include": params}, template=template):
            template.render_with_context(context, buffer, partial=True)
        return 1


def _path(context: RenderContext, dotted: str) -> object:
    """A ``page.title``-style parameter value (Jekyll resolves these against the context)."""
    first, *rest = dotted.split(".")
    value: Any = context.resolve(first, default=None)
    for part in rest:
        try:
            value = value[part]
        except (KeyError, TypeError, IndexError):
            return None
    return value


class LinkNode(_MarkupNode):
    """``{% link path %}``: the URL of the document at ``path``, base URL included."""

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        resolve: Callable[[str], str | None] = context.globals["\x00resolve_link"]  # type: ignore[assignment]
        path = _render_variables(self.markup, context).strip()
        url = resolve(path)
        if url is None:
            return self.fail(
                context, buffer, "liquid-link-not-found", f"no document at {path!r} for link"
            )
        config = context.globals["\x00config"]
        return buffer.write(str(urls.relative_url(url, config)))  # type: ignore[arg-type]


class PostUrlNode(_MarkupNode):
    """``{% post_url 2020-01-02-title %}``: the URL of that post, base URL included."""

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        resolve: Callable[[str], str | None] = context.globals["\x00resolve_post"]  # type: ignore[assignment]
        name = self.markup.strip()
        url = resolve(name)
        if url is None:
            return self.fail(context, buffer, "liquid-link-not-found", f"no post named {name!r}")
        config = context.globals["\x00config"]
        return buffer.write(str(urls.relative_url(url, config)))  # type: ignore[arg-type]


class HighlightNode(Node):
    """``{% highlight lang [linenos] %}``: Jekyll's figure-wrapped highlighted code."""

    __slots__ = ("block", "lang", "linenos")

    def __init__(self, token: Token, lang: str, linenos: bool, block: BlockNode) -> None:
        super().__init__(token)
        self.lang = lang
        self.linenos = linenos
        self.block = block
        # Jekyll's highlight always writes its figure, even around white space only.
        self.blank = False

    def __str__(self) -> str:
        return f"{{% highlight {self.lang} %}}{self.block}{{% endhighlight %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        inner = StringIO()
        # Node by node: a block of white space only is still the code (a BlockNode would
        # suppress it as a blank block).
        for node in self.block.nodes:
            node.render(context, inner)
        return buffer.write(render_highlight(inner.getvalue(), self.lang, self.linenos))


class _MarkupTag(Tag):
    block = False
    node: type[_MarkupNode]

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        return self.node(token, markup)


class IncludeTag(_MarkupTag):
    name = "include"
    node = IncludeNode


class LinkTag(_MarkupTag):
    name = "link"
    node = LinkNode


class PostUrlTag(_MarkupTag):
    name = "post_url"
    node = PostUrlNode


class HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"
    block = True

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        match = _HIGHLIGHT_SYNTAX.match(markup.strip())
        if match is None:
            raise LiquidSyntaxError(
                "highlight needs a language: highlight <lang> [linenos]", token=token
            )
        linenos = bool(re.search(r"\blinenos\b", match.group(2) or ""))
        if stream.current.kind == TOKEN_EXPRESSION:
            next(stream)
        block = get_parser(self.env).parse_block(stream, (self.end,))
        stream.expect(TOKEN_TAG, value=self.end)
        return HighlightNode(token, match.group(1).lower(), linenos, block)


JEKYLL_TAGS: tuple[type[Tag], ...] = (IncludeTag, LinkTag, PostUrlTag, HighlightTag)
