"""Reading a hosted embed page as a browser would: its tags, its URLs, its CSP."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Final

#: Attributes that make a browser fetch or navigate.
URL_ATTRIBUTES: Final = frozenset({"src", "href", "action", "formaction", "data", "poster"})
#: What analytics would look like in a page or script: Google's tags and Knight Lab's ID.
ANALYTICS: Final = re.compile(
    r"gtag|googletagmanager|google-analytics|dataLayer|G-LVEFKMG087|\bga\(|UA-\d", re.IGNORECASE
)
_AUTHORITY: Final = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//([^/\s'\"<>?#\\]+)")


@dataclass
class Page(HTMLParser):
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    scripts: list[tuple[dict[str, str | None], str]] = field(default_factory=list)
    _script: dict[str, str | None] | None = None
    _text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    @property
    def urls(self) -> list[str]:
        return [
            value
            for _, attrs in self.tags
            for name, value in attrs.items()
            if name in URL_ATTRIBUTES and value is not None
        ]

    def config(self) -> dict[str, Any]:
        (block,) = [t for a, t in self.scripts if a.get("id") == "timeline-config"]
        found: dict[str, Any] = json.loads(block)
        return found


def parse_page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def hosts_named(text: str) -> set[str]:
    """Every host named anywhere in ``text`` (``scheme://host`` or ``//host``)."""
    return {match.group(1).lower() for match in _AUTHORITY.finditer(text)}


def parse_csp(header: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            assert words[0] not in directives, f"{words[0]} twice"
            directives[words[0]] = words[1:]
    return directives
