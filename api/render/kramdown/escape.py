"""HTML escaping as kramdown's converter does it.

Text and attribute values keep entity references that are already there (``&amp;`` stays
``&amp;``, ``&copy;`` stays ``&copy;``), because kramdown's raw HTML and URLs are passed
through with their entities as written; only bare ``&``, ``<``, ``>`` (and ``"`` in attributes)
are escaped. Code is escaped fully.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_REFERENCE = r"&(?:[A-Za-z_:][\w.\-:]*|#[0-9]+|#x[0-9a-fA-F]+);"
_TEXT_RE = re.compile(rf"{_REFERENCE}|[<>&]")
_ATTRIBUTE_RE = re.compile(rf"{_REFERENCE}|[<>&\"]")
_ALL = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;"})
_MAP = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


def _replace(match: re.Match[str]) -> str:
    found = match.group(0)
    return _MAP.get(found, found)


def escape_all(text: str) -> str:
    return text.translate(_ALL)


def escape_text(text: str) -> str:
    if "&" not in text and "<" not in text and ">" not in text:
        return text
    return _TEXT_RE.sub(_replace, text)


def escape_attribute(text: str) -> str:
    return _ATTRIBUTE_RE.sub(_replace, text)


def html_attributes(attrs: Mapping[str, object] | None) -> str:
    """Attributes as kramdown writes them: in order, an empty ``id`` left out."""
    if not attrs:
        return ""
    parts = []
    for key, value in attrs.items():
        text = str(value)
        if key == "id" and not text.strip():
            continue
        parts.append(f' {key}="{escape_attribute(text)}"')
    return "".join(parts)
