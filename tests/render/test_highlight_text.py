"""No highlighted block ever loses (or invents) text, in any supported language.

For code made of each language's trigger fragments (quotes, heredocs, prompts, comments,
interpolation, indentation) mixed with arbitrary text, empty lines and final lines with and
without a newline: the lexer's tokens spell the input exactly, and so does the text of the
HTML on both of Jekyll's paths (kramdown's fenced code and the ``{% highlight %}`` tag, with
Jekyll's own stripping of the tag's leading and trailing line breaks).
"""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.render import PageContext, Renderer, SiteContext
from api.render.highlight import find
from api.render.highlight.html import TokenList
from api.render.highlight.lexers import LEXERS
from api.render.highlight.names import LANGUAGES
from api.render.kramdown.highlight import highlight as kramdown_highlight
from api.render.liquid.highlight import render_highlight

# Every language with a lexer of its own, under its tag and its aliases, a Rouge language
# approximated with Pygments, one Pygments has but Rouge lacks, and one nobody knows.
NAMES = sorted(
    {name for tag in LEXERS for name in (tag, *LANGUAGES[tag])} | {"rust", "psql", "nosuch"}
)
FRAGMENTS = [
    *"\n \t\r'\"`\\#$%&*+-./:;<=>?@[]{}()|^~!,_",
    "\n\n",
    "\r\n",
    "    ",
    "é",
    "漢字",
    "\u00a0",
    "\u2028",
    "<<~EOS\n",
    "<<-'END'\n",
    "EOS\n",
    "END",
    "%w[",
    "%r{",
    "#{",
    "}",
    "/*",
    "*/",
    "//",
    "<!--",
    "-->",
    "$ ",
    "# ",
    "> ",
    "irb(main):001:0> ",
    "=> ",
    "...",
    "---",
    "- ",
    ": ",
    "|\n",
    ">-\n",
    "{%",
    "%}",
    "{{",
    "}}",
    "<%=",
    "%>",
    "<script>",
    "</script>",
    "<style>",
    "<a href='x'>",
    '"""',
    "f'{x}'",
    "r'\\d'",
    "`${a}`",
    "@@ -1 +1 @@\n",
    "+added\n",
    "-removed\n",
    "#include <x.h>\n",
    "#if 0\n",
    "def ",
    "class ",
    "function ",
    "SELECT ",
    "x = 1",
    "0x1F",
    "1.5e3",
    "?a",
    "&amp;",
]
CODE = st.builds(
    lambda parts, newline: "".join(parts) + ("\n" if newline else ""),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40),
    st.booleans(),
)
_TAG = re.compile(r"<[^>]*>")
_EDGES = re.compile(r"\A[\n\r]+|[\n\r]+\Z")
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def text_of(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup))


@PROPERTY
@given(st.sampled_from(NAMES), CODE)
def test_tokens_spell_the_input(name: str, code: str) -> None:
    found = find(name, code)
    if found is None:
        return
    tokens = TokenList()
    found.lexer().lex(code, tokens)
    assert tokens.text() == code


@PROPERTY
@given(st.sampled_from(NAMES), CODE)
def test_fenced_code_keeps_its_text(name: str, code: str) -> None:
    body = kramdown_highlight(code, name)
    if body is not None:
        assert text_of(body) == code


@PROPERTY
@given(st.sampled_from(NAMES), CODE, st.booleans())
def test_highlight_tag_keeps_its_text(name: str, code: str, linenos: bool) -> None:
    out = render_highlight(code, name, linenos)
    inner = re.fullmatch(
        r'<figure class="highlight"><pre><code class="[^"]*" data-lang="[^"]*">(.*)</code>'
        r"</pre></figure>",
        out,
        re.S,
    )
    assert inner is not None
    kept = _EDGES.sub("", code)
    if linenos:
        cell = re.search(r'<td class="code"><pre>(.*)</pre></td>', inner.group(1), re.S)
        assert cell is not None
        lines = kept.count("\n") + (0 if kept.endswith("\n") else 1)
        assert inner.group(1).count("</pre></td>") == 2
        assert re.search(r'<pre class="lineno">([^<]*)</pre>', inner.group(1)).group(1) == (  # type: ignore[union-attr]
            "".join(f"{number}\n" for number in range(1, lines + 1))
        )
        assert text_of(cell.group(1)) == (kept if kept.endswith("\n") else kept + "\n")
    else:
        assert text_of(inner.group(1)) == kept


_RENDERER = Renderer(SiteContext(config={"markdown": "kramdown"}))
_FENCE = "~" * 12


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(NAMES), CODE)
def test_whole_page_keeps_the_code(name: str, code: str) -> None:
    # The markdown reader normalizes line breaks (and, unlike kramdown, turns NUL into
    # U+FFFD) before any highlighting, and a fence line would end the block.
    code = code.replace("\r", "").replace("\x00", "")
    if _FENCE in code or "{" in code or "%" in code:
        return
    fenced = f"{_FENCE} {name}\n{code}\n{_FENCE}\n"
    tag = f"{{% highlight {name} %}}\n{code}\n{{% endhighlight %}}\n"
    page = f"{fenced}\n{tag}"
    out = _RENDERER.render(PageContext("page.md", page, {})).html
    blocks = re.findall(r"<code[^>]*>(.*?)</code>", out, re.S)
    assert len(blocks) == 2
    assert text_of(blocks[0]) == code + "\n"
    assert text_of(blocks[1]) == _EDGES.sub("", code + "\n")
