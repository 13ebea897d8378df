"""Stylesheets that load nothing from other hosts.

TimelineJS's font sets (``css/fonts/font.*.css``) declare their typefaces with ``@font-face``
rules whose files are on Google Fonts, and one imports a stylesheet from Type Network. A
hosted embed loads nothing from another host, so those rules are dropped when the package is
installed: the ``font-family`` stacks that remain name the same families first, then their
fallbacks (Georgia, Helvetica...), so a reader sees the typeface when it is installed and a
close substitute otherwise. Everything else in the files is kept byte for byte.
"""

from __future__ import annotations

import re
from typing import Final

_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_URL: Final = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""", re.IGNORECASE)
_IMPORT: Final = re.compile(r"""@import\s+(?:url\(\s*)?(['"]?)([^'");\s]+)\1\s*\)?[^;]*;""", re.I)
# @font-face blocks hold declarations only, never a nested block.
_FONT_FACE: Final = re.compile(r"@font-face\s*\{[^{}]*\}", re.IGNORECASE)


def is_remote(reference: str) -> bool:
    """True for a reference that leaves the stylesheet's own origin (``//host``, ``https:``);
    relative paths and ``data:`` URLs stay."""
    value = reference.strip()
    if value.startswith("//"):
        return True
    scheme = _SCHEME.match(value)
    return scheme is not None and scheme.group(0).lower() != "data:"


def remote_references(css: str) -> list[str]:
    """Every ``url(...)`` and ``@import`` target of ``css`` that names another host."""
    found = [m.group(2) for m in _URL.finditer(css) if is_remote(m.group(2))]
    found += [m.group(2) for m in _IMPORT.finditer(css) if is_remote(m.group(2))]
    return found


def strip_remote(css: str) -> tuple[str, int]:
    """``css`` without the ``@font-face`` rules and ``@import``s that load from other hosts;
    also how many were removed."""
    removed = 0

    def font_face(match: re.Match[str]) -> str:
        nonlocal removed
        if remote_references(match.group(0)):
            removed += 1
            return ""
        return match.group(0)

    def import_(match: re.Match[str]) -> str:
        nonlocal removed
        if is_remote(match.group(2)):
            removed += 1
            return ""
        return match.group(0)

    text = _FONT_FACE.sub(font_face, css)
    text = _IMPORT.sub(import_, text)
    return text, removed
