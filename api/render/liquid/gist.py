"""``{% gist %}`` (jekyll-gist, a GitHub Pages default): the script that embeds a gist.

``{% gist parkr/931c1c8d465a04042403 %}`` or ``{% gist 931c1c8d465a04042403 file.rb %}``
(either may name a variable) gives ``<script src="https://gist.github.com/ID.js?file=F">
</script>``. GitHub Pages turns the plugin's ``noscript`` fallback off, which is the one part
that would need the network, so the tag is written exactly as GitHub Pages writes it.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, TextIO

from liquid.tag import Tag

from .tags import _markup, _MarkupNode

if TYPE_CHECKING:
    from liquid.ast import Node
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

_ARGUMENTS = re.compile(r"\A([\S]+|.*(?=/).+)\s?(\S*)\Z")


class GistNode(_MarkupNode):
    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        match = _ARGUMENTS.match(self.markup.strip())
        if match is None:
            return self.fail(
                context, buffer, "liquid-gist-invalid", "gist needs a gist id: gist user/id [file]"
            )
        gist_id, filename = (self._value(context, part) for part in match.groups())
        url = f"https://gist.github.com/{gist_id}.js"
        if filename:
            url += f"?file={filename}"
        return buffer.write(f'<script src="{escape(url)}"> </script>')

    @staticmethod
    def _value(context: RenderContext, name: str) -> str:
        """A name the context holds stands for its value, as in jekyll-gist."""
        if name and re.fullmatch(r"[A-Za-z_][\w.-]*", name):
            value = context.get(list(name.split(".")), token=None, default=None)
            if value is not None:
                return str(value)
        return name


class GistTag(Tag):
    name = "gist"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        return GistNode(token, markup)
