"""The ``{% highlight %}`` tag's output, as Jekyll 4.3 writes it with Rouge.

Jekyll strips the block's leading and trailing line breaks, highlights what is left with the
named lexer (plain text when Rouge lacks the language), optionally in Rouge's line-number
table, and wraps it in a ``<figure>``.
"""

from __future__ import annotations

import re

from ..highlight import highlight, plain
from ..highlight.html import line_table

_EDGE_LINE_BREAKS = re.compile(r"\A[\n\r]+|[\n\r]+\Z")


def _chomp(text: str) -> str:
    """Ruby's ``String#chomp``: one trailing ``\\r\\n``, ``\\n`` or ``\\r`` removed."""
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith(("\n", "\r")) else text


def render_highlight(block: str, lang: str, linenos: bool) -> str:
    """The tag's HTML for its rendered ``block`` and its (lower-cased) language."""
    code = _EDGE_LINE_BREAKS.sub("", block)
    found = highlight(code, lang)
    body = found[0] if found is not None else plain(code)
    if linenos:
        body = line_table(code, body, gutter_class="gutter", code_class="code")
    lang_class = lang.replace("+", "-")
    return (
        f'<figure class="highlight"><pre><code class="language-{lang_class}" '
        f'data-lang="{lang}">{_chomp(body)}</code></pre></figure>'
    )
