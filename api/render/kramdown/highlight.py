"""Syntax highlighting with Pygments, standing in for Rouge as Jekyll configures it.

Rouge's HTML output uses Pygments' token class names, so Pygments produces markup of the
same shape; which tokens a lexer finds can still differ between the two. A language neither
knows is not highlighted (kramdown then writes a plain ``<pre><code class="language-x">``).
"""

from __future__ import annotations

from functools import lru_cache

from pygments import format as pygments_format
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.token import Text, Whitespace
from pygments.util import ClassNotFound

from .escape import escape_all

# Rouge's names for languages whose Pygments name differs.
_ALIASES = {
    "plaintext": "text",
    "plain": "text",
    "txt": "text",
    "shell": "bash",
    "sh": "bash",
    "zsh": "bash",
    "console": "console",
    "shell_session": "console",
    "jsx": "javascript",
    "erb": "erb",
    "liquid": "liquid",
    "yml": "yaml",
    "md": "markdown",
    "mkd": "markdown",
    "docker": "docker",
    "viml": "vim",
}
_FORMATTER = HtmlFormatter(nowrap=True)
PLAIN = frozenset({"text"})


@lru_cache(maxsize=256)
def lexer_for(lang: str) -> Lexer | None:
    """The Pygments lexer for a Rouge language name (``?options`` ignored), or None."""
    name = lang.split("?", 1)[0].strip().lower()
    if not name:
        return None
    try:
        return get_lexer_by_name(_ALIASES.get(name, name), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def highlight(code: str, lang: str, guess_lang: bool = True) -> str | None:
    """The code's highlighted HTML (no wrapper), or None when it is not highlighted.

    As with Rouge in kramdown, plain text counts as highlighted only with ``guess_lang``
    (which Jekyll turns on), and an unknown language is not highlighted.
    """
    lexer = lexer_for(lang)
    if lexer is None:
        return None
    if set(lexer.aliases) & PLAIN:
        return escape_all(code) if guess_lang else None
    # Rouge leaves whitespace unwrapped where Pygments gives it a ``w`` span.
    tokens = (
        (Text if kind is Whitespace else kind, value) for kind, value in lexer.get_tokens(code)
    )
    return str(pygments_format(tokens, _FORMATTER))
