"""From what an author typed to the embed URL inside it.

Authors paste the URL, the URL copied out of HTML (``&amp;``), the whole generator snippet
(``<iframe src='...' ...>``), or a folded YAML string with spaces where lines were joined.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Final

from api.timeline.urls import remove_invisible

# One start tag; each alternative begins with a different character, so matching is linear.
_IFRAME: Final = re.compile(r"<\s*iframe\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>?", re.IGNORECASE)
_ATTRIBUTE: Final = re.compile(
    # An unquoted value runs to the next space or ">", "=" included, as in browsers.
    r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?"""
)
# Only terminated character references are decoded, as browsers do in attribute values:
# html.unescape would turn "&para=1" into "¶=1".
_CHAR_REF: Final = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPED_AMP: Final = re.compile(r"&(?:amp|#0*38|#[xX]0*26);", re.IGNORECASE)
_WRAPPERS: Final = (("<", ">"), ('"', '"'), ("'", "'"))


@dataclass(frozen=True, slots=True)
class Extracted:
    """The candidate URL, and the iframe's own width/height when a snippet was pasted."""

    url: str
    from_iframe: bool = False
    iframe_width: str | None = None
    iframe_height: str | None = None


def extract(text: str) -> Extracted | None:
    """None when the text is markup without an iframe ``src``."""
    if "<" in text and (match := _IFRAME.search(text)) is not None:
        attributes = _attributes(match.group(1))
        src = attributes.get("src")
        if src is None:
            return None
        return Extracted(
            url=_clean(src),
            from_iframe=True,
            iframe_width=attributes.get("width"),
            iframe_height=attributes.get("height"),
        )
    candidate = text.strip()
    for opening, closing in _WRAPPERS:
        if len(candidate) >= 2 and candidate[0] == opening and candidate[-1] == closing:
            candidate = candidate[1:-1].strip()
    if candidate.startswith("<"):
        return None  # markup, but no iframe in it
    # A "<" or ">" further on is in the query at worst: the option it is in is dropped, and
    # one in the host, path or source makes the value no TimelineJS embed.
    return Extracted(url=_clean(_unescape_ampersands(candidate)))


def _attributes(source: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(source):
        name = match.group(1).lower()
        raw = next((g for g in match.groups()[1:] if g is not None), "")
        # The first occurrence wins, as in the HTML parsing algorithm.
        found.setdefault(name, _CHAR_REF.sub(_decode_reference, raw))
    return found


def _decode_reference(match: re.Match[str]) -> str:
    decoded = html.unescape(match.group(0))
    # A reference to NUL or a surrogate is not text; leave it as written.
    return (
        match.group(0) if any(0xD800 <= ord(c) <= 0xDFFF or c == "\0" for c in decoded) else decoded
    )


def _unescape_ampersands(text: str) -> str:
    # Values pasted from HTML are sometimes escaped twice (WordPress): "&amp;amp;".
    for _ in range(4):
        unescaped = _ESCAPED_AMP.sub("&", text)
        if unescaped == text:
            break
        text = unescaped
    return text


def _clean(url: str) -> str:
    return remove_invisible(_unescape_ampersands(url))
