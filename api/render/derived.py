"""What is derived from a page's HTML: plain text, word count, reading time, excerpt source."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

WORDS_PER_MINUTE = 200

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:.+$", re.M)
_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def plaintext(html: str) -> str:
    """The visible text of ``html``: one line per block, spaces collapsed, no markup."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    text = _SPACES.sub(" ", "".join(extractor.parts))
    return _NEWLINES.sub("\n", text).strip()


def word_count(text: str) -> int:
    """Words as Jekyll's ``number_of_words`` counts them: runs of non-whitespace."""
    return len(text.split())


def reading_time_minutes(words: int) -> int:
    """Minutes to read ``words`` words at 200 words a minute, rounded up.

    A page with any words takes at least one minute; an empty page takes zero.
    """
    return math.ceil(words / WORDS_PER_MINUTE) if words > 0 else 0


def excerpt_source(body: str, separator: str) -> str | None:
    """The markdown of Jekyll's excerpt: the body up to ``separator`` (Jekyll's default is a
    blank line, so the first paragraph), plus the link definitions that follow, so the
    excerpt's reference links still resolve. None when the body has no text.

    Unlike Jekyll, blank lines at the start of the body are skipped first, so an excerpt is
    never empty just because the body begins with an empty line.
    """
    text = _BLANK_LINES.sub("", body)
    if not text.strip():
        return None
    if not separator:
        return text
    head, found, tail = text.partition(separator)
    if not found:
        return head
    definitions = _LINK_DEFINITION.findall(tail)
    if definitions:
        head = head + "\n\n" + "\n".join(definitions)
    return head
