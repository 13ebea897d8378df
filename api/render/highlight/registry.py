"""Finding a lexer by name, as Rouge's ``Lexer.find_fancy`` does.

Names are Rouge's tags and aliases, case-sensitive. ``name?key=value&...`` passes options to
the lexer (``console?lang=ruby``, ``erb?parent=xml``). ``guess`` (or no name) looks at the code
for a shebang or a doctype and falls back to plain text. A Rouge language without a lexer here
is approximated with Pygments (see ``fallback.py``); a name Rouge lacks finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from .engine import Lexer
from .fallback import Approximate, pygments_lexer
from .fallback_whitespace import WHITESPACE_TAGS
from .lexers import LEXERS
from .lexers.plaintext import PlainText
from .names import LANGUAGES, TAGS

Factory = Callable[[dict[str, Any]], Lexer]


@dataclass(frozen=True, slots=True)
class Found:
    """A language found: its Rouge tag, and a way to make a fresh lexer for one lex."""

    tag: str
    factory: Factory
    options: tuple[tuple[str, Any], ...] = ()

    def lexer(self) -> Lexer:
        return self.factory(dict(self.options))


def _factory(tag: str) -> Factory:
    own = LEXERS.get(tag)
    if own is not None:
        return own
    approximate = pygments_lexer((tag, *LANGUAGES[tag]))
    if approximate is None:
        return PlainText

    whitespace = "w" if tag in WHITESPACE_TAGS else ""

    def make(options: dict[str, Any]) -> Lexer:
        return Approximate(approximate, whitespace, options)

    return make


_FACTORIES: dict[str, Factory] = {}


def _found(tag: str, options: dict[str, Any]) -> Found:
    factory = _FACTORIES.get(tag)
    if factory is None:
        factory = _FACTORIES[tag] = _factory(tag)
    return Found(tag, factory, tuple(options.items()))


def _options(query: str) -> dict[str, Any]:
    """Options from a CGI-style query, as ``CGI.parse`` reads them (a repeated key: a list)."""
    options: dict[str, Any] = {}
    for key, value in parse_qsl(query, keep_blank_values=True, separator="&"):
        if key in options:
            previous = options[key]
            options[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            options[key] = value
    return options


_DIFF = re.compile(r"\Adiff[^\n]*?\ba/[^\n]*\bb/|---.*?\n[+][+][+]|[+][+][+].*?\n---")
_SHEBANGS = (
    ("python", "python"),
    ("ruby", "ruby"),
    ("node", "javascript"),
    ("perl", "perl"),
    ("php", "php"),
    ("bash", "shell"),
    ("zsh", "shell"),
    ("ksh", "shell"),
    ("/sh", "shell"),
)


def guess(code: str) -> str:
    """The tag for code without a language, from the hints Rouge's guesser reads most (a
    shebang, a doctype, an XML declaration, a diff header, a YAML directive); else plain
    text."""
    first = code.split("\n", 1)[0]
    if first.startswith("#!"):
        for word, tag in _SHEBANGS:
            if word in first:
                return tag
    head = code.lstrip()[:100].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("<?xml"):
        return "xml"
    if code.startswith("Index: ") or _DIFF.search(code):
        return "diff"
    if code.lstrip().startswith("%YAML"):
        return "yaml"
    return "plaintext"


def find(name: str | None, code: str = "") -> Found | None:
    if name is not None and "?" not in name and name != "guess":
        tag = TAGS.get(name)
        return None if tag is None else _found(tag, {})
    base, _, query = (name or "").partition("?")
    options = _options(query)
    if name is None or base == "guess":
        return _found(guess(code), options)
    tag = TAGS.get(base)
    return None if tag is None else _found(tag, options)
