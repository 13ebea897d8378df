"""Jekyll's ``Utils.slugify`` and ``titleize_slug``, character for character."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MODES = ("raw", "default", "pretty", "ascii", "latin")
_PRETTY_KEEP = frozenset("._~!$&'()+,;=@")
_RAW = re.compile(r"[ \t\r\n\f\v]+")  # Ruby's \s: ASCII whitespace only
_EDGE_HYPHENS = re.compile(r"^-|-$", re.M)  # Ruby's ^ and $ match at every line
_ASCII = re.compile(r"[^A-Za-z0-9]+")


def _is_word(char: str, mode: str) -> bool:
    # Ruby's [\p{M}\p{L}\p{Nd}]: marks, letters and decimal digits, in any script.
    category = unicodedata.category(char)
    if category[0] in "ML" or category == "Nd":
        return True
    return mode == "pretty" and char in _PRETTY_KEEP


def _hyphenate(text: str, mode: str) -> str:
    if mode == "raw":
        return _RAW.sub("-", text)
    if mode == "ascii":
        return _ASCII.sub("-", text)
    out: list[str] = []
    in_run = False
    for char in text:
        if _is_word(char, mode):
            out.append(char)
            in_run = False
        elif not in_run:
            out.append("-")
            in_run = True
    return "".join(out)


def _transliterate(text: str) -> str:
    # I18n.transliterate: drop accents from Latin letters, anything else becomes "?".
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c if ord(c) < 128 else "?" for c in stripped)


@lru_cache(maxsize=65536)
def slugify(text: str, mode: str = "default", cased: bool = False) -> str:
    """A URL slug the way Jekyll makes one (``mode`` as in Jekyll's ``slugify`` filter)."""
    if mode not in MODES:
        return text if cased else text.lower()
    if mode == "latin":
        text = _transliterate(text)
        mode = "default"
    slug = _EDGE_HYPHENS.sub("", _hyphenate(text, mode))
    return slug if cased else slug.lower()


def titleize_slug(slug: str) -> str:
    """``my-first-post`` -> ``My First Post``, as Ruby's ``capitalize`` does it."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in slug.split("-"))
