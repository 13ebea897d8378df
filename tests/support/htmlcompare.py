"""Canonical HTML comparison, as ``../shared/corpora/README.md`` defines parity.

Both fragments are parsed as an HTML5 body fragment (html5lib); the token stream keeps each
element as its tag name with attributes sorted by name, and each text node with whitespace
runs collapsed to one space and trimmed (whitespace-only text dropped). Comments are ignored;
entities compare by the characters they stand for, since the parser has decoded them.
"""

from __future__ import annotations

import difflib
import re

import html5lib

Token = tuple[str, ...]
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def canonical(html: str) -> list[Token]:
    """The token stream two fragments must share to be the same."""
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    walker = html5lib.getTreeWalker("etree")
    tokens: list[Token] = []
    text: list[str] = []

    def flush() -> None:
        collapsed = _WHITESPACE.sub(" ", "".join(text)).strip(" ")
        text.clear()
        if collapsed:
            tokens.append(("text", collapsed))

    for token in walker(fragment):
        kind = token["type"]
        if kind in ("Characters", "SpaceCharacters"):
            text.append(token["data"])
            continue
        if kind == "Comment":
            continue
        flush()
        if kind in ("StartTag", "EmptyTag"):
            attrs = sorted((name, value) for (_ns, name), value in token["data"].items())
            tokens.append(("start", token["name"], *(f"{k}={v}" for k, v in attrs)))
            if kind == "EmptyTag":
                tokens.append(("end", token["name"]))
        elif kind == "EndTag":
            tokens.append(("end", token["name"]))
    flush()
    return tokens


def same_html(left: str, right: str) -> bool:
    return canonical(left) == canonical(right)


def diff(expected: str, actual: str, context: int = 2) -> str:
    """A unified diff of the canonical token streams, for failure messages."""
    lines_a = [" ".join(t) for t in canonical(expected)]
    lines_b = [" ".join(t) for t in canonical(actual)]
    return "\n".join(
        difflib.unified_diff(lines_a, lines_b, "expected", "actual", n=context, lineterm="")
    )
